import { byDefault, set, type Attr } from '../../../src/graph/attr';
import type { CorsConfig, ResourcePolicy } from '../../../src/graph/kinds';
import type { FileSource } from '../../../src/graph/source';
import { isObject, isOpenApi, parseSpecText, readApiGatewaySpec, type Json, type JsonObject, type SpecFlavor, type SpecText } from '../../openapi/api-gateway-spec';
import { specNodes } from '../../openapi/spec-nodes';
import { isCfnUnknown, type CfnResource, type CfnValue } from '../template';
import { emptyResult, type AdaptResult, type CfnContext } from './context';
import type { CfnBody } from './read-prop';

export interface SpecBody extends AdaptResult {
  /** The API has a spec at all (a body, even one that cannot be read, or an S3 location). */
  readonly hasSpec: Attr<boolean>;
  readonly resourcePolicy?: Attr<ResourcePolicy | null>;
  readonly cors?: Attr<CorsConfig | null>;
  /** `false` when the document disables the execute-api endpoint (see `SpecNodes.defaultEndpointEnabled`). */
  readonly defaultEndpointEnabled?: Attr<boolean>;
}

/**
 * The OpenAPI document of a `Body` (REST and HTTP APIs; SAM's `DefinitionBody` once expanded): routes, authorizers,
 * integrations, resource policy and CORS become sub-nodes of the API resource located at the body. Values the
 * template computes (`!Sub arn:...:${Function.Arn}/invocations`) are read as their template text, which keeps the
 * parts that matter here (the scheme, `:lambda:path/`). A `BodyS3Location` that is a local path (before packaging)
 * is read from that file, and an `AWS::Include` of a local file was inlined when the template was loaded; a document
 * in S3 is not read.
 * `isReplaced(method, path)` says that a separate Method or Route resource defines that route.
 */
export function adaptSpecBody(
  ctx: CfnContext, api: CfnResource, body: CfnBody, names: { readonly body: string; readonly s3: string }, flavor: SpecFlavor,
  isReplaced: (method: string, path: string) => boolean,
): SpecBody {
  const result = emptyResult();
  const prop = ctx.read.prop(body, names.body);
  let document: SpecText;
  let at: FileSource;
  let described: string;
  if (prop) {
    at = prop.source;
    described = names.body;
    if (isCfnUnknown(prop.value)) {
      result.diagnostics.push(ctx.notice(api, `the OpenAPI ${names.body} is not known statically (${prop.value.expr}); its routes are not checked`, at));
      return { ...result, hasSpec: set(true, at) };
    }
    document = documentOf(prop.value);
  } else {
    const s3 = ctx.read.prop(body, names.s3);
    if (!s3) return { ...result, hasSpec: byDefault(false, api.source) };
    const path = typeof s3.value === 'string' ? s3.value : undefined;
    const local = path === undefined ? undefined : ctx.localDocuments.get(path);
    if (path === undefined || !local) {
      result.diagnostics.push(ctx.notice(api, `the OpenAPI document is read from S3 (${names.s3}); its routes are not checked`, s3.source));
      return { ...result, hasSpec: set(true, s3.source) };
    }
    at = s3.source;
    described = `the local file ${path} (${names.s3}, uploaded by sam / cloudformation package)`;
    document = local;
  }
  const hasSpec = set(true, at);
  if (!document.ok) {
    result.diagnostics.push(ctx.notice(api, `${described} is not a readable OpenAPI document (${document.reason}); its routes are not checked`, at, 'warning'));
    return { ...result, hasSpec };
  }
  if (!isOpenApi(document.document)) return { ...result, hasSpec };
  const spec = readApiGatewaySpec(document.document, flavor);
  const nodes = specNodes(spec, flavor, at, ctx.nodeId(api.logicalId), (kind, attrs, options) => ctx.node(api, kind, attrs, options), isReplaced);
  result.nodes.push(...nodes.nodes);
  result.edges.push(...nodes.edges);
  return {
    ...result,
    hasSpec,
    ...(nodes.resourcePolicy && { resourcePolicy: nodes.resourcePolicy }),
    ...(nodes.cors && { cors: nodes.cors }),
    ...(nodes.defaultEndpointEnabled && { defaultEndpointEnabled: nodes.defaultEndpointEnabled }),
  };
}

/** A body is an object in the template, or a string holding JSON or YAML. */
function documentOf(value: CfnValue): SpecText {
  if (typeof value === 'string') {
    const parsed = parseSpecText(value);
    return parsed.ok ? parsed : { ok: false, reason: parsed.line === undefined ? parsed.reason : `${parsed.reason}, line ${parsed.line} of the document` };
  }
  const json = toJson(value);
  return isObject(json) ? { ok: true, document: json } : { ok: false, reason: 'not a mapping' };
}

/** Plain JSON for the spec reader: a computed value becomes its template text. */
export function toJson(value: CfnValue): Json {
  if (isCfnUnknown(value)) return value.expr;
  if (Array.isArray(value)) return (value as readonly CfnValue[]).map(toJson);
  if (typeof value === 'object' && value !== null) {
    const result: JsonObject = {};
    for (const [key, item] of Object.entries(value as { readonly [key: string]: CfnValue })) {
      Object.defineProperty(result, key, { value: toJson(item), enumerable: true, writable: true, configurable: true });
    }
    return result;
  }
  return value;
}
