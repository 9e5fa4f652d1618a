import { byDefault, set, unknown, type Attr } from '../../../src/graph/attr';
import type {
  ApiAttrs, AuthorizerAttrs, BackendAttrs, BackendType, EndpointType, LogLevel, OperationAttrs, RequestValidation,
  ResourcePolicy, StageAttrs, Throttle,
} from '../../../src/graph/kinds';
import type { FileSource } from '../../../src/graph/source';
import { parseResourcePolicy } from '../../aws-shared/iam-policy';
import { ENDPOINT_TYPES, INTEGRATION_TYPES, LOG_LEVELS, REST_AUTHORIZATIONS, REST_AUTHORIZER_TYPES } from '../../aws-shared/api-gateway-enums';
import { loggingByRoute, turnedOnByOverride, unencryptedByOverride, type CacheOverride } from '../../aws-shared/method-overrides';
import { combineThrottle } from '../../aws-shared/throttle';
import { isCfnUnknown, type CfnResource, type CfnValue } from '../template';
import { edge, emptyResult, type AdaptResult, type CfnContext } from './context';
import { adaptSpecBody, toJson } from './openapi-body';
import { isServerlessFrameworkTemplate, setAfterDeploy } from './serverless-framework';
import { asBool, asNumber, asString, asStringList, convertProp, oneOf, type CfnBody, type CfnProp } from './read-prop';
import { urlScheme } from '../../url-scheme';

// REST APIs (API Gateway v1): https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/AWS_ApiGateway.html
export const REST_API = 'AWS::ApiGateway::RestApi';
const RESOURCE = 'AWS::ApiGateway::Resource';
const METHOD = 'AWS::ApiGateway::Method';
const AUTHORIZER = 'AWS::ApiGateway::Authorizer';
const VALIDATOR = 'AWS::ApiGateway::RequestValidator';
export const STAGE = 'AWS::ApiGateway::Stage';
export const DEPLOYMENT = 'AWS::ApiGateway::Deployment';

/** The stage a deployment creates with `StageName` (and configures with `StageDescription`). */
export const DEPLOYMENT_STAGE_SUFFIX = '#stage';
/** A method's inline `Integration`. */
const INTEGRATION_SUFFIX = '#integration';

/** The stage node a reference to a Stage or a Deployment stands for. */
export function stageSuffix(resource: CfnResource): string {
  return resource.type === DEPLOYMENT ? DEPLOYMENT_STAGE_SUFFIX : '';
}

/** A REST stage: a Stage resource, or the stage a Deployment creates. */
export interface RestStage {
  readonly id: string;
  readonly resource: CfnResource;
  /** The stage's settings: the Stage's properties, or the Deployment's `StageDescription`. */
  readonly settings: CfnBody | undefined;
  readonly api: string | undefined;
  readonly stageName: Attr<string>;
}

interface MethodInfo {
  readonly resource: CfnResource;
  readonly id: string;
  readonly api: string | undefined;
  readonly httpMethod: string | undefined;
  readonly path: Attr<string>;
}

export function adaptApiGateway(ctx: CfnContext): AdaptResult {
  const result = emptyResult();
  const methods = ctx.ofType(METHOD).map((m) => methodInfo(ctx, m));
  adaptRestApis(ctx, methods, result);
  const stages = restStages(ctx);
  const throttles = methodThrottles(ctx, stages, methods);
  adaptMethods(ctx, methods, throttles, result);
  adaptAuthorizers(ctx, result);
  adaptStages(ctx, stages, methods, result);
  return result;
}

function adaptRestApis(ctx: CfnContext, methods: readonly MethodInfo[], result: AdaptResult): void {
  const methodRoutes = new Set(methods.flatMap((m) => (m.path.state === 'unknown' || m.httpMethod === undefined ? [] : [`${m.api ?? ''} ${m.httpMethod} ${m.path.value}`])));
  for (const api of ctx.ofType(REST_API)) {
    const body = ctx.read.body(api);
    const spec = adaptSpecBody(ctx, api, body, { body: 'Body', s3: 'BodyS3Location' }, 'rest', (method, path) => methodRoutes.has(`ref:${api.logicalId} ${method} ${path}`));
    // `Policy` replaces the body's x-amazon-apigateway-policy: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigateway-restapi.html#cfn-apigateway-restapi-policy
    const policy = ctx.read.prop(body, 'Policy');
    const attrs: ApiAttrs = {
      flavor: 'rest',
      endpointType: endpointType(ctx, body, api.source),
      // DisableExecuteApiEndpoint defaults to false: the execute-api endpoint stays open.
      defaultEndpointEnabled: spec.defaultEndpointEnabled ?? negate(ctx.read.read(body, 'DisableExecuteApiEndpoint', asBool, { value: false, source: api.source })),
      resourcePolicy: policy ? resourcePolicyOf(policy) : spec.resourcePolicy ?? byDefault(null, api.source),
      hasSpec: spec.hasSpec,
      policyOverrides: byDefault([], api.source),
      // REST APIs answer CORS through OPTIONS methods, not a gateway setting.
      cors: byDefault(null, api.source),
    };
    result.nodes.push(ctx.node(api, 'api', attrs), ...spec.nodes);
    result.edges.push(...spec.edges);
    result.diagnostics.push(...spec.diagnostics);
  }
}

/** A policy document written as a mapping or as a JSON string; computed parts (ARNs) are read as their template text. */
function resourcePolicyOf(prop: CfnProp): Attr<ResourcePolicy | null> {
  const value = prop.value;
  if (isCfnUnknown(value)) return unknown(value.expr, prop.source);
  const text = typeof value === 'string' ? value : JSON.stringify(toJson(value));
  if (text.trim() === '') return set(null, prop.source);
  const parsed = parseResourcePolicy(text);
  return parsed ? set(parsed, prop.source) : unknown('Policy is not a policy document we can read', prop.source);
}

/** `EndpointConfiguration.Types`; absent, REST APIs and their domains are edge-optimized. */
export function endpointType(ctx: CfnContext, body: CfnBody, fallback: FileSource): Attr<EndpointType> {
  const config = ctx.read.child(body, 'EndpointConfiguration');
  switch (config.state) {
    case 'absent':
      return byDefault('edge', fallback);
    case 'unknown':
      return unknown(config.expr, config.source);
    case 'known':
      return ctx.read.read(config.body, 'Types', (v) => {
        const first = asStringList(v)?.[0];
        return first === undefined ? undefined : ENDPOINT_TYPES[first.toUpperCase()];
      }, { value: 'edge', source: config.body.source });
  }
}

export function negate(attr: Attr<boolean>): Attr<boolean> {
  return attr.state === 'unknown' ? attr : { ...attr, value: !attr.value };
}

/** The path a `ParentId` / `ResourceId` names: `!GetAtt Api.RootResourceId` is `/`, a Resource its own path. */
function pathOf(ctx: CfnContext, prop: CfnProp | undefined, owner: CfnResource, seen: ReadonlySet<string>): Attr<string> {
  if (!prop) return unknown('the parent resource is not set', owner.source);
  if (ctx.targets(prop, [REST_API], 'RootResourceId').length > 0) return set('/', prop.source);
  const [target, ...others] = ctx.targets(prop, [RESOURCE]);
  if (target && others.length === 0) {
    if (seen.has(target.logicalId)) return unknown(`cyclic ParentId at ${target.logicalId}`, prop.source);
    const body = ctx.read.body(target);
    const part = ctx.read.read(body, 'PathPart', asString);
    if (part.state === 'unknown') return part;
    const parent = pathOf(ctx, ctx.read.prop(body, 'ParentId'), target, new Set([...seen, target.logicalId]));
    if (parent.state === 'unknown') return parent;
    return set(parent.value === '/' ? `/${part.value}` : `${parent.value}/${part.value}`, part.source);
  }
  return convertProp<string>(prop, () => undefined);
}

function methodInfo(ctx: CfnContext, method: CfnResource): MethodInfo {
  const body = ctx.read.body(method);
  return {
    resource: method,
    id: ctx.nodeId(method.logicalId),
    api: ctx.identity(ctx.read.prop(body, 'RestApiId'), [REST_API]),
    httpMethod: ctx.read.knownString(body, 'HttpMethod')?.toUpperCase(),
    path: pathOf(ctx, ctx.read.prop(body, 'ResourceId'), method, new Set()),
  };
}

function adaptMethods(ctx: CfnContext, methods: readonly MethodInfo[], throttles: ReadonlyMap<string, Attr<Throttle | null>>, result: AdaptResult): void {
  for (const info of methods) {
    const { resource: method } = info;
    const body = ctx.read.body(method);
    const attrs: OperationAttrs = {
      method: ctx.read.read(body, 'HttpMethod', (v) => asString(v)?.toUpperCase()),
      path: info.path,
      // AuthorizationType is optional; API Gateway then applies NONE.
      authorization: ctx.read.read(body, 'AuthorizationType', oneOf(REST_AUTHORIZATIONS), { value: 'none', source: method.source }),
      apiKeyRequired: ctx.read.read(body, 'ApiKeyRequired', asBool, { value: false, source: method.source }),
      requestValidation: requestValidation(ctx, body, method.source),
      requiredParameters: ctx.read.read(body, 'RequestParameters', requiredParameters, { value: [], source: method.source }),
      throttling: throttles.get(info.id) ?? byDefault(null, method.source),
    };
    result.nodes.push(ctx.node(method, 'api.operation', attrs));
    for (const api of ctx.ids(ctx.read.prop(body, 'RestApiId'), [REST_API])) result.edges.push(edge(api, 'api-has-operation', info.id));
    for (const authorizer of ctx.ids(ctx.read.prop(body, 'AuthorizerId'), [AUTHORIZER])) result.edges.push(edge(info.id, 'operation-uses-authorizer', authorizer));
    const integration = ctx.read.child(body, 'Integration');
    if (integration.state === 'known') {
      const backend = ctx.node(method, 'api.backend', integrationAttrs(ctx, integration.body), { suffix: INTEGRATION_SUFFIX, raw: integration.body.raw });
      result.nodes.push(backend);
      result.edges.push(edge(info.id, 'operation-calls-backend', backend.id));
    }
  }
}

/** `RequestParameters: { method.request.querystring.page: true }`: `true` marks a required parameter. */
function requiredParameters(value: CfnValue): readonly string[] | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || isCfnUnknown(value)) return undefined;
  const required: string[] = [];
  for (const [key, flag] of Object.entries(value as { readonly [key: string]: CfnValue })) {
    const match = /^method\.request\.(querystring|header)\.(.+)$/.exec(key);
    if (match && asBool(flag) === true) required.push(`${match[1] === 'querystring' ? 'query' : 'header'}:${match[2] ?? ''}`);
  }
  return required;
}

/** From the request validator a method names; without one, nothing is validated. */
function requestValidation(ctx: CfnContext, body: CfnBody, fallback: FileSource): Attr<RequestValidation> {
  const ref = ctx.read.prop(body, 'RequestValidatorId');
  if (!ref) return byDefault('none', fallback);
  const [validator, ...others] = ctx.targets(ref, [VALIDATOR]);
  if (!validator || others.length > 0) return convertProp<RequestValidation>(ref, () => undefined);
  const validatorBody = ctx.read.body(validator);
  const validatesBody = ctx.read.read(validatorBody, 'ValidateRequestBody', asBool, { value: false, source: validator.source });
  const validatesParams = ctx.read.read(validatorBody, 'ValidateRequestParameters', asBool, { value: false, source: validator.source });
  if (validatesBody.state === 'unknown') return validatesBody;
  if (validatesParams.state === 'unknown') return validatesParams;
  const level: RequestValidation = validatesBody.value ? (validatesParams.value ? 'full' : 'body') : validatesParams.value ? 'params' : 'none';
  return set(level, ref.source);
}

/**
 * A method's inline integration. The CloudFormation `Integration` has no TLS settings, so backend certificates are
 * always verified. The URI is often computed (`!Sub arn:...:lambda:path/.../${Fn.Arn}/invocations`,
 * `!Sub https://${Host}/x`): its known leading text still tells a Lambda URI or the scheme.
 */
function integrationAttrs(ctx: CfnContext, integration: CfnBody): BackendAttrs {
  const at = integration.source;
  const uriProp = ctx.read.prop(integration, 'Uri');
  const uri: Attr<string> = uriProp ? convertProp(uriProp, asString) : byDefault('', at);
  const uriText = uriProp === undefined ? '' : isCfnUnknown(uriProp.value) ? uriProp.value.expr : asString(uriProp.value);
  let type = ctx.read.read(integration, 'Type', oneOf(INTEGRATION_TYPES));
  if (type.state !== 'unknown' && type.value === 'aws-service' && uriText?.includes(':lambda:path/')) type = { ...type, value: 'lambda' };
  if (type.state !== 'unknown' && type.value === 'lambda' && uriProp === undefined) type = { ...type, value: 'aws-service' };
  return {
    type,
    url: uri,
    usesTls: backendTls(type, uriProp, at),
    verifiesCertificate: byDefault(true, at),
    connection: ctx.read.read<'internet' | 'vpc-link'>(integration, 'ConnectionType', oneOf({ INTERNET: 'internet', VPC_LINK: 'vpc-link' }), { value: 'internet', source: at }),
  };
}

/** TLS to an HTTP backend, from the URI's scheme (or the known start of a computed URI); other types call AWS over HTTPS. */
export function backendTls(type: Attr<BackendType>, uri: CfnProp | undefined, fallback: FileSource): Attr<boolean> {
  if (type.state === 'unknown') return type;
  if (type.value !== 'http') return byDefault(true, fallback);
  if (!uri) return unknown('the integration URI is not set', fallback);
  const text = isCfnUnknown(uri.value) ? uri.value.prefix : asString(uri.value) ?? '';
  const scheme = urlScheme(text);
  if (scheme === 'https' || scheme === 'http') return set(scheme === 'https', uri.source);
  return unknown(isCfnUnknown(uri.value) ? uri.value.expr : `no scheme in ${text}`, uri.source);
}

function adaptAuthorizers(ctx: CfnContext, result: AdaptResult): void {
  for (const authorizer of ctx.ofType(AUTHORIZER)) {
    const body = ctx.read.body(authorizer);
    const type = ctx.read.read(body, 'Type', oneOf(REST_AUTHORIZER_TYPES));
    const attrs: AuthorizerAttrs = {
      type,
      // Cognito authorizers accept tokens of the user pools in ProviderARNs; Lambda authorizers check what their code checks.
      issuer: type.state === 'unknown'
        ? type
        : type.value === 'cognito'
          ? ctx.read.read(body, 'ProviderARNs', (v) => asStringList(v)?.join(','), { value: null, source: authorizer.source })
          : byDefault(null, authorizer.source),
      // Neither Lambda nor Cognito authorizers of REST APIs check a token audience.
      audience: byDefault([], authorizer.source),
      identitySource: ctx.read.read(body, 'IdentitySource', asString, { value: 'method.request.header.Authorization', source: authorizer.source }),
    };
    const node = ctx.node(authorizer, 'api.authorizer', attrs);
    result.nodes.push(node);
    for (const api of ctx.ids(ctx.read.prop(body, 'RestApiId'), [REST_API])) result.edges.push(edge(api, 'api-has-authorizer', node.id));
  }
}

export function restStages(ctx: CfnContext): RestStage[] {
  const stages: RestStage[] = ctx.ofType(STAGE).map((stage) => {
    const body = ctx.read.body(stage);
    return {
      id: ctx.nodeId(stage.logicalId),
      resource: stage,
      settings: body,
      api: ctx.identity(ctx.read.prop(body, 'RestApiId'), [REST_API]),
      stageName: ctx.read.read(body, 'StageName', asString),
    };
  });
  for (const deployment of ctx.ofType(DEPLOYMENT)) {
    const body = ctx.read.body(deployment);
    if (!ctx.read.prop(body, 'StageName')) continue;
    const description = ctx.read.child(body, 'StageDescription');
    stages.push({
      id: ctx.nodeId(deployment.logicalId, DEPLOYMENT_STAGE_SUFFIX),
      resource: deployment,
      settings: description.state === 'known' ? description.body : undefined,
      api: ctx.identity(ctx.read.prop(body, 'RestApiId'), [REST_API]),
      stageName: ctx.read.read(body, 'StageName', asString),
    });
  }
  return stages;
}

/** The stages a `Stage` / `StageName` property names: by reference to a Stage (or Deployment), else by name on the API. */
export function stagesNamed(ctx: CfnContext, stages: readonly RestStage[], stageName: CfnProp | undefined, api: string | undefined): RestStage[] {
  const byRef = new Set(ctx.ids(stageName, [STAGE, DEPLOYMENT], stageSuffix));
  if (byRef.size > 0) return stages.filter((s) => byRef.has(s.id));
  const name = stageName && typeof stageName.value === 'string' ? stageName.value : undefined;
  if (name === undefined || api === undefined) return [];
  return stages.filter((s) => s.api === api && s.stageName.state !== 'unknown' && s.stageName.value === name);
}

/**
 * `MethodSettings` items: `ResourcePath: /*` with `HttpMethod: '*'` is the whole stage; others name one method, with
 * `/` in the path escaped as `~1`: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-apigateway-stage-methodsetting.html
 */
function settingsItems(ctx: CfnContext, stage: RestStage): { readonly all: readonly CfnBody[]; readonly perMethod: readonly { path: string; verb: string; body: CfnBody }[] } {
  const list = ctx.read.items(stage.settings, 'MethodSettings');
  let all: CfnBody | undefined;
  const perMethod: { path: string; verb: string; body: CfnBody }[] = [];
  if (list.state === 'known') {
    for (const item of list.bodies) {
      const path = ctx.read.knownString(item, 'ResourcePath') ?? '/*';
      const verb = (ctx.read.knownString(item, 'HttpMethod') ?? '*').toUpperCase();
      if (path === '/*' && verb === '*') all ??= item;
      else perMethod.push({ path: `/${path.replaceAll('~1', '/').replace(/^\/+/, '')}`, verb, body: item });
    }
  }
  // A deployment's StageDescription holds the stage-wide settings itself (LoggingLevel, ThrottlingRateLimit...), beside
  // its MethodSettings: a `/*` item there sets some fields (DataTraceEnabled) without clearing the others.
  const description = stage.resource.type === DEPLOYMENT ? stage.settings : undefined;
  return { all: [all, description].filter((b): b is CfnBody => b !== undefined), perMethod };
}

function isNonEmptyList<T>(list: readonly T[]): list is readonly [T, ...T[]] {
  return list.length > 0;
}

/** The first of the stage-wide settings that writes `name` (the `/*` method setting, then the StageDescription). */
function writing(ctx: CfnContext, bodies: readonly CfnBody[], name: string): CfnBody | undefined {
  return bodies.find((body) => ctx.read.prop(body, name) !== undefined) ?? bodies[0];
}

function methodThrottles(ctx: CfnContext, stages: readonly RestStage[], methods: readonly MethodInfo[]): Map<string, Attr<Throttle | null>> {
  const throttles = new Map<string, Attr<Throttle | null>>();
  for (const stage of stages) {
    for (const setting of settingsItems(ctx, stage).perMethod) {
      for (const method of methods) {
        if (stage.api !== undefined && method.api !== stage.api) continue;
        if (!names(setting, method)) continue;
        if (!throttles.has(method.id)) throttles.set(method.id, settingsThrottle(ctx, [setting.body]));
      }
    }
  }
  return throttles;
}

/** Whether a per-method setting (`ResourcePath`, `HttpMethod`, `*` for any verb) names the method. */
function names(setting: { readonly path: string; readonly verb: string }, method: MethodInfo): boolean {
  return method.path.state !== 'unknown' && method.path.value === setting.path && (setting.verb === '*' || method.httpMethod === setting.verb);
}

/** Each route's logging level on the stage: the first per-method setting naming it that writes one, else the stage-wide level. */
function routeLogging(ctx: CfnContext, stage: RestStage, stageWide: Attr<LogLevel>, perMethod: readonly { path: string; verb: string; body: CfnBody }[], methods: readonly MethodInfo[]): Attr<LogLevel>[] {
  if (stage.api === undefined) return [];
  return methods.filter((method) => method.api === stage.api).map((method) => {
    const own = perMethod.find((setting) => names(setting, method) && ctx.read.prop(setting.body, 'LoggingLevel') !== undefined);
    return own ? ctx.read.read(own.body, 'LoggingLevel', oneOf(LOG_LEVELS)) : stageWide;
  });
}

function settingsThrottle(ctx: CfnContext, settings: readonly [CfnBody, ...CfnBody[]]): Attr<Throttle | null> {
  const at = settings[0].source;
  return combineThrottle(
    ctx.read.read(writing(ctx, settings, 'ThrottlingRateLimit'), 'ThrottlingRateLimit', asNumber, { value: -1, source: at }),
    ctx.read.read(writing(ctx, settings, 'ThrottlingBurstLimit'), 'ThrottlingBurstLimit', asNumber, { value: -1, source: at }),
    at,
  );
}

/** A `MethodSettings` item's cache settings when it writes `CacheDataEncrypted` (caching on unless it turns it off). */
function cacheItem(ctx: CfnContext, body: CfnBody): CacheOverride | undefined {
  const written = ctx.read.prop(body, 'CacheDataEncrypted');
  if (!written) return undefined;
  return {
    caching: ctx.read.read(body, 'CachingEnabled', asBool, { value: true, source: written.source }),
    encrypted: ctx.read.read(body, 'CacheDataEncrypted', asBool, { value: true, source: written.source }),
  };
}

function adaptStages(ctx: CfnContext, stages: readonly RestStage[], methods: readonly MethodInfo[], result: AdaptResult): void {
  const serverlessFramework = isServerlessFrameworkTemplate(ctx.template);
  for (const stage of stages) {
    const { resource } = stage;
    const body = stage.settings;
    const items = settingsItems(ctx, stage);
    const settings = items.all;
    // Without method settings, execution logging and data trace are off, no stage throttle, cache unencrypted.
    const at = settings[0]?.source ?? resource.source;
    // The stage the Serverless Framework deploys gets its logs and tracing only after deployment.
    const leftToDeploy = serverlessFramework && resource.type === DEPLOYMENT;
    const afterDeploy = <T>(attr: Attr<T>): Attr<T> => (leftToDeploy ? setAfterDeploy(attr, resource.source) : attr);
    const stageWideLogging = ctx.read.read<LogLevel>(writing(ctx, settings, 'LoggingLevel'), 'LoggingLevel', oneOf(LOG_LEVELS), { value: 'off', source: at });
    const attrs: StageAttrs = {
      stageName: stage.stageName,
      accessLogging: afterDeploy(accessLogging(ctx, body, 'AccessLogSetting', resource.source)),
      executionLogging: afterDeploy(loggingByRoute(stageWideLogging, routeLogging(ctx, stage, stageWideLogging, items.perMethod, methods))),
      dataTrace: afterDeploy(turnedOnByOverride(
        ctx.read.read(writing(ctx, settings, 'DataTraceEnabled'), 'DataTraceEnabled', asBool, { value: false, source: at }),
        items.perMethod.map((item) => ctx.read.read(item.body, 'DataTraceEnabled', asBool, { value: false, source: at })),
      )),
      tracing: afterDeploy(ctx.read.read(body, 'TracingEnabled', asBool, { value: false, source: resource.source })),
      cacheEnabled: ctx.read.read(body, 'CacheClusterEnabled', asBool, { value: false, source: resource.source }),
      cacheEncrypted: unencryptedByOverride(
        ctx.read.read(writing(ctx, settings, 'CacheDataEncrypted'), 'CacheDataEncrypted', asBool, { value: false, source: at }),
        items.perMethod.flatMap((item) => cacheItem(ctx, item.body) ?? []),
      ),
      throttling: isNonEmptyList(settings) ? settingsThrottle(ctx, settings) : byDefault(null, at),
      // API Gateway stages have no quota of their own; usage plans carry quotas.
      quota: byDefault(null, resource.source),
      clientCertificate: present(ctx, body, 'ClientCertificateId', resource.source),
      apiFlavor: 'rest',
    };
    const node = ctx.node(resource, 'api.stage', attrs, { suffix: stageSuffix(resource) });
    result.nodes.push(node);
    for (const api of ctx.ids(ctx.read.prop(ctx.read.body(resource), 'RestApiId'), [REST_API])) result.edges.push(edge(api, 'api-has-stage', node.id));
  }
}

/** Access logs are written when the access log setting names a destination. */
export function accessLogging(ctx: CfnContext, body: CfnBody | undefined, name: string, fallback: FileSource): Attr<boolean> {
  const setting = ctx.read.child(body, name);
  switch (setting.state) {
    case 'absent':
      return byDefault(false, fallback);
    case 'unknown':
      return unknown(setting.expr, setting.source);
    case 'known': {
      const destination = ctx.read.prop(setting.body, 'DestinationArn');
      return destination ? set(true, destination.source) : set(false, setting.body.source);
    }
  }
}

/** A property that is written at all (its value, e.g. a certificate id, is often known only after deployment). */
export function present(ctx: CfnContext, body: CfnBody | undefined, name: string, fallback: FileSource): Attr<boolean> {
  const found = ctx.read.prop(body, name);
  return found ? set(true, found.source) : byDefault(false, fallback);
}
