import type { Diagnostic } from '../../../src/graph/diagnostic';
import { isObject, isOpenApi, parseSpecText, readApiGatewaySpec, type Json, type SpecFlavor } from '../../openapi/api-gateway-spec';
import { specNodes, type SpecNodes } from '../../openapi/spec-nodes';
import { isUnknown, type TfResource, type TfValue } from '../model';
import type { Linker } from './linker';
import { attribute, firstUnknown } from './read-attr';
import { resourceNotice, terraformNode } from './terraform-node';
import { withWrittenForms } from './written-form';
import { decidesAccessKnowably } from './written-policy';

/** What an API's OpenAPI `body` adds to the graph, and the API attributes it sets. */
export interface SpecBody extends SpecNodes {
  readonly diagnostics: Diagnostic[];
}

/**
 * The routes, authorizers, integrations, resource policy and CORS of the OpenAPI document in an API's `body`
 * (`jsonencode(...)`, `yamlencode(...)`, a heredoc, `file("openapi.yaml")`). Each becomes a sub-node of the API
 * resource (`#GET /pets`, `#authorizer:jwt`, `#integration:GET /pets`) located at the `body` attribute.
 * `isReplaced(method, path)` says that a separate method or route resource of the same API defines that route:
 * Terraform applies those after the body, so the resource wins and the route is not counted twice.
 * A body known only after apply (`templatefile(...)`) still makes the API "described by a spec", but lists nothing.
 */
export function adaptSpecBody(linker: Linker, api: TfResource, flavor: SpecFlavor, isReplaced: (method: string, path: string) => boolean): SpecBody {
  const result: SpecBody = { nodes: [], edges: [], diagnostics: [] };
  const body = attribute(api.body, 'body');
  if (!body) return result;
  const at = body.source;
  const value = isUnknown(body.value) && body.value.encoded !== undefined ? withWrittenForms(body.value.encoded) : body.value;
  const hidden = firstUnknown(value);
  if (hidden) {
    result.diagnostics.push(resourceNotice(api, `the OpenAPI body is not known statically (${brief(hidden.expr)}); its routes are not checked`, at));
    return result;
  }
  const document = documentOf(value);
  if (!document.ok) {
    result.diagnostics.push(resourceNotice(api, `the body is not a readable OpenAPI document (${document.reason}); its routes are not checked`, at, 'warning'));
    return result;
  }
  if (!isOpenApi(document.document)) return result;
  const deciding = isUnknown(body.value) ? placeholderDecidingAccess(document.document) : undefined;
  if (deciding !== undefined) {
    result.diagnostics.push(resourceNotice(api, `the OpenAPI body decides who may call its routes with a value known only at apply time (${brief(deciding)}); its routes are not checked`, at));
    return result;
  }
  const spec = readApiGatewaySpec(document.document, flavor);
  const nodes = specNodes(spec, flavor, at, linker.nodeId(api.address), (kind, attrs, options) => terraformNode(linker, api, kind, attrs, options), isReplaced);
  return { ...nodes, diagnostics: result.diagnostics };
}

/**
 * A placeholder (`${var.auth}`) of a value known only at apply time where a document says which routes there are and
 * who may call them: path items and operations, security requirements and schemes, `x-amazon-apigateway-auth`, request
 * validators, the endpoint configuration, CORS, and who a resource policy allows.
 * Read as text, it would say something else than what is deployed (a scheme of an unknown kind reads as none). The
 * resources an authorizer names (`providerARNs`, `authorizerUri`, `authorizerCredentials`) may be placeholders.
 */
function placeholderDecidingAccess(document: { readonly [key: string]: Json }): string | undefined {
  const components = isObject(document['components']) ? document['components'] : {};
  const places: Json[] = [
    document['security'] ?? null, document['securityDefinitions'] ?? null, components['securitySchemes'] ?? null,
    document['x-amazon-apigateway-request-validators'] ?? null, document['x-amazon-apigateway-endpoint-configuration'] ?? null,
    document['x-amazon-apigateway-api-key-source'] ?? null, document['x-amazon-apigateway-cors'] ?? null,
  ];
  // A resource policy may name values known only at apply time in its resources and condition values, not in who is allowed.
  const policy = document['x-amazon-apigateway-policy'];
  const inPolicy = policy === undefined ? undefined : placeholderIn(policy);
  if (inPolicy !== undefined && !decidesAccessKnowably(policy)) return inPolicy;
  const servers = Array.isArray(document['servers']) ? document['servers'] : [];
  for (const server of servers) if (isObject(server)) places.push(server['x-amazon-apigateway-endpoint-configuration'] ?? null);
  const paths = isObject(document['paths']) ? document['paths'] : {};
  for (const item of Object.values(paths)) {
    // A path item or an operation that is a placeholder: which routes exist, and how they are guarded, is not known.
    if (typeof item === 'string' && item.includes('${')) return item;
    if (!isObject(item)) continue;
    for (const operation of Object.values(item)) {
      if (typeof operation === 'string' && operation.includes('${')) return operation;
      if (!isObject(operation)) continue;
      places.push(operation['security'] ?? null, operation['x-amazon-apigateway-auth'] ?? null, operation['x-amazon-apigateway-request-validator'] ?? null);
    }
  }
  for (const place of places) {
    const found = placeholderIn(place);
    if (found !== undefined) return found;
  }
  return undefined;
}

const NAMED_RESOURCES = new Set(['providerARNs', 'authorizerUri', 'authorizerCredentials']);

function placeholderIn(value: Json): string | undefined {
  if (typeof value === 'string') return value.includes('${') ? value : undefined;
  const items = Array.isArray(value) ? value : isObject(value) ? Object.entries(value).filter(([key]) => !NAMED_RESOURCES.has(key)).map(([, item]) => item) : [];
  for (const item of items) {
    const found = placeholderIn(item);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A `templatefile(...)` call with its whole vars map would fill the notice: one line, cut after 60 characters. */
export function brief(expr: string): string {
  const line = expr.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}

type Document = { readonly ok: true; readonly document: { [key: string]: Json } } | { readonly ok: false; readonly reason: string };

/** `body` is a string in Terraform; an object (from a plan or a lenient module) is taken as the document itself. */
function documentOf(value: TfValue): Document {
  if (typeof value === 'string') {
    const parsed = parseSpecText(value);
    return parsed.ok ? parsed : { ok: false, reason: parsed.line === undefined ? parsed.reason : `${parsed.reason}, line ${parsed.line} of the document` };
  }
  // The caller checked that nothing in the value is unknown: what remains is plain JSON data.
  const json = value as Json;
  return isObject(json) ? { ok: true, document: json } : { ok: false, reason: 'not a string' };
}
