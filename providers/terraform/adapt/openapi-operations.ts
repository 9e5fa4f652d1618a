import { byDefault, set, type Attr } from '../../../src/graph/attr';
import type { Authorization, GraphNode, RequestValidation } from '../../../src/graph/kinds';
import type { FileSource } from '../../../src/graph/source';
import type { TfResource } from '../model';
import { attribute } from './read-attr';
import { terraformNode } from './terraform-node';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;

/**
 * The operations of an OpenAPI / Swagger document written as a known JSON string in an API's `body`
 * (`body = jsonencode({...})` or a JSON heredoc). YAML bodies and bodies known only after apply give none:
 * the API then has a spec but no operations we can list. Each operation is a sub-node of the API resource:
 * `#GET /pets`. Authorization follows the document's `security` requirements and the API Gateway extensions:
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions.html
 */
export function specOperations(api: TfResource, flavor: 'rest' | 'http'): GraphNode<'api.operation'>[] {
  const body = attribute(api.body, 'body');
  if (!body || typeof body.value !== 'string') return [];
  const document = parseJson(body.value);
  const paths = document?.['paths'];
  if (!document || !isObject(paths)) return [];
  const schemes = securitySchemes(document);
  const validators = objectAt(document, 'x-amazon-apigateway-request-validators');
  const operations: GraphNode<'api.operation'>[] = [];
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const [key, operation] of Object.entries(item)) {
      const method = key === 'x-amazon-apigateway-any-method' ? 'ANY' : (HTTP_METHODS as readonly string[]).includes(key) ? key.toUpperCase() : undefined;
      if (method === undefined || !isObject(operation)) continue;
      const security = operation['security'] ?? document['security'];
      const auth = authorization(security, schemes);
      operations.push(terraformNode(api, 'api.operation', {
        method: set(method, body.source),
        path: set(path, body.source),
        authorization: set(auth.authorization, body.source),
        apiKeyRequired: set(auth.apiKeyRequired, body.source),
        requestValidation: validation(flavor, operation, document, validators, body.source),
        throttling: byDefault(null, body.source),
      }, { suffix: `#${method} ${path}` }));
    }
  }
  return operations;
}

interface SpecAuth { readonly authorization: Authorization; readonly apiKeyRequired: boolean }

/** Requirements are alternatives: one empty requirement (`{}`) lets anonymous callers in. */
function authorization(security: Json | undefined, schemes: JsonObject): SpecAuth {
  if (!Array.isArray(security) || security.length === 0) return { authorization: 'none', apiKeyRequired: false };
  const kinds = security.map((requirement) => (isObject(requirement) ? Object.keys(requirement).map((name) => schemeKind(schemes[name])) : []));
  if (kinds.some((k) => k.length === 0)) return { authorization: 'none', apiKeyRequired: false };
  const weakest = kinds.map((k) => ({ authorization: k.find((a) => a !== 'api-key') ?? 'none', apiKeyRequired: k.includes('api-key') }))
    .sort((a, b) => Number(a.authorization !== 'none') - Number(b.authorization !== 'none'))[0];
  return weakest ?? { authorization: 'none', apiKeyRequired: false };
}

/** What a named security scheme checks; `api-key` only identifies the caller. */
function schemeKind(scheme: Json | undefined): Authorization | 'api-key' {
  if (!isObject(scheme)) return 'none';
  const authType = typeof scheme['x-amazon-apigateway-authtype'] === 'string' ? scheme['x-amazon-apigateway-authtype'].toLowerCase() : '';
  const authorizer = objectAt(scheme, 'x-amazon-apigateway-authorizer');
  const authorizerType = typeof authorizer['type'] === 'string' ? authorizer['type'].toLowerCase() : '';
  if (authType === 'awssigv4') return 'iam';
  if (authType === 'cognito_user_pools' || authorizerType === 'cognito_user_pools') return 'cognito';
  if (authorizerType === 'jwt' || scheme['type'] === 'oauth2' || scheme['type'] === 'openIdConnect') return 'jwt';
  if (authorizerType === 'token' || authorizerType === 'request' || authType === 'custom') return 'lambda';
  if (scheme['type'] === 'apiKey') return 'api-key';
  return 'none';
}

function securitySchemes(document: JsonObject): JsonObject {
  return { ...objectAt(document, 'securityDefinitions'), ...objectAt(objectAt(document, 'components'), 'securitySchemes') };
}

/** `x-amazon-apigateway-request-validator` on the operation, else the document's default. HTTP APIs validate nothing. */
function validation(flavor: 'rest' | 'http', operation: JsonObject, document: JsonObject, validators: JsonObject, source: FileSource): Attr<RequestValidation> {
  if (flavor === 'http') return byDefault('none', source);
  const name = operation['x-amazon-apigateway-request-validator'] ?? document['x-amazon-apigateway-request-validator'];
  if (typeof name !== 'string') return byDefault('none', source);
  const validator = objectAt(validators, name);
  const body = validator['validateRequestBody'] === true;
  const params = validator['validateRequestParameters'] === true;
  return set(body ? (params ? 'full' : 'body') : params ? 'params' : 'none', source);
}

function parseJson(text: string): JsonObject | undefined {
  try {
    const value = JSON.parse(text) as Json;
    return isObject(value) ? value : undefined;
  } catch {
    // YAML or templated text: the API still has a spec, we just cannot list its operations.
    return undefined;
  }
}

function objectAt(value: Json | undefined, key: string): JsonObject {
  if (!isObject(value)) return {};
  const found = value[key];
  return isObject(found) ? found : {};
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
