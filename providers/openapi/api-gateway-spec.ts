import type { Authorization, AuthorizerType, BackendType, CorsConfig, RequestValidation } from '../../src/graph/kinds';
import { parseYaml } from '../yaml/parse';

/**
 * An OpenAPI 2 / 3 document imported into API Gateway (a REST or HTTP API `body`, a SAM `DefinitionBody`, an
 * exported live API), read into provider-neutral facts: routes, security requirements, authorizers, request
 * validators, integrations, resource policy and CORS. Pure: no graph nodes, no source format.
 * Extensions: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions.html
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export type SpecFlavor = 'rest' | 'http';

export interface ApiGatewaySpec {
  readonly operations: readonly SpecOperation[];
  /** Security schemes that carry `x-amazon-apigateway-authorizer`, by scheme name. */
  readonly authorizers: readonly SpecAuthorizer[];
  /** `x-amazon-apigateway-policy` as written (an IAM policy document); `undefined` when absent. */
  readonly resourcePolicy: Json | undefined;
  /** `x-amazon-apigateway-cors` (HTTP APIs); `undefined` when absent. */
  readonly cors: CorsConfig | undefined;
  /** `disableExecuteApiEndpoint` of `x-amazon-apigateway-endpoint-configuration` (root, or a server's in OpenAPI 3) is true. */
  readonly executeApiEndpointDisabled: boolean;
}

export interface SpecOperation {
  /** Upper-case verb, `ANY`, or `$default` for the HTTP API default route. */
  readonly method: string;
  readonly path: string;
  /** `undefined` when the `security` requirement is a value known only at deployment (an unresolved expression). */
  readonly authorization: Authorization | undefined;
  readonly apiKeyRequired: boolean;
  /** Names of the authorizer schemes the operation's security requirements use. */
  readonly authorizers: readonly string[];
  /** `explicit` when a request validator applies (even one that validates nothing). */
  readonly requestValidation: { readonly level: RequestValidation; readonly explicit: boolean };
  /** Required query and header parameters (`query:page`, `header:X-Tenant`); `undefined` when a `$ref` cannot be resolved. */
  readonly requiredParameters: readonly string[] | undefined;
  readonly integration: SpecIntegration | undefined;
}

export interface SpecAuthorizer {
  readonly name: string;
  readonly type: AuthorizerType;
  readonly issuer: string | null;
  readonly audience: readonly string[];
  readonly identitySource: string;
}

export interface SpecIntegration {
  /** `undefined` when the type is missing or not one API Gateway knows. */
  readonly type: BackendType | undefined;
  readonly uri: string | undefined;
  readonly connection: 'internet' | 'vpc-link';
  readonly insecureSkipVerification: boolean;
  /** HTTP API private integrations verify TLS to this name; REST APIs ignore it. */
  readonly serverNameToVerify: string | undefined;
}

export type SpecText = { readonly ok: true; readonly document: JsonObject } | { readonly ok: false; readonly reason: string; readonly line?: number };

/** JSON first (the common `jsonencode(...)` case, and exact), else YAML with the safe core schema. */
export function parseSpecText(text: string): SpecText {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    try {
      const value = JSON.parse(text) as Json;
      return isObject(value) ? { ok: true, document: value } : { ok: false, reason: 'the document is not an object' };
    } catch {
      // Flow-style YAML also starts with `{`: let the YAML reader decide and report.
    }
  }
  const parsed = parseYaml(text);
  if (!parsed.ok) return parsed;
  const value = parsed.value as Json;
  return isObject(value) ? { ok: true, document: value } : { ok: false, reason: 'the document is not an object' };
}

/** A document that is an OpenAPI or Swagger description at all. */
export function isOpenApi(document: JsonObject): boolean {
  return typeof document['openapi'] === 'string' || typeof document['swagger'] === 'string' || isObject(document['paths']);
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const ANY_METHOD = 'x-amazon-apigateway-any-method';

export function readApiGatewaySpec(document: JsonObject, flavor: SpecFlavor): ApiGatewaySpec {
  const schemes = securitySchemes(document);
  const validators = objectAt(document, 'x-amazon-apigateway-request-validators');
  const operations: SpecOperation[] = [];
  for (const [path, rawItem] of Object.entries(objectAt(document, 'paths'))) {
    const item = resolveRef(document, rawItem);
    if (!isObject(item)) continue;
    for (const [key, rawOperation] of Object.entries(item)) {
      const verb = key === ANY_METHOD ? 'ANY' : (HTTP_METHODS as readonly string[]).includes(key) ? key.toUpperCase() : undefined;
      const operation = resolveRef(document, rawOperation);
      if (verb === undefined || !isObject(operation)) continue;
      // HTTP APIs: `/$default` with any-method is the `$default` route; SAM writes the path without its slash.
      const isDefaultRoute = flavor === 'http' && (path === '/$default' || path === '$default') && verb === 'ANY';
      const security = operation['security'] ?? document['security'];
      const auth = authorization(security, schemes, operation);
      operations.push({
        method: isDefaultRoute ? '$default' : verb,
        path: isDefaultRoute ? '$default' : path,
        ...auth,
        requestValidation: validation(flavor, operation, document, validators),
        requiredParameters: requiredParameters(document, item, operation),
        integration: integration(document, operation),
      });
    }
  }
  return {
    operations,
    authorizers: Object.entries(schemes).flatMap(([name, scheme]) => {
      const found = authorizerOf(name, scheme, flavor);
      return found ? [found] : [];
    }),
    resourcePolicy: flavor === 'rest' ? document['x-amazon-apigateway-policy'] : undefined,
    cors: flavor === 'http' ? cors(document) : undefined,
    executeApiEndpointDisabled: executeApiEndpointDisabled(document),
  };
}

// Swagger 2 puts the extension at the root, OpenAPI 3 under `servers[]`:
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-endpoint-configuration.html
function executeApiEndpointDisabled(document: JsonObject): boolean {
  const servers = Array.isArray(document['servers']) ? document['servers'] : [];
  return [document, ...servers].some((holder) => objectAt(holder, 'x-amazon-apigateway-endpoint-configuration')['disableExecuteApiEndpoint'] === true);
}

type Auth = Pick<SpecOperation, 'authorization' | 'apiKeyRequired' | 'authorizers'>;
const OPEN: Auth = { authorization: 'none', apiKeyRequired: false, authorizers: [] };

/**
 * Requirements are alternatives, and the schemes of one requirement are all needed: the operation is as weak as
 * its weakest alternative. One empty requirement (`{}`) lets anonymous callers in.
 * Without `security`, `x-amazon-apigateway-auth` may still ask for IAM.
 */
function authorization(security: Json | undefined, schemes: JsonObject, operation: JsonObject): Auth {
  // Adapters write a value they cannot resolve as its expression text.
  if (typeof security === 'string') return { ...OPEN, authorization: undefined };
  if (!Array.isArray(security) || security.length === 0) {
    const auth = objectAt(operation, 'x-amazon-apigateway-auth');
    return typeof auth['type'] === 'string' && auth['type'].toUpperCase() === 'AWS_IAM' ? { ...OPEN, authorization: 'iam' } : OPEN;
  }
  const alternatives = security.map((requirement) => (isObject(requirement) ? Object.keys(requirement) : []));
  const authorizers = [...new Set(alternatives.flat().filter((name) => isObject(objectAt(schemes, name)['x-amazon-apigateway-authorizer'])))];
  if (alternatives.some((names) => names.length === 0)) return { ...OPEN, authorizers };
  const options = alternatives.map((names) => {
    const kinds = names.map((name) => schemeKind(schemes[name]));
    return { authorization: kinds.find((k): k is Authorization => k !== 'api-key') ?? 'none', apiKeyRequired: kinds.includes('api-key') };
  });
  const weakest = [...options].sort((a, b) => strength(a) - strength(b))[0];
  return weakest ? { ...weakest, authorizers } : OPEN;
}

/** Open routes first, then key-only routes, then authenticated ones. */
function strength(option: { readonly authorization: Authorization | undefined; readonly apiKeyRequired: boolean }): number {
  if (option.authorization !== 'none') return 2;
  return option.apiKeyRequired ? 1 : 0;
}

/** What a named security scheme checks; `api-key` only identifies the caller. */
function schemeKind(scheme: Json | undefined): Authorization | 'api-key' {
  if (!isObject(scheme)) return 'none';
  const authType = stringAt(scheme, 'x-amazon-apigateway-authtype')?.toLowerCase() ?? '';
  const authorizerType = stringAt(objectAt(scheme, 'x-amazon-apigateway-authorizer'), 'type')?.toLowerCase() ?? '';
  if (authType === 'awssigv4') return 'iam';
  if (authType === 'cognito_user_pools' || authorizerType === 'cognito_user_pools') return 'cognito';
  if (authorizerType === 'jwt' || scheme['type'] === 'oauth2' || scheme['type'] === 'openIdConnect') return 'jwt';
  if (authorizerType === 'token' || authorizerType === 'request' || authType === 'custom') return 'lambda';
  if (scheme['type'] === 'apiKey') return 'api-key';
  return 'none';
}

// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-authorizer.html
function authorizerOf(name: string, scheme: Json, flavor: SpecFlavor): SpecAuthorizer | undefined {
  if (!isObject(scheme)) return undefined;
  const authorizer = objectAt(scheme, 'x-amazon-apigateway-authorizer');
  if (!isObject(scheme['x-amazon-apigateway-authorizer'])) return undefined;
  const rawType = stringAt(authorizer, 'type')?.toLowerCase();
  const type: AuthorizerType = rawType === 'jwt' ? 'jwt' : rawType === 'cognito_user_pools' ? 'cognito' : 'lambda';
  const jwt = objectAt(authorizer, 'jwtConfiguration');
  const providers = stringList(authorizer['providerARNs']);
  const identity = authorizer['identitySource'];
  // A TOKEN authorizer without identitySource reads the header the scheme names (`in: header`, `name: Authorization`).
  const header = scheme['in'] === 'header' ? stringAt(scheme, 'name') : undefined;
  const fallbackIdentity = header === undefined ? '' : flavor === 'http' ? `$request.header.${header}` : `method.request.header.${header}`;
  return {
    name,
    type,
    issuer: type === 'jwt' ? (stringAt(jwt, 'issuer') ?? null) : type === 'cognito' && providers.length > 0 ? providers.join(',') : null,
    audience: type === 'jwt' ? stringList(jwt['audience']) : [],
    identitySource: typeof identity === 'string' ? identity : Array.isArray(identity) ? stringList(identity).join(',') : fallbackIdentity,
  };
}

function securitySchemes(document: JsonObject): JsonObject {
  return { ...objectAt(document, 'securityDefinitions'), ...objectAt(objectAt(document, 'components'), 'securitySchemes') };
}

/** `x-amazon-apigateway-request-validator` on the operation, else the document's default. HTTP APIs validate nothing. */
function validation(flavor: SpecFlavor, operation: JsonObject, document: JsonObject, validators: JsonObject): SpecOperation['requestValidation'] {
  if (flavor === 'http') return { level: 'none', explicit: false };
  const name = operation['x-amazon-apigateway-request-validator'] ?? document['x-amazon-apigateway-request-validator'];
  if (typeof name !== 'string') return { level: 'none', explicit: false };
  const validator = objectAt(validators, name);
  const body = validator['validateRequestBody'] === true;
  const params = validator['validateRequestParameters'] === true;
  return { level: body ? (params ? 'full' : 'body') : params ? 'params' : 'none', explicit: true };
}

/**
 * Required query and header parameters (`query:page`), from the path item and the operation (the operation's win by
 * name and place); `undefined` when a `$ref` among them does not resolve.
 */
export function requiredParameters(document: JsonObject, item: JsonObject, operation: JsonObject): readonly string[] | undefined {
  const byKey = new Map<string, boolean>();
  for (const list of [item['parameters'], operation['parameters']]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const parameter = resolveRef(document, raw);
      if (parameter === undefined) return undefined;
      if (!isObject(parameter)) continue;
      const place = parameter['in'];
      const name = parameter['name'];
      if ((place !== 'query' && place !== 'header') || typeof name !== 'string') continue;
      byKey.set(`${place}:${name}`, parameter['required'] === true);
    }
  }
  return [...byKey].filter(([, required]) => required).map(([key]) => key);
}

// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration.html
const INTEGRATION_TYPES: Readonly<Record<string, BackendType>> = {
  http: 'http', http_proxy: 'http', aws_proxy: 'lambda', aws: 'aws-service', mock: 'mock',
};

function integration(document: JsonObject, operation: JsonObject): SpecIntegration | undefined {
  const found = resolveRef(document, operation['x-amazon-apigateway-integration']);
  if (!isObject(found)) return undefined;
  const uri = stringAt(found, 'uri');
  const rawType = stringAt(found, 'type')?.toLowerCase();
  let type = rawType === undefined ? undefined : INTEGRATION_TYPES[rawType];
  // Same refinements as integration resources: a Lambda invoke URI behind AWS is a function; a subtype is a service.
  if (type === 'aws-service' && uri?.includes(':lambda:path/')) type = 'lambda';
  if (type === 'lambda' && (uri === undefined || typeof found['integrationSubtype'] === 'string')) type = 'aws-service';
  const tls = objectAt(found, 'tlsConfig');
  return {
    type,
    uri,
    connection: stringAt(found, 'connectionType')?.toUpperCase() === 'VPC_LINK' ? 'vpc-link' : 'internet',
    insecureSkipVerification: tls['insecureSkipVerification'] === true,
    serverNameToVerify: stringAt(tls, 'serverNameToVerify'),
  };
}

// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-open-api-cors.html (allowCredentials defaults to false)
function cors(document: JsonObject): CorsConfig | undefined {
  if (!isObject(document['x-amazon-apigateway-cors'])) return undefined;
  const config = objectAt(document, 'x-amazon-apigateway-cors');
  return { allowOrigins: stringList(config['allowOrigins']), allowCredentials: config['allowCredentials'] === true };
}

/** Follows a local `$ref` (`#/components/...`, JSON pointer escapes); `undefined` when it points nowhere or outside the document. */
function resolveRef(document: JsonObject, value: Json | undefined, depth = 0): Json | undefined {
  if (!isObject(value) || typeof value['$ref'] !== 'string') return value;
  const ref = value['$ref'];
  if (!ref.startsWith('#/') || depth > 20) return undefined;
  let current: Json | undefined = document;
  for (const part of ref.slice(2).split('/')) {
    const key = decodeURIComponent(part).replaceAll('~1', '/').replaceAll('~0', '~');
    current = isObject(current) && Object.prototype.hasOwnProperty.call(current, key) ? current[key] : undefined;
    if (current === undefined) return undefined;
  }
  return resolveRef(document, current, depth + 1);
}

function objectAt(value: Json | undefined, key: string): JsonObject {
  if (!isObject(value)) return {};
  const found = value[key];
  return isObject(found) ? found : {};
}

function stringAt(value: JsonObject, key: string): string | undefined {
  const found = value[key];
  return typeof found === 'string' ? found : undefined;
}

function stringList(value: Json | undefined): string[] {
  if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
