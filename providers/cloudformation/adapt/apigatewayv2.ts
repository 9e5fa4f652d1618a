import { byDefault, mapAttr, set, unknown, type Attr } from '../../../src/graph/attr';
import type {
  ApiAttrs, ApiFlavor, Authorization, AuthorizerAttrs, AuthorizerType, BackendType, CorsConfig, DomainAttrs, EndpointType, OperationAttrs,
  StageAttrs, Throttle,
} from '../../../src/graph/kinds';
import type { FileSource } from '../../../src/graph/source';
import { API_FLAVORS, INTEGRATION_TYPES, LOG_LEVELS, V2_AUTHORIZATIONS } from '../../aws-shared/api-gateway-enums';
import { combineThrottle } from '../../aws-shared/throttle';
import { apiGatewayPolicyMinTls, minTlsOf } from '../../aws-shared/tls-policy';
import { isCfnUnknown, type CfnResource } from '../template';
import { accessLogging, backendTls, negate, present, REST_API, restStages, stagesNamed, type RestStage } from './apigateway';
import { DOMAIN_NAME, domainIds } from './apigateway-domains';
import { edge, emptyResult, type AdaptResult, type CfnContext } from './context';
import { adaptSpecBody } from './openapi-body';
import { asBool, asNumber, asString, asStringList, convertProp, oneOf, type CfnBody } from './read-prop';

// HTTP and WebSocket APIs: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/AWS_ApiGatewayV2.html
export const V2_API = 'AWS::ApiGatewayV2::Api';
const ROUTE = 'AWS::ApiGatewayV2::Route';
const INTEGRATION = 'AWS::ApiGatewayV2::Integration';
const AUTHORIZER = 'AWS::ApiGatewayV2::Authorizer';
export const V2_STAGE = 'AWS::ApiGatewayV2::Stage';
export const V2_DOMAIN_NAME = 'AWS::ApiGatewayV2::DomainName';
const API_MAPPING = 'AWS::ApiGatewayV2::ApiMapping';

/** Sub-nodes of a quick-create API (`Target` set): its `$default` route, integration and stage. */
export const QUICK_ROUTE_SUFFIX = '#default-route';
const QUICK_INTEGRATION_SUFFIX = '#default-integration';
export const QUICK_STAGE_SUFFIX = '#default-stage';

export function adaptApiGatewayV2(ctx: CfnContext): AdaptResult {
  const result = emptyResult();
  const flavors = new Map<string, ApiFlavor>();
  const routes = routeKeys(ctx);
  for (const api of ctx.ofType(V2_API)) {
    const flavor = apiFlavor(ctx, api, result);
    flavors.set(api.logicalId, flavor);
    adaptApi(ctx, api, flavor, routes, result);
  }
  const flavorOf = (resource: CfnResource): ApiFlavor | undefined => {
    const [api, ...others] = ctx.targets(ctx.read.prop(ctx.read.body(resource), 'ApiId'), [V2_API]);
    return api && others.length === 0 ? flavors.get(api.logicalId) : undefined;
  };
  adaptRoutes(ctx, result);
  adaptIntegrations(ctx, result);
  adaptAuthorizers(ctx, result);
  adaptStages(ctx, flavorOf, result);
  adaptDomains(ctx, result);
  return result;
}

/** `ProtocolType` is required unless the API is imported from an OpenAPI body, which makes an HTTP API. */
function apiFlavor(ctx: CfnContext, api: CfnResource, result: AdaptResult): ApiFlavor {
  const body = ctx.read.body(api);
  const protocol = ctx.read.prop(body, 'ProtocolType');
  if (!protocol && (ctx.read.prop(body, 'Body') || ctx.read.prop(body, 'BodyS3Location'))) return 'http';
  const flavor = protocol ? convertProp(protocol, oneOf(API_FLAVORS)) : unknown('ProtocolType is not set', api.source);
  if (flavor.state !== 'unknown') return flavor.value;
  result.diagnostics.push(ctx.notice(api, `ProtocolType is not known statically (${flavor.expr ?? 'computed'}); checked as an HTTP API`, flavor.source?.kind === 'file' ? flavor.source : api.source, 'warning'));
  return 'http';
}

/** `ref:<Api> GET /pets` for every Route resource: such a route replaces the same route of an OpenAPI body. */
function routeKeys(ctx: CfnContext): Set<string> {
  return new Set(ctx.ofType(ROUTE).map((route) => {
    const body = ctx.read.body(route);
    const key = (ctx.read.knownString(body, 'RouteKey') ?? '').trim().split(/\s+/);
    const api = ctx.identity(ctx.read.prop(body, 'ApiId'), [V2_API]) ?? '';
    return `${api} ${key.length === 2 ? `${(key[0] ?? '').toUpperCase()} ${key[1] ?? ''}` : key.join(' ')}`;
  }));
}

function adaptApi(ctx: CfnContext, api: CfnResource, flavor: ApiFlavor, routes: ReadonlySet<string>, result: AdaptResult): void {
  const body = ctx.read.body(api);
  // Only HTTP APIs import OpenAPI.
  const spec = adaptSpecBody(ctx, api, body, { body: 'Body', s3: 'BodyS3Location' }, 'http', (method, path) =>
    routes.has(`ref:${api.logicalId} ${method === path ? method : `${method} ${path}`}`));
  const attrs: ApiAttrs = {
    flavor,
    // HTTP and WebSocket APIs only have regional endpoints.
    endpointType: byDefault<EndpointType>('regional', api.source),
    defaultEndpointEnabled: spec.defaultEndpointEnabled ?? negate(ctx.read.read(body, 'DisableExecuteApiEndpoint', asBool, { value: false, source: api.source })),
    // API Gateway v2 has no resource policies.
    resourcePolicy: byDefault(null, api.source),
    hasSpec: spec.hasSpec,
    policyOverrides: byDefault([], api.source),
    // CorsConfiguration overrides the body's x-amazon-apigateway-cors.
    cors: flavor === 'http' ? cors(ctx, body, spec.cors ?? byDefault(null, api.source)) : byDefault(null, api.source),
  };
  result.nodes.push(ctx.node(api, 'api', attrs));
  if (flavor === 'http') {
    result.nodes.push(...spec.nodes);
    result.edges.push(...spec.edges);
    result.diagnostics.push(...spec.diagnostics);
  }
  const target = ctx.read.prop(body, 'Target');
  if (target) quickCreate(ctx, api, body, target.source, result);
}

function cors(ctx: CfnContext, body: CfnBody, fromSpec: Attr<CorsConfig | null>): Attr<CorsConfig | null> {
  const config = ctx.read.child(body, 'CorsConfiguration');
  switch (config.state) {
    case 'absent':
      return fromSpec;
    case 'unknown':
      return unknown(config.expr, config.source);
    case 'known': {
      const origins = ctx.read.read(config.body, 'AllowOrigins', asStringList, { value: [], source: config.body.source });
      const credentials = ctx.read.read(config.body, 'AllowCredentials', asBool, { value: false, source: config.body.source });
      if (origins.state === 'unknown') return origins;
      if (credentials.state === 'unknown') return credentials;
      return set({ allowOrigins: origins.value, allowCredentials: credentials.value }, config.body.source);
    }
  }
}

/**
 * Quick create: `Target` makes API Gateway create a `$default` route without authorization, its integration and an
 * auto-deployed `$default` stage: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigatewayv2-api.html#cfn-apigatewayv2-api-target
 */
function quickCreate(ctx: CfnContext, api: CfnResource, body: CfnBody, at: FileSource, result: AdaptResult): void {
  const apiId = ctx.nodeId(api.logicalId);
  const route = routeKeyParts(ctx.read.read(body, 'RouteKey', asString, { value: '$default', source: at }));
  const operation = ctx.node(api, 'api.operation', {
    method: route.method,
    path: route.path,
    authorization: byDefault<Authorization>('none', at),
    apiKeyRequired: byDefault(false, at),
    requestValidation: byDefault('none', at),
    throttling: byDefault(null, at),
  }, { suffix: QUICK_ROUTE_SUFFIX });
  const targetProp = ctx.read.prop(body, 'Target');
  const target = targetProp ? convertProp(targetProp, asString) : unknown('Target is not set', at);
  const text = targetProp === undefined ? '' : isCfnUnknown(targetProp.value) ? targetProp.value.expr : asString(targetProp.value) ?? '';
  // A Lambda function named by `!GetAtt Fn.Arn` or its ARN, else an HTTP URL.
  const isLambda = /^arn:[^:]+:lambda:/.test(text) || /\.Arn$/.test(text) || (targetProp?.refs.some((r) => r.attribute === 'Arn') ?? false);
  const type: Attr<BackendType> = isLambda ? set('lambda', at) : /^https?:\/\//i.test(text) ? set('http', at) : unknown(text, at);
  const backend = ctx.node(api, 'api.backend', {
    type,
    url: target,
    usesTls: backendTls(type, targetProp, at),
    verifiesCertificate: byDefault(true, at),
    connection: byDefault('internet', at),
  }, { suffix: QUICK_INTEGRATION_SUFFIX });
  const stage = ctx.node(api, 'api.stage', { ...httpStageDefaults(at), stageName: byDefault('$default', at), accessLogging: byDefault(false, at) }, {
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

function adaptRoutes(ctx: CfnContext, result: AdaptResult): void {
  const throttles = routeThrottles(ctx);
  for (const route of ctx.ofType(ROUTE)) {
    const body = ctx.read.body(route);
    const parts = routeKeyParts(ctx.read.read(body, 'RouteKey', asString));
    const id = ctx.nodeId(route.logicalId);
    const api = ctx.identity(ctx.read.prop(body, 'ApiId'), [V2_API]) ?? '?';
    const attrs: OperationAttrs = {
      method: parts.method,
      path: parts.path,
      authorization: ctx.read.read(body, 'AuthorizationType', oneOf(V2_AUTHORIZATIONS), { value: 'none', source: route.source }),
      apiKeyRequired: ctx.read.read(body, 'ApiKeyRequired', asBool, { value: false, source: route.source }),
      // HTTP APIs do not validate requests; WebSocket request models are not request validation of the REST kind.
      requestValidation: byDefault('none', route.source),
      throttling: throttles.get(`${api} ${ctx.read.knownString(body, 'RouteKey') ?? '?'}`) ?? byDefault(null, route.source),
    };
    result.nodes.push(ctx.node(route, 'api.operation', attrs));
    for (const apiId of ctx.ids(ctx.read.prop(body, 'ApiId'), [V2_API])) result.edges.push(edge(apiId, 'api-has-operation', id));
    for (const authorizer of ctx.ids(ctx.read.prop(body, 'AuthorizerId'), [AUTHORIZER])) result.edges.push(edge(id, 'operation-uses-authorizer', authorizer));
    // Target: !Sub integrations/${Integration} (or !Join)
    for (const integration of ctx.ids(ctx.read.prop(body, 'Target'), [INTEGRATION])) result.edges.push(edge(id, 'operation-calls-backend', integration));
  }
}

/** `RouteSettings` of a stage: a mapping of route key to settings, which throttle that route of the stage's API. */
function routeThrottles(ctx: CfnContext): Map<string, Attr<Throttle | null>> {
  const throttles = new Map<string, Attr<Throttle | null>>();
  for (const stage of ctx.ofType(V2_STAGE)) {
    const body = ctx.read.body(stage);
    const api = ctx.identity(ctx.read.prop(body, 'ApiId'), [V2_API]) ?? '?';
    const settings = ctx.read.child(body, 'RouteSettings');
    if (settings.state !== 'known') continue;
    for (const key of Object.keys(settings.body.raw)) {
      const route = ctx.read.child(settings.body, key);
      if (route.state !== 'known' || throttles.has(`${api} ${key}`)) continue;
      throttles.set(`${api} ${key}`, routeSettingsThrottle(ctx, route.body));
    }
  }
  return throttles;
}

/** Route settings throttling has no documented default: absent means the stage or account limit applies. */
function routeSettingsThrottle(ctx: CfnContext, settings: CfnBody): Attr<Throttle | null> {
  return combineThrottle(
    ctx.read.read(settings, 'ThrottlingRateLimit', asNumber, { value: -1, source: settings.source }),
    ctx.read.read(settings, 'ThrottlingBurstLimit', asNumber, { value: -1, source: settings.source }),
    settings.source,
  );
}

function adaptIntegrations(ctx: CfnContext, result: AdaptResult): void {
  for (const integration of ctx.ofType(INTEGRATION)) {
    const body = ctx.read.body(integration);
    const at = integration.source;
    const uriProp = ctx.read.prop(body, 'IntegrationUri');
    let type = ctx.read.read(body, 'IntegrationType', oneOf(INTEGRATION_TYPES));
    // AWS_PROXY with an IntegrationSubtype (SQS-SendMessage, ...) calls an AWS service, not a function.
    const subtype = ctx.read.prop(body, 'IntegrationSubtype');
    if (subtype && type.state !== 'unknown') type = set('aws-service', subtype.source);
    const connection = ctx.read.read<'internet' | 'vpc-link'>(body, 'ConnectionType', oneOf({ INTERNET: 'internet', VPC_LINK: 'vpc-link' }), { value: 'internet', source: at });
    const tls = ctx.read.child(body, 'TlsConfig');
    const uriText = uriProp === undefined ? '' : isCfnUnknown(uriProp.value) ? uriProp.value.prefix : asString(uriProp.value) ?? '';
    // Private integrations name a load balancer listener or Cloud Map service: TLS only with TlsConfig.ServerNameToVerify.
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-private.html
    const isPrivateArn = connection.state !== 'unknown' && connection.value === 'vpc-link' && (uriText.startsWith('arn:') || (uriProp?.refs.length ?? 0) > 0);
    const usesTls: Attr<boolean> = isPrivateArn && !/^https?:\/\//i.test(uriText)
      ? tls.state === 'known' ? set(true, tls.body.source) : byDefault(false, at)
      : backendTls(type, uriProp, at);
    result.nodes.push(ctx.node(integration, 'api.backend', {
      type,
      url: uriProp ? convertProp(uriProp, asString) : byDefault('', at),
      usesTls,
      // HTTP APIs always verify backend certificates.
      verifiesCertificate: byDefault(true, at),
      connection,
    }));
  }
}

function adaptAuthorizers(ctx: CfnContext, result: AdaptResult): void {
  for (const authorizer of ctx.ofType(AUTHORIZER)) {
    const body = ctx.read.body(authorizer);
    const type = ctx.read.read(body, 'AuthorizerType', oneOf<AuthorizerType>({ JWT: 'jwt', REQUEST: 'lambda' }));
    const isJwt = type.state !== 'unknown' && type.value === 'jwt';
    const jwt = ctx.read.child(body, 'JwtConfiguration');
    const jwtBody = isJwt && jwt.state === 'known' ? jwt.body : undefined;
    const attrs: AuthorizerAttrs = {
      type,
      issuer: jwtBody ? ctx.read.readWritten(jwtBody, 'Issuer', asString, { value: null, source: jwtBody.source }) : byDefault(null, authorizer.source),
      audience: jwtBody ? ctx.read.readWritten(jwtBody, 'Audience', asStringList, { value: [], source: jwtBody.source }) : byDefault([], authorizer.source),
      identitySource: ctx.read.read(body, 'IdentitySource', (v) => asStringList(v)?.join(',') ?? asString(v), {
        // JWT authorizers read the Authorization header unless told otherwise.
        value: isJwt ? '$request.header.Authorization' : '', source: authorizer.source,
      }),
    };
    const node = ctx.node(authorizer, 'api.authorizer', attrs);
    result.nodes.push(node);
    for (const api of ctx.ids(ctx.read.prop(body, 'ApiId'), [V2_API])) result.edges.push(edge(api, 'api-has-authorizer', node.id));
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

function adaptStages(ctx: CfnContext, flavorOf: (r: CfnResource) => ApiFlavor | undefined, result: AdaptResult): void {
  for (const stage of ctx.ofType(V2_STAGE)) {
    const body = ctx.read.body(stage);
    const defaultsNested = ctx.read.child(body, 'DefaultRouteSettings');
    const defaults = defaultsNested.state === 'known' ? defaultsNested.body : undefined;
    const at = defaults?.source ?? stage.source;
    // Read them unless the API is known to be HTTP: a stage whose API is in another template may well be WebSocket.
    const mayBeWebSocket = flavorOf(stage) !== 'http';
    const attrs: StageAttrs = {
      ...httpStageDefaults(stage.source),
      stageName: ctx.read.read(body, 'StageName', asString),
      accessLogging: accessLogging(ctx, body, 'AccessLogSettings', stage.source),
      // LoggingLevel and DataTraceEnabled apply to WebSocket APIs only; an HTTP API ignores them.
      ...(mayBeWebSocket && {
        executionLogging: ctx.read.read(defaults, 'LoggingLevel', oneOf(LOG_LEVELS), { value: 'off', source: at }),
        dataTrace: ctx.read.read(defaults, 'DataTraceEnabled', asBool, { value: false, source: at }),
        clientCertificate: present(ctx, body, 'ClientCertificateId', stage.source),
      }),
      throttling: defaults ? routeSettingsThrottle(ctx, defaults) : byDefault(null, stage.source),
    };
    const node = ctx.node(stage, 'api.stage', attrs);
    result.nodes.push(node);
    for (const api of ctx.ids(ctx.read.prop(body, 'ApiId'), [V2_API])) result.edges.push(edge(api, 'api-has-stage', node.id));
  }
}

function adaptDomains(ctx: CfnContext, result: AdaptResult): void {
  for (const domain of ctx.ofType(V2_DOMAIN_NAME)) {
    const body = ctx.read.body(domain);
    const configs = ctx.read.items(body, 'DomainNameConfigurations');
    const config = configs.state === 'known' ? configs.bodies[0] : undefined;
    const missing = configs.state === 'unknown' ? unknown(configs.expr, configs.source) : unknown('DomainNameConfigurations is not set', domain.source);
    // SecurityPolicy has no documented default for API Gateway v2 domains: unset, it is not known.
    const securityPolicy = config ? ctx.read.read(config, 'SecurityPolicy', asString) : missing;
    const attrs: DomainAttrs = {
      hostname: ctx.read.read(body, 'DomainName', asString),
      minTlsVersion: minTlsOf(securityPolicy, apiGatewayPolicyMinTls),
      securityPolicy,
      weakCiphers: mapAttr(securityPolicy, () => []),
      allowsPlainHttp: byDefault(false, domain.source),
      mutualTls: ctx.read.presence(body, 'MutualTlsAuthentication', domain.source),
      endpointType: config
        ? ctx.read.read(config, 'EndpointType', oneOf<EndpointType>({ REGIONAL: 'regional', EDGE: 'edge', PRIVATE: 'private' }), { value: 'regional', source: config.source })
        : missing,
    };
    result.nodes.push(ctx.node(domain, 'api.domain', attrs));
  }
  const rest = restStages(ctx);
  for (const mapping of ctx.ofType(API_MAPPING)) {
    const body = ctx.read.body(mapping);
    // An API mapping may also map a REST API, on a REST (v1) custom domain: that is how multi-level base paths
    // (`orders/v1`) are written. https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mappings.html
    const stages = [...mappedStages(ctx, body), ...mappedRestStages(ctx, rest, body)];
    const targets = stages.length > 0 ? stages : ctx.ids(ctx.read.prop(body, 'ApiId'), [V2_API, REST_API]);
    const domainName = ctx.read.prop(body, 'DomainName');
    for (const domain of [...domainIds(ctx, V2_DOMAIN_NAME, domainName), ...domainIds(ctx, DOMAIN_NAME, domainName)]) {
      for (const target of targets) result.edges.push(edge(domain, 'domain-serves', target));
    }
  }
}

/** The REST API stage an API mapping names (`ApiId` is then a REST API). */
function mappedRestStages(ctx: CfnContext, stages: readonly RestStage[], body: CfnBody): string[] {
  const apiProp = ctx.read.prop(body, 'ApiId');
  const api = ctx.identity(apiProp, [REST_API]);
  if (api === undefined) return [];
  return stagesNamed(ctx, stages, ctx.read.prop(body, 'Stage'), api).map((s) => s.id);
}

/** The stage an API mapping names: by reference, else by name on the mapped API (quick-create APIs have `$default`). */
function mappedStages(ctx: CfnContext, body: CfnBody): string[] {
  const stageProp = ctx.read.prop(body, 'Stage');
  const byRef = ctx.ids(stageProp, [V2_STAGE]);
  if (byRef.length > 0) return byRef;
  const name = stageProp && typeof stageProp.value === 'string' ? stageProp.value : undefined;
  const apiProp = ctx.read.prop(body, 'ApiId');
  const api = ctx.identity(apiProp, [V2_API]);
  if (name === undefined || api === undefined) return [];
  const named = ctx.ofType(V2_STAGE)
    .filter((s) => {
      const stageBody = ctx.read.body(s);
      return ctx.read.knownString(stageBody, 'StageName') === name && ctx.identity(ctx.read.prop(stageBody, 'ApiId'), [V2_API]) === api;
    })
    .map((s) => ctx.nodeId(s.logicalId));
  const quick = name === '$default'
    ? ctx.targets(apiProp, [V2_API]).filter((a) => ctx.read.prop(ctx.read.body(a), 'Target')).map((a) => ctx.nodeId(a.logicalId, QUICK_STAGE_SUFFIX))
    : [];
  return [...named, ...quick];
}

