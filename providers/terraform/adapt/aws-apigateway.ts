import { byDefault, set, unknown, type Attr } from '../../../src/graph/attr';
import type {
  ApiAttrs, AuthorizerAttrs, AuthorizerType, BackendAttrs, BackendType, EndpointType, LogLevel, OperationAttrs,
  RequestValidation, ResourcePolicy, StageAttrs, Throttle,
} from '../../../src/graph/kinds';
import type { Diagnostic } from '../../../src/graph/diagnostic';
import type { FileSource } from '../../../src/graph/source';
import { isUnknown, type TfAttribute, type TfBody, type TfResource, type TfValue } from '../model';
import type { Linker } from './linker';
import { adaptSpecBody } from './openapi-operations';
import {
  asBool, asNumber, asString, asStringList, attribute, convertAttribute, firstBlock, knownString, oneOf, readAttr, readBlocks,
} from './read-attr';
import { terraformNode, edge, emptyResult, type AdaptResult } from './terraform-node';
import { readResourcePolicy } from './written-policy';
import { writtenForm } from './written-form';
import { existsWith, mayNotExist, uncertainBody } from './existence';
import { ENDPOINT_TYPES, INTEGRATION_TYPES, LOG_LEVELS, REST_AUTHORIZATIONS, REST_AUTHORIZER_TYPES } from '../../aws-shared/api-gateway-enums';
import { loggingByRoute, turnedOnByOverride, unencryptedByOverride, type CacheOverride } from '../../aws-shared/method-overrides';
import { combineThrottle } from '../../aws-shared/throttle';
import { compositeKey, groupBy } from './group-by';
import { urlScheme } from '../../url-scheme';

// REST APIs (API Gateway v1): https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_rest_api
export const REST_API = 'aws_api_gateway_rest_api';
const REST_API_POLICY = 'aws_api_gateway_rest_api_policy';
const RESOURCE = 'aws_api_gateway_resource';
const METHOD = 'aws_api_gateway_method';
const INTEGRATION = 'aws_api_gateway_integration';
const AUTHORIZER = 'aws_api_gateway_authorizer';
const VALIDATOR = 'aws_api_gateway_request_validator';
export const STAGE = 'aws_api_gateway_stage';
export const DEPLOYMENT = 'aws_api_gateway_deployment';
const METHOD_SETTINGS = 'aws_api_gateway_method_settings';

/** The node id of a deployment's inline stage (`stage_name` on `aws_api_gateway_deployment`, deprecated). */
export const INLINE_STAGE_SUFFIX = '#stage';

/** A stage node of a REST API and what identifies it for method settings, mappings and usage plans. */
export interface RestStage {
  readonly id: string;
  readonly resource: TfResource;
  readonly api: string | undefined;
  readonly stageName: string | undefined;
}

interface MethodInfo {
  readonly resource: TfResource;
  readonly id: string;
  /** `rest_api_id`, read once: its refs are resolved when first read. */
  readonly restApiId: TfAttribute | undefined;
  /** `http_method`, read once. */
  readonly method: Attr<string>;
  readonly api: string | undefined;
  readonly resourceKey: string | undefined;
  readonly httpMethod: string | undefined;
  readonly path: Attr<string>;
}

/** The methods, and the same methods looked up by what integrations and method settings match them on. */
interface Methods {
  readonly all: readonly MethodInfo[];
  /** By API, resource and HTTP method. */
  readonly byRoute: ReadonlyMap<string, readonly MethodInfo[]>;
  /** By HTTP method and known path. */
  readonly byVerbAndPath: ReadonlyMap<string, readonly MethodInfo[]>;
}

function indexMethods(all: readonly MethodInfo[]): Methods {
  return {
    all,
    byRoute: groupBy(all, (m) => compositeKey(m.api, m.resourceKey, m.httpMethod)),
    byVerbAndPath: groupBy(all, (m) => (m.path.state === 'unknown' ? undefined : compositeKey(m.httpMethod, m.path.value))),
  };
}

/** REST APIs with their resources, methods, integrations, authorizers, stages and method settings. */
export function adaptApiGateway(linker: Linker): AdaptResult {
  const result = emptyResult();
  // Each resource has a method per verb: its path is followed up to the API once.
  const resourcePaths = new Map<TfResource, Attr<string>>();
  const methods = indexMethods(linker.ofType(METHOD).map((m) => methodInfo(linker, m, resourcePaths)));
  adaptRestApis(linker, methods.all, result);
  const stages = indexStages(restStages(linker));
  const settings = methodSettings(linker, stages, methods);
  adaptMethods(linker, methods.all, settings.byMethod, result);
  adaptIntegrations(linker, methods, result);
  adaptAuthorizers(linker, result);
  adaptStages(linker, stages.all, settings, methodsByApi(methods), result);
  for (const ms of settings.stageless) result.diagnostics.push(stagelessNotice(ms));
  return result;
}

function adaptRestApis(linker: Linker, methods: readonly MethodInfo[], result: AdaptResult): void {
  // Routes defined by aws_api_gateway_method resources, which replace the same route of an OpenAPI body. Listed
  // when an API has a body: most APIs of a large plan have none, and a string per method is wasted on them.
  let methodRoutes: ReadonlySet<string> | undefined;
  const isMethodRoute = (route: string): boolean => (methodRoutes ??= routesOf(methods)).has(route);
  const policyOverrides = new Map<string, Attr<ResourcePolicy | null>>();
  for (const attachment of linker.ofType(REST_API_POLICY)) {
    const policy = readResourcePolicy(attachment.body, 'policy');
    for (const api of linker.targets(attribute(attachment.body, 'rest_api_id'), [REST_API])) policyOverrides.set(api.address, policy);
  }
  for (const api of linker.ofType(REST_API)) {
    const body = api.body;
    const spec = adaptSpecBody(linker, api, 'rest', (method, path) => isMethodRoute(`ref:${api.address} ${method} ${path}`));
    // The `policy` argument (and an aws_api_gateway_rest_api_policy) override the body's x-amazon-apigateway-policy:
    // https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_rest_api#policy
    const noPolicy = { value: null, source: api.source };
    const attrs: ApiAttrs = {
      flavor: 'rest',
      endpointType: endpointType(body, api.source),
      // disable_execute_api_endpoint defaults to false: the execute-api endpoint stays open.
      defaultEndpointEnabled: spec.defaultEndpointEnabled ?? negate(readAttr(body, 'disable_execute_api_endpoint', asBool, { value: false, source: api.source })),
      resourcePolicy: policyOverrides.get(api.address)
        ?? (spec.resourcePolicy && !attribute(body, 'policy') ? spec.resourcePolicy : readResourcePolicy(body, 'policy', noPolicy)),
      hasSpec: hasSpec(body, api.source),
      // API Gateway has no policy scopes to inherit from.
      policyOverrides: byDefault([], api.source),
      // REST APIs answer CORS through OPTIONS methods and integration responses, not a gateway setting.
      cors: byDefault(null, api.source),
    };
    result.nodes.push(terraformNode(linker, api, 'api', attrs), ...spec.nodes);
    result.edges.push(...spec.edges);
    result.diagnostics.push(...spec.diagnostics);
  }
}

/** `<api identity> <VERB> <path>` of each method whose verb and path are known. */
function routesOf(methods: readonly MethodInfo[]): Set<string> {
  const routes = new Set<string>();
  for (const m of methods) if (m.path.state !== 'unknown' && m.httpMethod !== undefined) routes.add(`${m.api ?? ''} ${m.httpMethod} ${m.path.value}`);
  return routes;
}

/** `endpoint_configuration { types = [...] }`; absent, the API is edge-optimized. */
export function endpointType(body: TfBody, fallback: FileSource): Attr<EndpointType> {
  const blocks = readBlocks(body, 'endpoint_configuration');
  if (blocks.state === 'unknown') return unknown(blocks.expr, blocks.source);
  const block = blocks.blocks[0];
  if (!block) return byDefault('edge', fallback);
  return readAttr(block, 'types', (v) => {
    const types = asStringList(v);
    const first = types?.[0];
    return first === undefined ? undefined : ENDPOINT_TYPES[first.toUpperCase()];
  }, { value: 'edge', source: block.source });
}

/** An OpenAPI `body` describes the API. A body whose value is unknown (`templatefile(...)`) is still a spec. */
export function hasSpec(body: TfBody, fallback: FileSource): Attr<boolean> {
  const spec = attribute(body, 'body');
  return spec ? set(true, spec.source) : byDefault(false, fallback);
}

export function negate(attr: Attr<boolean>): Attr<boolean> {
  return attr.state === 'unknown' ? attr : { ...attr, value: !attr.value };
}

/** No resource followed yet: one shared empty set rather than one per method. */
const NOTHING_SEEN: ReadonlySet<string> = new Set();

/** The full path of an `aws_api_gateway_resource`, following `parent_id` up to the API's root resource. */
function resourcePath(linker: Linker, resource: TfResource, seen: ReadonlySet<string> = NOTHING_SEEN): Attr<string> {
  if (seen.has(resource.address)) return unknown(`cyclic parent_id at ${resource.address}`, resource.source);
  const part = readAttr(resource.body, 'path_part', asString);
  if (part.state === 'unknown') return part;
  const parent = parentPath(linker, attribute(resource.body, 'parent_id'), resource, new Set([...seen, resource.address]));
  if (parent.state === 'unknown') return parent;
  return set(parent.value === '/' ? `/${part.value}` : `${parent.value}/${part.value}`, part.source);
}

/**
 * `parent_id` / `resource_id` pointing at `rest_api.root_resource_id` is `/`; at another resource, its path.
 * `known` holds the paths already followed from a method (`seen` empty), which do not depend on who asks.
 */
function parentPath(linker: Linker, parent: ReturnType<typeof attribute>, owner: TfResource, seen: ReadonlySet<string>, known?: Map<TfResource, Attr<string>>): Attr<string> {
  if (!parent) return unknown('parent resource is not set', owner.source);
  if (linker.refsTo(parent, [REST_API]).length > 0) return set('/', parent.source);
  const target = linker.soleTarget(parent, [RESOURCE]);
  if (target) {
    if (!known || seen.size > 0) return resourcePath(linker, target, seen);
    let path = known.get(target);
    if (!path) {
      path = resourcePath(linker, target, seen);
      known.set(target, path);
    }
    return path;
  }
  // Refers to several resources: instances with no key that says which (`x[each.value.path]` in a plan, id unknown).
  const candidates = linker.targets(parent, [RESOURCE]);
  if (candidates.length > 1) {
    const named = candidates.slice(0, 3).map((r) => r.address).join(', ');
    return unknown(`refers to ${candidates.length} resources (${named}${candidates.length > 3 ? ', ...' : ''}); which one is meant is not known`, parent.source);
  }
  return convertAttribute<string>(parent, () => undefined);
}

function methodInfo(linker: Linker, method: TfResource, resourcePaths: Map<TfResource, Attr<string>>): MethodInfo {
  const resourceId = attribute(method.body, 'resource_id');
  const restApiId = attribute(method.body, 'rest_api_id');
  const httpMethod = readAttr(method.body, 'http_method', toHttpMethod);
  return {
    resource: method,
    id: linker.nodeId(method.address),
    restApiId,
    method: httpMethod,
    api: linker.identity(restApiId, [REST_API]),
    resourceKey: linker.identity(resourceId, [REST_API, RESOURCE]),
    httpMethod: httpMethod.state === 'unknown' ? undefined : httpMethod.value,
    path: parentPath(linker, resourceId, method, NOTHING_SEEN, resourcePaths),
  };
}

const toHttpMethod = (value: TfValue): string | undefined => asString(value)?.toUpperCase();

function adaptMethods(linker: Linker, methods: readonly MethodInfo[], settings: ReadonlyMap<string, TfBody>, result: AdaptResult): void {
  const validators = new Map(linker.ofType(VALIDATOR).map((v) => [v.address, v]));
  for (const info of methods) {
    const { resource: method } = info;
    const body = method.body;
    const methodSettings = settings.get(info.id);
    const attrs: OperationAttrs = {
      method: info.method,
      path: info.path,
      authorization: readAttr(body, 'authorization', oneOf(REST_AUTHORIZATIONS)),
      apiKeyRequired: readAttr(body, 'api_key_required', asBool, { value: false, source: method.source }),
      requestValidation: requestValidation(linker, body, method.source, validators),
      requiredParameters: readAttr(body, 'request_parameters', requiredParameters, { value: NO_PARAMETERS, source: method.source }),
      throttling: methodSettings ? settingsThrottle(methodSettings) : byDefault(null, method.source),
    };
    result.nodes.push(terraformNode(linker, method, 'api.operation', attrs));
    for (const api of linker.ids(info.restApiId, [REST_API])) result.edges.push(edge(api, 'api-has-operation', info.id));
    for (const authorizer of linker.ids(attribute(body, 'authorizer_id'), [AUTHORIZER])) {
      result.edges.push(edge(info.id, 'operation-uses-authorizer', authorizer));
    }
  }
}

/** Shared by every method without required parameters: most methods of a large plan. */
const NO_PARAMETERS: readonly string[] = Object.freeze([]);

const PARAMETER_PLACES: Readonly<Record<string, string>> = { querystring: 'query', header: 'header' };

/**
 * `request_parameters = { "method.request.querystring.page" = true }`: `true` marks a required parameter, which a
 * parameter validator then enforces. Path parameters are always present once the route matches.
 */
function requiredParameters(value: TfValue): readonly string[] | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const required: string[] = [];
  for (const [key, flag] of Object.entries(value as { readonly [key: string]: TfValue })) {
    const match = /^method\.request\.(querystring|header)\.(.+)$/.exec(key);
    const place = match?.[1] === undefined ? undefined : PARAMETER_PLACES[match[1]];
    if (place !== undefined && asBool(flag) === true) required.push(`${place}:${match?.[2] ?? ''}`);
  }
  return required;
}

/** From the request validator a method names; without one, nothing is validated. */
function requestValidation(linker: Linker, body: TfBody, fallback: FileSource, validators: ReadonlyMap<string, TfResource>): Attr<RequestValidation> {
  const ref = attribute(body, 'request_validator_id');
  if (!ref) return byDefault('none', fallback);
  const [validator, ...others] = linker.targets(ref, [VALIDATOR]).filter((v) => validators.has(v.address));
  if (!validator || others.length > 0) return convertAttribute<RequestValidation>(ref, () => undefined);
  const validatesBody = readAttr(validator.body, 'validate_request_body', asBool, { value: false, source: validator.source });
  const validatesParams = readAttr(validator.body, 'validate_request_parameters', asBool, { value: false, source: validator.source });
  if (validatesBody.state === 'unknown') return validatesBody;
  if (validatesParams.state === 'unknown') return validatesParams;
  const level: RequestValidation = validatesBody.value ? (validatesParams.value ? 'full' : 'body') : validatesParams.value ? 'params' : 'none';
  return set(level, ref.source);
}

function adaptIntegrations(linker: Linker, methods: Methods, result: AdaptResult): void {
  for (const integration of linker.ofType(INTEGRATION)) {
    const backend = terraformNode(linker, integration, 'api.backend', backendAttrs(integration, { typeName: 'type', uriName: 'uri', types: INTEGRATION_TYPES }));
    result.nodes.push(backend);
    for (const method of integrationMethods(linker, integration, methods)) result.edges.push(edge(method, 'operation-calls-backend', backend.id));
  }
}

/** Arguments of an integration that may refer to its method (`http_method = aws_api_gateway_method.m.http_method`). */
const METHOD_REF_ARGUMENTS = ['http_method', 'resource_id', 'rest_api_id'];
const METHOD_TYPES: readonly string[] = [METHOD];

/** The methods an integration belongs to: named by reference, else by the same API, resource and HTTP method. */
function integrationMethods(linker: Linker, integration: TfResource, methods: Methods): readonly string[] {
  const body = integration.body;
  // The first argument that refers to a method names it (they all name the same one when several do).
  for (const name of METHOD_REF_ARGUMENTS) {
    const byRef = linker.ids(attribute(body, name), METHOD_TYPES);
    if (byRef.length > 0) return byRef;
  }
  const api = linker.identity(attribute(body, 'rest_api_id'), [REST_API]);
  const resourceKey = linker.identity(attribute(body, 'resource_id'), [REST_API, RESOURCE]);
  const httpMethod = knownString(body, 'http_method')?.toUpperCase();
  const key = compositeKey(api, resourceKey, httpMethod);
  return key === undefined ? [] : (methods.byRoute.get(key) ?? []).map((m) => m.id);
}

/**
 * Backend attributes shared by REST and HTTP API integrations. `uri` / `integration_uri` is where requests go;
 * TLS is read from its scheme for HTTP backends. Lambda and AWS service integrations are called on AWS's HTTPS
 * endpoints, and mock integrations make no call at all, so neither can be plain HTTP.
 */
export function backendAttrs(
  integration: TfResource,
  names: { readonly typeName: string; readonly uriName: string; readonly types: Readonly<Record<string, BackendType>> },
): BackendAttrs {
  const body = integration.body;
  // Read once: its text as written is asked of it too when it is known only at apply time.
  const uriAttribute = attribute(body, names.uriName);
  const uri = uriAttribute ? convertAttribute(uriAttribute, asString) : byDefault('', integration.source);
  const type = refineType(readAttr(body, names.typeName, oneOf(names.types)), uri);
  const tls = firstBlock(body, 'tls_config');
  const connection = readAttr<'internet' | 'vpc-link'>(body, 'connection_type', toConnectionType, {
    value: 'internet', source: integration.source,
  });
  return {
    type,
    url: uri,
    usesTls: usesTls(type, uri, tls, connection, integration.source, writtenText(uriAttribute)),
    // REST: tls_config.insecure_skip_verification defaults to false. HTTP APIs always verify (no such switch). A
    // `dynamic "tls_config"` whose for_each is not known may turn verification off.
    verifiesCertificate: tls
      ? negate(readAttr(tls, 'insecure_skip_verification', asBool, { value: false, source: tls.source }))
      : integration.type === INTEGRATION && readBlocks(body, 'tls_config').state === 'unknown' ? unknown('dynamic "tls_config"', integration.source) : byDefault(true, integration.source),
    connection,
  };
}

const toConnectionType = oneOf<'internet' | 'vpc-link'>({ INTERNET: 'internet', VPC_LINK: 'vpc-link' });

/**
 * A non-proxy `AWS` integration whose URI is the Lambda invoke path calls a Lambda function; an `AWS_PROXY`
 * integration whose URI is not a Lambda function (HTTP API service integrations name no URI) calls a service.
 */
function refineType(type: Attr<BackendType>, uri: Attr<string>): Attr<BackendType> {
  if (type.state === 'unknown' || uri.state === 'unknown') return type;
  if (type.value === 'aws-service' && uri.value.includes(':lambda:path/')) return { ...type, value: 'lambda' };
  if (type.value === 'lambda' && uri.state === 'default') return { ...type, value: 'aws-service' };
  return type;
}

/**
 * `written`: the text of a URI known only at apply time, as the template writes it (`http://${var.host}/orders`):
 * its scheme is in the code.
 */
function usesTls(type: Attr<BackendType>, uri: Attr<string>, tls: TfBody | undefined, connection: Attr<string>, fallback: FileSource, written?: string): Attr<boolean> {
  if (type.state === 'unknown') return type;
  if (type.value !== 'http') return byDefault(true, fallback);
  if (uri.state === 'unknown') {
    const writtenScheme = written === undefined ? undefined : urlScheme(written);
    if (writtenScheme === 'https' || writtenScheme === 'http') return set(writtenScheme === 'https', uri.source ?? fallback);
    return uri;
  }
  const scheme = urlScheme(uri.value);
  if (scheme === 'https') return set(true, uri.source ?? fallback);
  if (scheme === 'http') return set(false, uri.source ?? fallback);
  // HTTP API private integrations name a load balancer listener or Cloud Map service ARN: TLS to it is on only with a
  // tls_config block: https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-private.html
  if (connection.state !== 'unknown' && connection.value === 'vpc-link' && uri.value.startsWith('arn:')) {
    return tls ? set(true, tls.source) : byDefault(false, fallback);
  }
  return unknown(`no scheme in ${uri.value}`, uri.source);
}

/** The text of an attribute known only at apply time, as its template writes it; undefined when it has none. */
function writtenText(found: TfAttribute | undefined): string | undefined {
  return found && isUnknown(found.value) ? writtenForm(found.value) : undefined;
}

function adaptAuthorizers(linker: Linker, result: AdaptResult): void {
  for (const authorizer of linker.ofType(AUTHORIZER)) {
    const body = authorizer.body;
    const type = readAttr<AuthorizerType>(body, 'type', oneOf(REST_AUTHORIZER_TYPES), { value: 'lambda', source: authorizer.source });
    const attrs: AuthorizerAttrs = {
      type,
      issuer: authorizerIssuer(type, body, authorizer.source),
      // Neither Lambda nor Cognito authorizers of REST APIs check a token audience.
      audience: byDefault([], authorizer.source),
      identitySource: readAttr(body, 'identity_source', asString, { value: 'method.request.header.Authorization', source: authorizer.source }),
    };
    const node = terraformNode(linker, authorizer, 'api.authorizer', attrs);
    result.nodes.push(node);
    for (const api of linker.ids(attribute(body, 'rest_api_id'), [REST_API])) result.edges.push(edge(api, 'api-has-authorizer', node.id));
  }
}

/** Cognito authorizers accept tokens of the user pools in `provider_arns`; Lambda authorizers check what their code checks. */
function authorizerIssuer(type: Attr<AuthorizerType>, body: TfBody, fallback: FileSource): Attr<string | null> {
  if (type.state === 'unknown') return type;
  if (type.value !== 'cognito') return byDefault(null, fallback);
  return readAttr(body, 'provider_arns', (v) => asStringList(v)?.join(','), { value: null, source: fallback });
}

function restStages(linker: Linker): RestStage[] {
  const stages: RestStage[] = linker.ofType(STAGE).map((stage) => ({
    id: linker.nodeId(stage.address),
    resource: stage,
    api: linker.identity(attribute(stage.body, 'rest_api_id'), [REST_API]),
    stageName: knownString(stage.body, 'stage_name'),
  }));
  for (const deployment of linker.ofType(DEPLOYMENT)) {
    if (!attribute(deployment.body, 'stage_name')) continue;
    stages.push({
      id: linker.nodeId(deployment.address, INLINE_STAGE_SUFFIX),
      resource: deployment,
      api: linker.identity(attribute(deployment.body, 'rest_api_id'), [REST_API]),
      stageName: knownString(deployment.body, 'stage_name'),
    });
  }
  return stages;
}

/** The sub-node id a reference to a stage or deployment resolves to. */
export function stageSuffix(resource: TfResource): string {
  return resource.type === DEPLOYMENT ? INLINE_STAGE_SUFFIX : '';
}

/**
 * The stages a `stage_name` argument names: by reference to the stage (or a deployment's inline stage),
 * else by the same API and stage name.
 */
function stagesNamed(linker: Linker, stages: RestStages, stageName: ReturnType<typeof attribute>, api: string | undefined): readonly RestStage[] {
  const byRef = new Set(linker.targets(stageName, [STAGE, DEPLOYMENT]).map((r) => linker.nodeId(r.address, stageSuffix(r))));
  if (byRef.size > 0) {
    const found: { stage: RestStage; position: number }[] = [];
    for (const id of byRef) {
      const known = stages.byId.get(id);
      if (known) found.push(known);
    }
    return found.sort((a, b) => a.position - b.position).map((f) => f.stage);
  }
  const name = stageName && typeof stageName.value === 'string' ? stageName.value : undefined;
  return stages.byApiAndName.get(compositeKey(api, name) ?? '') ?? [];
}

/** The stages, and the same stages by id and by API and stage name (for the method settings that name them). */
interface RestStages {
  readonly all: readonly RestStage[];
  readonly byId: ReadonlyMap<string, { readonly stage: RestStage; readonly position: number }>;
  readonly byApiAndName: ReadonlyMap<string, readonly RestStage[]>;
}

function indexStages(all: readonly RestStage[]): RestStages {
  return {
    all,
    byId: new Map(all.map((stage, position) => [stage.id, { stage, position }])),
    byApiAndName: groupBy(all, (s) => compositeKey(s.api, s.stageName)),
  };
}

/** Method settings for all methods of a stage, per method (`path/METHOD`), and the per-method overrides of each stage. */
function methodSettings(linker: Linker, stages: RestStages, methods: Methods) {
  const byStage = new Map<string, TfBody>();
  const byMethod = new Map<string, TfBody>();
  const overridesByStage = new Map<string, TfBody[]>();
  /** Per stage, the per-method settings by the method they name. */
  const byStageAndMethod = new Map<string, Map<string, TfBody>>();
  const stageless: TfResource[] = [];
  for (const ms of linker.ofType(METHOD_SETTINGS)) {
    const body = ms.body;
    const written = firstBlock(body, 'settings');
    if (!written) continue;
    const api = linker.identity(attribute(body, 'rest_api_id'), [REST_API]);
    const targets = stagesNamed(linker, stages, attribute(body, 'stage_name'), api);
    // Switched on by a count of its own that is not known (`count = var.detailed_logs ? 1 : 0`): may not apply.
    const settings = existsWith(ms, () => targets.map((stage) => stage.resource)) ? written : uncertainBody(written, mayNotExist(ms));
    if (targets.length === 0) stageless.push(ms);
    const methodPath = attribute(body, 'method_path');
    const path = knownString(body, 'method_path');
    if (path === '*/*') {
      for (const stage of targets) if (!byStage.has(stage.id)) byStage.set(stage.id, settings);
      continue;
    }
    for (const stage of targets) overridesByStage.set(stage.id, [...(overridesByStage.get(stage.id) ?? []), settings]);
    // A per-method override: named by reference to the method (method_path built from its path), else by its text.
    const referenced = linker.ids(methodPath, [METHOD]);
    const matched = referenced.length > 0 ? referenced : path === undefined ? [] : methodsAt(methods, api, path);
    for (const id of matched) if (!byMethod.has(id)) byMethod.set(id, settings);
    for (const stage of targets) {
      let named = byStageAndMethod.get(stage.id);
      if (!named) {
        named = new Map<string, TfBody>();
        byStageAndMethod.set(stage.id, named);
      }
      for (const id of matched) if (!named.has(id)) named.set(id, settings);
    }
  }
  return { byStage, byMethod, overridesByStage, byStageAndMethod, stageless };
}

/** Method settings whose stage is declared elsewhere (another module or root) are said, never dropped silently. */
function stagelessNotice(ms: TfResource): Diagnostic {
  const stage = knownString(ms.body, 'stage_name');
  return {
    severity: 'notice',
    message: `${ms.address} configures stage ${stage === undefined ? '(not known statically)' : `"${stage}"`}, which is not in this scan: its logging, data trace, cache and throttling settings are not checked`,
    file: ms.source.file,
    ...(ms.source.line !== undefined && { line: ms.source.line }),
    provider: 'terraform',
  };
}

/** `users/{id}/GET` → the methods of that API at `/users/{id}` with verb GET (`~1` is an escaped `/`). */
function methodsAt(methods: Methods, api: string | undefined, methodPath: string): string[] {
  const at = methodPath.lastIndexOf('/');
  if (at === -1) return [];
  const verb = methodPath.slice(at + 1).toUpperCase();
  const path = `/${methodPath.slice(0, at).replaceAll('~1', '/').replace(/^\/+/, '')}`;
  return (methods.byVerbAndPath.get(compositeKey(verb, path) ?? '') ?? []).filter((m) => api === undefined || m.api === api).map((m) => m.id);
}

function settingsThrottle(settings: TfBody): Attr<Throttle | null> {
  return combineThrottle(
    readAttr(settings, 'throttling_rate_limit', asNumber, { value: -1, source: settings.source }),
    readAttr(settings, 'throttling_burst_limit', asNumber, { value: -1, source: settings.source }),
    settings.source,
  );
}

/** A method override's cache settings when it writes `cache_data_encrypted` (caching on unless it turns it off). */
function cacheOverride(override: TfBody): CacheOverride | undefined {
  const encrypted = attribute(override, 'cache_data_encrypted');
  if (!encrypted) return undefined;
  return { caching: readAttr(override, 'caching_enabled', asBool, { value: true, source: override.source }), encrypted: convertAttribute(encrypted, asBool) };
}

/** The method settings of each stage: stage-wide, per-method overrides, and the overrides by the method they name. */
interface StageSettings {
  readonly byStage: ReadonlyMap<string, TfBody>;
  readonly overridesByStage: ReadonlyMap<string, readonly TfBody[]>;
  readonly byStageAndMethod: ReadonlyMap<string, ReadonlyMap<string, TfBody>>;
}

function methodsByApi(methods: Methods): ReadonlyMap<string, readonly MethodInfo[]> {
  return groupBy(methods.all, (m) => m.api);
}

/** Each route's logging level on the stage: its own setting's when that writes one, else the stage-wide level. */
function routeLogging(stageWide: Attr<LogLevel>, routes: readonly MethodInfo[], named: ReadonlyMap<string, TfBody> | undefined): Attr<LogLevel>[] {
  return routes.map((route) => {
    const own = named?.get(route.id);
    return own && attribute(own, 'logging_level') ? readAttr(own, 'logging_level', oneOf(LOG_LEVELS)) : stageWide;
  });
}

function adaptStages(linker: Linker, stages: readonly RestStage[], stageSettings: StageSettings, methodsOfApi: ReadonlyMap<string, readonly MethodInfo[]>, result: AdaptResult): void {
  for (const stage of stages) {
    const { resource } = stage;
    const body = resource.body;
    const isInline = resource.type === DEPLOYMENT;
    const settings = stageSettings.byStage.get(stage.id);
    const overrides = stageSettings.overridesByStage.get(stage.id) ?? [];
    // Without method settings, execution logging is off, data trace off, no stage throttle, cache unencrypted:
    // https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_method_settings#settings
    const at = settings?.source ?? resource.source;
    const stageWide: Attr<LogLevel> = settings ? readAttr(settings, 'logging_level', oneOf(LOG_LEVELS), { value: 'off', source: at }) : byDefault('off', at);
    const attrs: StageAttrs = {
      stageName: readAttr(body, 'stage_name', asString),
      accessLogging: isInline ? byDefault(false, resource.source) : accessLogSettings(body, resource.source),
      executionLogging: loggingByRoute(
        stageWide,
        routeLogging(stageWide, stage.api === undefined ? [] : methodsOfApi.get(stage.api) ?? [], stageSettings.byStageAndMethod.get(stage.id)),
      ),
      dataTrace: turnedOnByOverride(
        settings ? readAttr(settings, 'data_trace_enabled', asBool, { value: false, source: at }) : byDefault(false, at),
        overrides.map((override) => readAttr(override, 'data_trace_enabled', asBool, { value: false, source: override.source })),
      ),
      tracing: isInline ? byDefault(false, resource.source) : readAttr(body, 'xray_tracing_enabled', asBool, { value: false, source: resource.source }),
      cacheEnabled: isInline ? byDefault(false, resource.source) : readAttr(body, 'cache_cluster_enabled', asBool, { value: false, source: resource.source }),
      cacheEncrypted: unencryptedByOverride(
        settings ? readAttr(settings, 'cache_data_encrypted', asBool, { value: false, source: at }) : byDefault(false, at),
        overrides.flatMap((override) => cacheOverride(override) ?? []),
      ),
      throttling: settings ? settingsThrottle(settings) : byDefault(null, at),
      // API Gateway stages have no quota of their own; usage plans carry quotas.
      quota: byDefault(null, resource.source),
      clientCertificate: isInline ? byDefault(false, resource.source) : present(body, 'client_certificate_id', resource.source),
      apiFlavor: 'rest',
    };
    const node = terraformNode(linker, resource, 'api.stage', attrs, { suffix: isInline ? INLINE_STAGE_SUFFIX : '' });
    result.nodes.push(node);
    for (const api of linker.idsOrKnownId(attribute(body, 'rest_api_id'), [REST_API])) result.edges.push(edge(api, 'api-has-stage', node.id));
  }
}

/**
 * `access_log_settings { destination_arn = ... }` written with a destination: a block whose `destination_arn` is
 * null or missing (Terraform rejects the latter) sends the logs nowhere.
 */
export function accessLogSettings(body: TfBody, fallback: FileSource): Attr<boolean> {
  const blocks = readBlocks(body, 'access_log_settings');
  if (blocks.state === 'unknown') return unknown(blocks.expr, blocks.source);
  const block = blocks.blocks[0];
  if (!block) return byDefault(false, fallback);
  const destination = attribute(block, 'destination_arn');
  return destination && destination.value !== null ? set(true, block.source) : set(false, destination?.source ?? block.source);
}

/** An argument that is written at all (its value, e.g. a certificate id, is often known only after apply). */
export function present(body: TfBody, name: string, fallback: FileSource): Attr<boolean> {
  const found = attribute(body, name);
  return found ? set(true, found.source) : byDefault(false, fallback);
}

