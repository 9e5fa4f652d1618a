import { byDefault, mapAttr, set, unknown, type Attr } from '../../../src/graph/attr';
import type {
  ApiAttrs, ApiFlavor, AuthorizerAttrs, Authorization, AuthorizerType, BackendType, CorsConfig, DomainAttrs, EndpointType, OperationAttrs,
  StageAttrs, Throttle,
} from '../../../src/graph/kinds';
import type { FileSource } from '../../../src/graph/source';
import type { TfBody, TfResource } from '../model';
import { accessLogSettings, backendAttrs, hasSpec, negate, present } from './aws-apigateway';
import { domainIds } from './aws-apigateway-domains';
import type { Linker } from './linker';
import { adaptSpecBody } from './openapi-operations';
import { asBool, asNumber, asString, asStringList, attribute, blockPresence, firstBlock, knownString, oneOf, readAttr, readBlocks, readWritten } from './read-attr';
import { edge, emptyResult, resourceNotice, terraformNode, type AdaptResult } from './terraform-node';
import { API_FLAVORS, INTEGRATION_TYPES, LOG_LEVELS, V2_AUTHORIZATIONS } from '../../aws-shared/api-gateway-enums';
import { combineThrottle } from '../../aws-shared/throttle';
import { apiGatewayPolicyMinTls, minTlsOf } from '../../aws-shared/tls-policy';

// HTTP and WebSocket APIs (API Gateway v2): https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/apigatewayv2_api
export const V2_API = 'aws_apigatewayv2_api';
const ROUTE = 'aws_apigatewayv2_route';
const INTEGRATION = 'aws_apigatewayv2_integration';
const AUTHORIZER = 'aws_apigatewayv2_authorizer';
export const V2_STAGE = 'aws_apigatewayv2_stage';
export const V2_DOMAIN_NAME = 'aws_apigatewayv2_domain_name';
const API_MAPPING = 'aws_apigatewayv2_api_mapping';

/** Sub-nodes of a quick-create API (`target` set): its implicit `$default` route, integration and stage. */
export const QUICK_ROUTE_SUFFIX = '#default-route';
const QUICK_INTEGRATION_SUFFIX = '#default-integration';
export const QUICK_STAGE_SUFFIX = '#default-stage';

export function adaptApiGatewayV2(linker: Linker): AdaptResult {
  const result = emptyResult();
  const flavors = new Map<string, ApiFlavor>();
  // Listed once, and only when an API has an OpenAPI body: listed per API, they made this adapter quadratic.
  let routes: ReadonlySet<string> | undefined;
  const isRoute = (route: string): boolean => (routes ??= routeKeys(linker)).has(route);
  for (const api of linker.ofType(V2_API)) {
    const flavor = apiFlavor(api, result);
    flavors.set(api.address, flavor);
    adaptApi(linker, api, flavor, isRoute, result);
  }
  const flavorOf = (resource: TfResource): ApiFlavor | undefined => {
    const [api, ...others] = linker.targets(attribute(resource.body, 'api_id'), [V2_API]);
    return api && others.length === 0 ? flavors.get(api.address) : undefined;
  };
  adaptRoutes(linker, result);
  adaptIntegrations(linker, flavorOf, result);
  adaptAuthorizers(linker, result);
  adaptStages(linker, flavorOf, result);
  adaptDomains(linker, result);
  return result;
}

/** `protocol_type` is required and cannot be changed; an unknown one is read as HTTP, and said so. */
function apiFlavor(api: TfResource, result: AdaptResult): ApiFlavor {
  const protocol = readAttr(api.body, 'protocol_type', oneOf(API_FLAVORS));
  if (protocol.state !== 'unknown') return protocol.value;
  result.diagnostics.push(resourceNotice(api, `protocol_type is not known statically (${protocol.expr ?? 'computed'}); checked as an HTTP API`, api.source, 'warning'));
  return 'http';
}

/** `ref:<api> GET /pets` for every aws_apigatewayv2_route: such a route replaces the same route of an OpenAPI body. */
function routeKeys(linker: Linker): Set<string> {
  return new Set(linker.ofType(ROUTE).map((route) => {
    const key = (knownString(route.body, 'route_key') ?? '').trim().split(/\s+/);
    return `${linker.identity(attribute(route.body, 'api_id'), [V2_API]) ?? ''} ${key.length === 2 ? `${(key[0] ?? '').toUpperCase()} ${key[1] ?? ''}` : key.join(' ')}`;
  }));
}

function adaptApi(linker: Linker, api: TfResource, flavor: ApiFlavor, isRoute: (route: string) => boolean, result: AdaptResult): void {
  const body = api.body;
  // Only HTTP APIs import OpenAPI: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/apigatewayv2_api#body
  const spec = flavor === 'http'
    ? adaptSpecBody(linker, api, 'http', (method, path) => isRoute(`ref:${api.address} ${method === path ? method : `${method} ${path}`}`))
    : undefined;
  const attrs: ApiAttrs = {
    flavor,
    // HTTP and WebSocket APIs only have regional endpoints.
    endpointType: byDefault<EndpointType>('regional', api.source),
    defaultEndpointEnabled: spec?.defaultEndpointEnabled ?? negate(readAttr(body, 'disable_execute_api_endpoint', asBool, { value: false, source: api.source })),
    // API Gateway v2 has no resource policies.
    resourcePolicy: byDefault(null, api.source),
    hasSpec: hasSpec(body, api.source),
    // API Gateway has no policy scopes to inherit from.
    policyOverrides: byDefault([], api.source),
    // cors_configuration overrides the body's x-amazon-apigateway-cors.
    cors: flavor === 'http' ? cors(body, spec?.cors ?? byDefault(null, api.source)) : byDefault(null, api.source),
  };
  result.nodes.push(terraformNode(linker, api, 'api', attrs));
  if (spec) {
    result.nodes.push(...spec.nodes);
    result.edges.push(...spec.edges);
    result.diagnostics.push(...spec.diagnostics);
  }
  const target = attribute(body, 'target');
  if (target) quickCreate(linker, api, target.source, result);
}

function cors(body: TfBody, fromSpec: Attr<CorsConfig | null>): Attr<CorsConfig | null> {
  const blocks = readBlocks(body, 'cors_configuration');
  if (blocks.state === 'unknown') return unknown(blocks.expr, blocks.source);
  const block = blocks.blocks[0];
  if (!block) return fromSpec;
  const origins = readAttr(block, 'allow_origins', asStringList, { value: [], source: block.source });
  const credentials = readAttr(block, 'allow_credentials', asBool, { value: false, source: block.source });
  if (origins.state === 'unknown') return origins;
  if (credentials.state === 'unknown') return credentials;
  return set({ allowOrigins: origins.value, allowCredentials: credentials.value }, block.source);
}

/**
 * Quick create: `target` makes API Gateway create a `$default` route without authorization, its integration
 * and an auto-deployed `$default` stage: https://docs.aws.amazon.com/apigateway/latest/api/API_CreateApi.html#apigw-CreateApi-request-target
 */
function quickCreate(linker: Linker, api: TfResource, at: FileSource, result: AdaptResult): void {
  const body = api.body;
  const apiId = linker.nodeId(api.address);
  const routeKey = readAttr(body, 'route_key', asString, { value: '$default', source: at });
  const route = routeKeyParts(routeKey);
  const operation = terraformNode(linker, api, 'api.operation', {
    method: route.method,
    path: route.path,
    authorization: byDefault<Authorization>('none', at),
    apiKeyRequired: byDefault(false, at),
    requestValidation: byDefault('none', at),
    throttling: byDefault(null, at),
  }, { suffix: QUICK_ROUTE_SUFFIX });
  const target = readAttr(body, 'target', asString);
  const isLambda = target.state !== 'unknown' && /^arn:[^:]+:lambda:/.test(target.value);
  const scheme = target.state === 'unknown' ? undefined : /^(https?):\/\//i.exec(target.value)?.[1]?.toLowerCase();
  const backend = terraformNode(linker, api, 'api.backend', {
    type: target.state === 'unknown' ? target : set<BackendType>(isLambda ? 'lambda' : 'http', at),
    url: target,
    usesTls: isLambda ? byDefault(true, at) : scheme ? set(scheme === 'https', at) : unknown(target.state === 'unknown' ? target.expr : target.value, at),
    verifiesCertificate: byDefault(true, at),
    connection: byDefault('internet', at),
  }, { suffix: QUICK_INTEGRATION_SUFFIX });
  const stage = terraformNode(linker, api, 'api.stage', { ...httpStageDefaults(at), stageName: byDefault('$default', at), accessLogging: byDefault(false, at) }, {
    suffix: QUICK_STAGE_SUFFIX,
  });
  result.nodes.push(operation, backend, stage);
  result.edges.push(
    edge(apiId, 'api-has-operation', operation.id),
    edge(operation.id, 'operation-calls-backend', backend.id),
    edge(apiId, 'api-has-stage', stage.id),
  );
}

/** `GET /pets/{id}` → GET and `/pets/{id}`; `$default`, `$connect` and WebSocket keys are both method and path. */
function routeKeyParts(routeKey: Attr<string>): { method: Attr<string>; path: Attr<string> } {
  if (routeKey.state === 'unknown') return { method: routeKey, path: routeKey };
  const match = /^(\S+)\s+(\S+)$/.exec(routeKey.value.trim());
  if (!match) return { method: routeKey, path: routeKey };
  return { method: { ...routeKey, value: (match[1] ?? '').toUpperCase() }, path: { ...routeKey, value: match[2] ?? '' } };
}

function adaptRoutes(linker: Linker, result: AdaptResult): void {
  const throttles = routeThrottles(linker);
  for (const route of linker.ofType(ROUTE)) {
    const body = route.body;
    const parts = routeKeyParts(readAttr(body, 'route_key', asString));
    const id = linker.nodeId(route.address);
    const attrs: OperationAttrs = {
      method: parts.method,
      path: parts.path,
      authorization: readAttr(body, 'authorization_type', oneOf(V2_AUTHORIZATIONS), { value: 'none', source: route.source }),
      apiKeyRequired: readAttr(body, 'api_key_required', asBool, { value: false, source: route.source }),
      // HTTP APIs do not validate requests; WebSocket request models are not request validation of the REST kind.
      requestValidation: byDefault('none', route.source),
      throttling: throttles.get(routeIdentity(linker, route)) ?? byDefault(null, route.source),
    };
    result.nodes.push(terraformNode(linker, route, 'api.operation', attrs));
    for (const api of linker.ids(attribute(body, 'api_id'), [V2_API])) result.edges.push(edge(api, 'api-has-operation', id));
    for (const authorizer of linker.ids(attribute(body, 'authorizer_id'), [AUTHORIZER])) result.edges.push(edge(id, 'operation-uses-authorizer', authorizer));
    // target = "integrations/${aws_apigatewayv2_integration.x.id}"
    for (const integration of linker.ids(attribute(body, 'target'), [INTEGRATION])) result.edges.push(edge(id, 'operation-calls-backend', integration));
  }
}

function routeIdentity(linker: Linker, route: TfResource): string {
  return `${linker.identity(attribute(route.body, 'api_id'), [V2_API]) ?? '?'} ${knownString(route.body, 'route_key') ?? '?'}`;
}

/** `route_settings { route_key = ... }` of a stage throttles that route of the stage's API. */
function routeThrottles(linker: Linker): Map<string, Attr<Throttle | null>> {
  const throttles = new Map<string, Attr<Throttle | null>>();
  for (const stage of linker.ofType(V2_STAGE)) {
    const api = linker.identity(attribute(stage.body, 'api_id'), [V2_API]) ?? '?';
    const blocks = readBlocks(stage.body, 'route_settings');
    if (blocks.state === 'unknown') continue;
    for (const block of blocks.blocks) {
      const key = knownString(block, 'route_key');
      if (key === undefined) continue;
      const throttle = routeSettingsThrottle(block);
      if (!throttles.has(`${api} ${key}`)) throttles.set(`${api} ${key}`, throttle);
    }
  }
  return throttles;
}

/** Route settings throttling has no documented default: absent means the stage or account limit applies. */
function routeSettingsThrottle(block: TfBody): Attr<Throttle | null> {
  return combineThrottle(
    readAttr(block, 'throttling_rate_limit', asNumber, { value: -1, source: block.source }),
    readAttr(block, 'throttling_burst_limit', asNumber, { value: -1, source: block.source }),
    block.source,
  );
}

function adaptIntegrations(linker: Linker, flavorOf: (r: TfResource) => ApiFlavor | undefined, result: AdaptResult): void {
  for (const integration of linker.ofType(INTEGRATION)) {
    const attrs = backendAttrs(integration, { typeName: 'integration_type', uriName: 'integration_uri', types: INTEGRATION_TYPES });
    // AWS_PROXY with an integration_subtype (SQS-SendMessage, ...) calls an AWS service, not a function.
    const subtype = attribute(integration.body, 'integration_subtype');
    const type = subtype && attrs.type.state !== 'unknown' ? set<BackendType>('aws-service', subtype.source) : attrs.type;
    const usesTls = flavorOf(integration) === 'http' ? privateIntegrationTls(integration.body, type, attrs.connection, attrs.usesTls) : attrs.usesTls;
    result.nodes.push(terraformNode(linker, integration, 'api.backend', { ...attrs, type, usesTls }));
  }
}

/**
 * An HTTP API private integration always names a load balancer listener or Cloud Map service ARN, usually
 * by reference (`aws_lb_listener.x.arn`, a module output): TLS to it is on only with tls_config, whatever
 * the ARN: https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-private.html
 */
function privateIntegrationTls(body: TfBody, type: Attr<BackendType>, connection: Attr<string>, usesTls: Attr<boolean>): Attr<boolean> {
  const isPrivateHttp = type.state !== 'unknown' && type.value === 'http' && connection.state !== 'unknown' && connection.value === 'vpc-link';
  if (!isPrivateHttp || usesTls.state !== 'unknown') return usesTls;
  const tls = readBlocks(body, 'tls_config');
  if (tls.state === 'unknown') return unknown(tls.expr, tls.source);
  const first = tls.blocks[0];
  return first ? set(true, first.source) : byDefault(false, connection.source ?? body.source);
}

function adaptAuthorizers(linker: Linker, result: AdaptResult): void {
  for (const authorizer of linker.ofType(AUTHORIZER)) {
    const body = authorizer.body;
    const type = readAttr(body, 'authorizer_type', oneOf<AuthorizerType>({ JWT: 'jwt', REQUEST: 'lambda' }));
    const isJwt = type.state !== 'unknown' && type.value === 'jwt';
    // A `dynamic "jwt_configuration"` whose for_each is unknown may well set both: not known, rather than absent.
    const jwtBlocks = readBlocks(body, 'jwt_configuration');
    const jwt = jwtBlocks.state === 'known' ? jwtBlocks.blocks[0] : undefined;
    const unknownJwt = isJwt && jwtBlocks.state === 'unknown' ? unknown(jwtBlocks.expr, jwtBlocks.source) : undefined;
    const attrs: AuthorizerAttrs = {
      type,
      issuer: unknownJwt ?? (isJwt && jwt ? readWritten(jwt, 'issuer', asString, { value: null, source: jwt.source }) : byDefault(null, authorizer.source)),
      audience: unknownJwt ?? (isJwt && jwt ? readWritten(jwt, 'audience', asStringList, { value: [], source: jwt.source }) : byDefault([], authorizer.source)),
      identitySource: readAttr(body, 'identity_sources', (v) => asStringList(v)?.join(','), {
        // JWT authorizers read the Authorization header unless told otherwise.
        value: isJwt ? '$request.header.Authorization' : '', source: authorizer.source,
      }),
    };
    const node = terraformNode(linker, authorizer, 'api.authorizer', attrs);
    result.nodes.push(node);
    for (const api of linker.ids(attribute(body, 'api_id'), [V2_API])) result.edges.push(edge(api, 'api-has-authorizer', node.id));
  }
}

/**
 * HTTP API stages have no execution logs, data trace, X-Ray tracing or cache: documented defaults, and the
 * policies decide by flavor: https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-vs-rest.html
 */
function httpStageDefaults(at: FileSource): Omit<StageAttrs, 'stageName' | 'accessLogging'> {
  return {
    executionLogging: byDefault('off', at),
    dataTrace: byDefault(false, at),
    tracing: byDefault(false, at),
    cacheEnabled: byDefault(false, at),
    cacheEncrypted: byDefault(false, at),
    throttling: byDefault(null, at),
    quota: byDefault(null, at),
    clientCertificate: byDefault(false, at),
  };
}

function adaptStages(linker: Linker, flavorOf: (r: TfResource) => ApiFlavor | undefined, result: AdaptResult): void {
  for (const stage of linker.ofType(V2_STAGE)) {
    const body = stage.body;
    const defaultBlocks = readBlocks(body, 'default_route_settings');
    const defaults = defaultBlocks.state === 'known' ? defaultBlocks.blocks[0] : undefined;
    const at = defaults?.source ?? stage.source;
    // A `dynamic "default_route_settings"` whose for_each is unknown may set logging and throttling.
    const unknownDefaults = defaultBlocks.state === 'unknown' ? unknown(defaultBlocks.expr, defaultBlocks.source) : undefined;
    // An API that is not in the scan may be a WebSocket API: its stage settings are read, since HTTP APIs refuse them at
    // apply (only access logs exist for HTTP APIs: https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging.html).
    const mayBeWebSocket = flavorOf(stage) !== 'http';
    const attrs: StageAttrs = {
      ...httpStageDefaults(stage.source),
      stageName: readAttr(body, 'name', asString),
      accessLogging: accessLogSettings(body, stage.source),
      // logging_level and data_trace_enabled apply to WebSocket APIs only; an HTTP API ignores them.
      ...(mayBeWebSocket && {
        executionLogging: unknownDefaults ?? (defaults ? readAttr(defaults, 'logging_level', oneOf(LOG_LEVELS), { value: 'off', source: at }) : byDefault('off', at)),
        dataTrace: unknownDefaults ?? (defaults ? readAttr(defaults, 'data_trace_enabled', asBool, { value: false, source: at }) : byDefault(false, at)),
        clientCertificate: present(body, 'client_certificate_id', stage.source),
      }),
      throttling: unknownDefaults ?? (defaults ? routeSettingsThrottle(defaults) : byDefault(null, stage.source)),
    };
    const node = terraformNode(linker, stage, 'api.stage', attrs);
    result.nodes.push(node);
    for (const api of linker.ids(attribute(body, 'api_id'), [V2_API])) result.edges.push(edge(api, 'api-has-stage', node.id));
  }
}

function adaptDomains(linker: Linker, result: AdaptResult): void {
  for (const domain of linker.ofType(V2_DOMAIN_NAME)) {
    const body = domain.body;
    const config = firstBlock(body, 'domain_name_configuration');
    const at = config?.source ?? domain.source;
    // security_policy is required in domain_name_configuration; TLS_1_2 is the only legacy value v2 accepts:
    // https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/apigatewayv2_domain_name#security_policy
    const securityPolicy = config ? readAttr(config, 'security_policy', asString) : unknown('domain_name_configuration is not known', at);
    const attrs: DomainAttrs = {
      hostname: readAttr(body, 'domain_name', asString),
      minTlsVersion: minTlsOf(securityPolicy, apiGatewayPolicyMinTls),
      securityPolicy,
      weakCiphers: mapAttr(securityPolicy, () => []),
      allowsPlainHttp: byDefault(false, domain.source),
      mutualTls: blockPresence(body, 'mutual_tls_authentication', domain.source),
      endpointType: config
        ? readAttr(config, 'endpoint_type', oneOf<EndpointType>({ REGIONAL: 'regional', EDGE: 'edge', PRIVATE: 'private' }))
        : unknown('domain_name_configuration is not known', at),
    };
    result.nodes.push(terraformNode(linker, domain, 'api.domain', attrs));
  }
  for (const mapping of linker.ofType(API_MAPPING)) {
    const body = mapping.body;
    const stages = mappedStages(linker, mapping);
    const targets = stages.length > 0 ? stages : linker.ids(attribute(body, 'api_id'), [V2_API]);
    for (const domain of domainIds(linker, V2_DOMAIN_NAME, attribute(body, 'domain_name'))) {
      for (const target of targets) result.edges.push(edge(domain, 'domain-serves', target));
    }
  }
}

/** The stage an API mapping names: by reference, else by name on the mapped API (quick-create APIs have `$default`). */
function mappedStages(linker: Linker, mapping: TfResource): readonly string[] {
  const body = mapping.body;
  const byRef = linker.ids(attribute(body, 'stage'), [V2_STAGE]);
  if (byRef.length > 0) return byRef;
  const name = knownString(body, 'stage');
  const api = linker.identity(attribute(body, 'api_id'), [V2_API]);
  if (name === undefined || api === undefined) return [];
  const named = linker.ofTypeWhereOn(V2_STAGE, 'name', name, { attribute: 'api_id', types: [V2_API], identity: api })
    .map((s) => linker.nodeId(s.address));
  const quick = name === '$default'
    ? linker.ofType(V2_API).filter((a) => `ref:${a.address}` === api && attribute(a.body, 'target')).map((a) => linker.nodeId(a.address, QUICK_STAGE_SUFFIX))
    : [];
  return [...named, ...quick];
}
