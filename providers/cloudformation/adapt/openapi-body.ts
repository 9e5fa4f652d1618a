import { byDefault, set, unknown, type Attr } from '../../../src/graph/attr';
import type { CorsConfig, ResourcePolicy } from '../../../src/graph/kinds';
import { parseResourcePolicy } from '../../aws-shared/iam-policy';
import { isObject, isOpenApi, parseSpecText, readApiGatewaySpec, type Json, type JsonObject, type SpecFlavor } from '../../openapi/api-gateway-spec';
import { specBackendAttrs } from '../../openapi/spec-backend';
import { isCfnUnknown, type CfnResource, type CfnValue } from '../template';
import { edge, emptyResult, type AdaptResult, type CfnContext } from './context';
import type { CfnBody } from './read-prop';

export interface SpecBody extends AdaptResult {
  /** The API has a spec at all (a body, even one that cannot be read, or an S3 location). */
  readonly hasSpec: Attr<boolean>;
  readonly resourcePolicy?: Attr<ResourcePolicy | null>;
  readonly cors?: Attr<CorsConfig | null>;
}

/**
 * The OpenAPI document of a `Body` (REST and HTTP APIs; SAM's `DefinitionBody` once expanded): routes, authorizers,
 * integrations, resource policy and CORS become sub-nodes of the API resource located at the body. Values the
 * template computes (`!Sub arn:...:${Function.Arn}/invocations`) are read as their template text, which keeps the
 * parts that matter here (the scheme, `:lambda:path/`). `BodyS3Location` and `AWS::Include` are not read.
 * `isReplaced(method, path)` says that a separate Method or Route resource defines that route.
 */
export function adaptSpecBody(
  ctx: CfnContext, api: CfnResource, body: CfnBody, names: { readonly body: string; readonly s3: string }, flavor: SpecFlavor,
  isReplaced: (method: string, path: string) => boolean,
): SpecBody {
  const result = emptyResult();
  const prop = ctx.read.prop(body, names.body);
  if (!prop) {
    const s3 = ctx.read.prop(body, names.s3);
    if (!s3) return { ...result, hasSpec: byDefault(false, api.source) };
    result.diagnostics.push(ctx.notice(api, `the OpenAPI document is read from S3 (${names.s3}); its routes are not checked`, s3.source));
    return { ...result, hasSpec: set(true, s3.source) };
  }
  const at = prop.source;
  const hasSpec = set(true, at);
  if (isCfnUnknown(prop.value)) {
    result.diagnostics.push(ctx.notice(api, `the OpenAPI ${names.body} is not known statically (${prop.value.expr}); its routes are not checked`, at));
    return { ...result, hasSpec };
  }
  const document = documentOf(prop.value);
  if (!document.ok) {
    result.diagnostics.push(ctx.notice(api, `${names.body} is not a readable OpenAPI document (${document.reason}); its routes are not checked`, at, 'warning'));
    return { ...result, hasSpec };
  }
  if (!isOpenApi(document.document)) return { ...result, hasSpec };
  const spec = readApiGatewaySpec(document.document, flavor);
  const apiId = ctx.nodeId(api.logicalId);

  const authorizerIds = new Map<string, string>();
  for (const authorizer of spec.authorizers) {
    const node = ctx.node(api, 'api.authorizer', {
      type: set(authorizer.type, at),
      issuer: set(authorizer.issuer, at),
      audience: set(authorizer.audience, at),
      identitySource: set(authorizer.identitySource, at),
    }, { suffix: `#authorizer:${authorizer.name}`, raw: authorizer });
    authorizerIds.set(authorizer.name, node.id);
    result.nodes.push(node);
    result.edges.push(edge(apiId, 'api-has-authorizer', node.id));
  }
  for (const operation of spec.operations) {
    if (isReplaced(operation.method, operation.path)) continue;
    const route = `${operation.method} ${operation.path}`;
    const node = ctx.node(api, 'api.operation', {
      method: set(operation.method, at),
      path: set(operation.path, at),
      authorization: set(operation.authorization, at),
      apiKeyRequired: set(operation.apiKeyRequired, at),
      requestValidation: operation.requestValidation.explicit ? set(operation.requestValidation.level, at) : byDefault(operation.requestValidation.level, at),
      requiredParameters: operation.requiredParameters === undefined
        ? unknown('a parameter $ref that does not resolve in the document', at)
        : set(operation.requiredParameters, at),
      throttling: byDefault(null, at),
    }, { suffix: `#${route}`, raw: { method: operation.method, path: operation.path, authorizers: operation.authorizers } });
    result.nodes.push(node);
    result.edges.push(edge(apiId, 'api-has-operation', node.id));
    for (const name of operation.authorizers) {
      const id = authorizerIds.get(name);
      if (id !== undefined) result.edges.push(edge(node.id, 'operation-uses-authorizer', id));
    }
    if (operation.integration) {
      const backend = ctx.node(api, 'api.backend', specBackendAttrs(operation.integration, flavor, at), { suffix: `#integration:${route}`, raw: operation.integration });
      result.nodes.push(backend);
      result.edges.push(edge(node.id, 'operation-calls-backend', backend.id));
    }
  }
  let resourcePolicy: Attr<ResourcePolicy | null> | undefined;
  if (spec.resourcePolicy !== undefined) {
    const text = typeof spec.resourcePolicy === 'string' ? spec.resourcePolicy : JSON.stringify(spec.resourcePolicy);
    const parsed = parseResourcePolicy(text);
    resourcePolicy = parsed ? set(parsed, at) : unknown('x-amazon-apigateway-policy is not a policy document we can read', at);
  }
  return {
    ...result,
    hasSpec,
    ...(resourcePolicy && { resourcePolicy }),
    ...(spec.cors !== undefined && { cors: set(spec.cors, at) }),
  };
}

type Document = { readonly ok: true; readonly document: JsonObject } | { readonly ok: false; readonly reason: string };

/** A body is an object in the template, or a string holding JSON or YAML. */
function documentOf(value: CfnValue): Document {
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
