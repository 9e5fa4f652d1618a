import type { FileSource } from '../../../src/graph/source';
import type { KeyPath } from '../../key-lines';
import { authorizerAuth } from './authorizer-auth';
import type { ExpandContext } from './expand-context';
import type { ApiEvent } from './function-events';
import { alphanumeric, generateResource, getAtt, ref } from './generate';
import { isPlainMap } from './globals';
import type { SamProps } from './sam-props';

export interface RestAuthorizer {
  readonly logicalId: string;
  readonly type: 'COGNITO_USER_POOLS' | 'CUSTOM';
}

/**
 * The methods of the functions' `Api` events on one REST API, as Resource and Method resources (SAM writes them into
 * the API's OpenAPI body; separate resources keep each method at its event's lines), plus the OPTIONS preflight
 * method SAM adds on every path when `Cors` is set.
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-api.html
 */
export function restRoutes(api: SamProps, events: readonly ApiEvent[], authorizers: ReadonlyMap<string, RestAuthorizer>, ctx: ExpandContext): void {
  const id = api.logicalId;
  const resources = new Map<string, string>();
  const resourceFor = (path: string, at: FileSource): unknown => {
    if (path === '/') return getAtt(id, 'RootResourceId');
    const existing = resources.get(path);
    if (existing !== undefined) return ref(existing);
    const parent = path.slice(0, path.lastIndexOf('/')) || '/';
    const parentId = resourceFor(parent, at);
    const logicalId = `${id}Resource${alphanumeric(path)}${resources.size}`;
    resources.set(path, logicalId);
    ctx.add(generateResource({
      logicalId, type: 'AWS::ApiGateway::Resource', source: at, generatedFrom: id,
      properties: { RestApiId: ref(id), ParentId: parentId, PathPart: path.slice(path.lastIndexOf('/') + 1) },
    }));
    return ref(logicalId);
  };

  const defaultAuth = authorizerAuth(api, ['Auth', 'DefaultAuthorizer'], authorizers, ctx);
  const paths = new Map<string, FileSource>();
  for (const event of events) {
    const fn = event.function;
    const base = event.base;
    const path = normalizePath(fn.value([...base, 'Path']));
    if (path === undefined) {
      ctx.notice(fn.locate([...base, 'Path']), `${fn.logicalId}: event ${event.name} has no Path known statically; its route is not checked`, 'warning');
      continue;
    }
    if (!paths.has(path)) paths.set(path, event.source);
    const method = fn.value([...base, 'Method']);
    const eventAuth = fn.has([...base, 'Auth', 'Authorizer']) ? authorizerAuth(fn, [...base, 'Auth', 'Authorizer'], authorizers, ctx) : defaultAuth;
    const apiKeyFrom: [SamProps, KeyPath] | undefined = fn.has([...base, 'Auth', 'ApiKeyRequired'])
      ? [fn, [...base, 'Auth', 'ApiKeyRequired']]
      : api.has(['Auth', 'ApiKeyRequired']) ? [api, ['Auth', 'ApiKeyRequired']] : undefined;
    const logicalId = `${fn.logicalId}${alphanumeric(event.name)}`;
    const validator = requestValidator(fn, event, id, ctx);
    ctx.add(generateResource({
      logicalId, type: 'AWS::ApiGateway::Method', source: event.source, generatedFrom: fn.logicalId,
      properties: {
        RestApiId: ref(id),
        ResourceId: resourceFor(path, event.source),
        // `any` is API Gateway's ANY method (x-amazon-apigateway-any-method).
        HttpMethod: typeof method === 'string' ? method.toUpperCase() : method,
        ...eventAuth?.properties,
        AuthorizationScopes: fn.value([...base, 'Auth', 'AuthorizationScopes']),
        ApiKeyRequired: apiKeyFrom ? apiKeyFrom[0].value(apiKeyFrom[1]) : undefined,
        RequestParameters: requestParameters(fn.value([...base, 'RequestParameters'])),
        RequestValidatorId: validator === undefined ? undefined : ref(validator),
        Integration: {
          Type: 'AWS_PROXY',
          IntegrationHttpMethod: 'POST',
          Uri: { 'Fn::Sub': `arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${fn.logicalId}.Arn}/invocations` },
        },
      },
      origins: [
        { to: ['HttpMethod'], sam: fn, from: [...base, 'Method'] },
        { to: ['ResourceId'], sam: fn, from: [...base, 'Path'] },
        { to: ['RequestParameters'], sam: fn, from: [...base, 'RequestParameters'] },
        { to: ['RequestValidatorId'], sam: fn, from: [...base, 'RequestModel'] },
        { to: ['AuthorizationScopes'], sam: fn, from: [...base, 'Auth', 'AuthorizationScopes'] },
        ...(apiKeyFrom ? [{ to: ['ApiKeyRequired'], sam: apiKeyFrom[0], from: apiKeyFrom[1] }] : []),
        ...(eventAuth?.origins ?? []),
      ],
    }));
  }

  // Cors adds an OPTIONS method (a mock) on every path; the default authorizer guards it too unless
  // AddDefaultAuthorizerToCorsPreflight is false: https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-api-apiauth.html#sam-api-apiauth-adddefaultauthorizertocorspreflight
  const cors = api.value(['Cors']);
  if (cors === undefined || cors === null || cors === false) return;
  const preflightAuth = api.boolean(['Auth', 'AddDefaultAuthorizerToCorsPreflight']) === false ? undefined : defaultAuth;
  const at = api.locateOwn(['Cors']);
  let index = 0;
  for (const path of paths.keys()) {
    const hasOwnOptions = events.some((e) => normalizePath(e.function.value([...e.base, 'Path'])) === path && String(e.function.value([...e.base, 'Method'])).toUpperCase() === 'OPTIONS');
    if (hasOwnOptions) continue;
    ctx.add(generateResource({
      logicalId: `${id}CorsPreflight${index++}`, type: 'AWS::ApiGateway::Method', source: at, generatedFrom: id,
      properties: { RestApiId: ref(id), ResourceId: resourceFor(path, at), HttpMethod: 'OPTIONS', ...preflightAuth?.properties, Integration: { Type: 'MOCK' } },
      origins: [...(preflightAuth?.origins ?? []), { to: ['HttpMethod'], sam: api, from: ['Cors'] }],
    }));
  }
}

/**
 * `RequestModel` with `ValidateBody` or `ValidateParameters` makes SAM add a request validator (the one not given
 * is false); without either, nothing is validated.
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-requestmodel.html
 */
function requestValidator(fn: SamProps, event: ApiEvent, api: string, ctx: ExpandContext): string | undefined {
  const at = [...event.base, 'RequestModel'];
  if (!fn.has([...at, 'ValidateBody']) && !fn.has([...at, 'ValidateParameters'])) return undefined;
  const logicalId = `${fn.logicalId}${alphanumeric(event.name)}Validator`;
  ctx.add(generateResource({
    logicalId, type: 'AWS::ApiGateway::RequestValidator', source: fn.locateOwn(at), generatedFrom: fn.logicalId,
    properties: {
      RestApiId: ref(api),
      ValidateRequestBody: fn.value([...at, 'ValidateBody']) ?? false,
      ValidateRequestParameters: fn.value([...at, 'ValidateParameters']) ?? false,
    },
    origins: [
      { to: ['ValidateRequestBody'], sam: fn, from: [...at, 'ValidateBody'] },
      { to: ['ValidateRequestParameters'], sam: fn, from: [...at, 'ValidateParameters'] },
    ],
  }));
  return logicalId;
}

/**
 * `RequestParameters: [method.request.header.X, { method.request.querystring.page: { Required: true } }]` → the
 * method's `{ name: required }` (a name alone is optional).
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-requestparameter.html
 */
function requestParameters(raw: unknown): unknown {
  if (!Array.isArray(raw)) return raw;
  const parameters: Record<string, unknown> = {};
  for (const item of raw as unknown[]) {
    if (typeof item === 'string') parameters[item] = false;
    else if (isPlainMap(item)) {
      for (const [name, settings] of Object.entries(item)) parameters[name] = isPlainMap(settings) ? settings['Required'] ?? false : false;
    }
  }
  return parameters;
}

/** `/orders/` → `/orders`; `orders` → `/orders`; a computed path → undefined. */
function normalizePath(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const trimmed = `/${raw.replace(/^\/+/, '').replace(/\/+$/, '')}`;
  return trimmed;
}
