import { byDefault, set, unknown, type Attr } from '../../../src/graph/attr';
import type {
  ApiAttrs, AuthorizerAttrs, Authorization, CorsConfig, LogLevel, OperationAttrs, PolicyOverride, Quota, RequestValidation, StageAttrs, Throttle,
} from '../../../src/graph/kinds';
import { fileSource, type FileSource, type SourceRef } from '../../../src/graph/source';
import { includedFragment } from '../../apim-policy/policy-fragments';
import { findPolicies, unknownPolicies, type EffectiveSection, type FoundPolicy, type UnknownPolicies } from '../../apim-policy/effective-policy';
import { backendService, cors, ipFilter, quota, rateLimit, tokenLimit, tokenValidation, TOKEN_LIMIT_POLICIES, validationKind, type Known, type NamedValueResolver } from '../../apim-policy/policy-facts';
import { policyCodeAuthorization } from '../../apim-policy/policy-authorization';
import type { PolicyElement, SectionName } from '../../apim-policy/policy-document';
import type { TfBody, TfResource } from '../model';
import { APIM_STAGE_SUFFIX, azureNode, serviceEndpointType } from './azurerm-api-management';
import { xmlFile } from './azurerm-apim-policy-xml';
import { API, API_DIAGNOSTIC, SERVICE_DIAGNOSTIC, type ApimEstate, type ApimScope, type ScopeOrigin } from './azurerm-apim-estate';
import { adaptApimBackends, backendNamed, policyBackendAttrs, SERVICE_URL_SUFFIX } from './azurerm-apim-backends';
import { apimOperations, type ApimOperation } from './azurerm-apim-operations';
import { asBool, asNumber, attribute, firstBlock, knownString, oneOf, readAttr, readBlocks } from './read-attr';
import { edge, emptyResult, type AdaptResult } from './terraform-node';

type Effective = EffectiveSection<ScopeOrigin>;
type Found = FoundPolicy<ScopeOrigin>;

const TOKEN_POLICIES = ['validate-jwt', 'validate-azure-ad-token'];

/**
 * APIM APIs: the `api` node, one `api.stage` (the API on the service gateway), its operations with the
 * authorization their effective policy gives, the token validators as `api.authorizer`, and the backends they call.
 */
export function adaptApimApis(estate: ApimEstate): AdaptResult {
  const result = emptyResult();
  const apis = estate.linker.ofType(API);
  const backends = adaptApimBackends(estate, apis);
  result.nodes.push(...backends.nodes);
  const authorizers = new Set<string>();
  for (const api of apis) adaptApi(estate, api, result, authorizers);
  return result;
}

function adaptApi(estate: ApimEstate, api: TfResource, result: AdaptResult, authorizers: Set<string>): void {
  const service = estate.serviceOf(api);
  const resolve = estate.namedValues(service);
  const body = api.body;
  const endpointType = serviceEndpointType(service);
  // subscription_required defaults to true: https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/api_management_api#subscription_required
  const subscriptionRequired = readAttr(body, 'subscription_required', asBool, { value: true, source: api.source });
  const apiWide = [estate.serviceScope(service, api), estate.apiScope(api)];
  const apiInbound = estate.effective(apiWide, 'inbound');
  const operations = apimOperations(estate, api);
  // The request paths into each operation (through each product and without), with their inbound policy.
  const required = subscriptionRequired.state === 'unknown' ? 'unknown' : subscriptionRequired.value;
  const inboundOf = (scope: ApimScope | undefined) => estate.chains(api, scope, required).map((chain) => ({ chain, effective: estate.effective(chain, 'inbound') }));
  const operationPaths = operations.map((operation) => inboundOf(operation.scope));
  const everyPath = (operations.length > 0 ? operationPaths.flat() : inboundOf(undefined)).map((path) => path.effective);
  const apiId = estate.linker.nodeId(api.address);
  const stageId = estate.linker.nodeId(api.address, APIM_STAGE_SUFFIX);

  const attrs: ApiAttrs = {
    flavor: 'apim',
    endpointType,
    // The <name>.azure-api.net gateway answers unless the service is reachable only inside its network.
    defaultEndpointEnabled: endpointType.state === 'unknown' ? endpointType : { ...endpointType, value: endpointType.value !== 'internal' && endpointType.value !== 'private' },
    // APIM has no IAM-style resource policy; access rules live in the policy XML.
    resourcePolicy: byDefault(null, api.source),
    hasSpec: hasImport(body, api.source),
    cors: corsOf(apiInbound, resolve, api.source),
    allowedSourceRanges: allowedSourcesOf(everyPath, resolve, api.source),
    policyOverrides: overridesOf(estate, api, operations, subscriptionRequired),
    keyRequired: subscriptionRequired,
  };
  result.nodes.push(azureNode(estate.linker, api, 'api', attrs));
  result.nodes.push(azureNode(estate.linker, api, 'api.stage', stageAttrs(estate, api, apiInbound, resolve), APIM_STAGE_SUFFIX));
  result.edges.push(edge(apiId, 'api-has-stage', stageId));

  const serviceUrl = attribute(body, 'service_url') ? estate.linker.nodeId(api.address, SERVICE_URL_SUFFIX) : undefined;
  for (const [index, operation] of operations.entries()) {
    const id = estate.linker.nodeId(operation.resource.address, operation.suffix);
    const at = operation.resource.source;
    const inbound = operationPaths[index] ?? [];
    const chains = inbound.map((path) => path.chain);
    const auth = authorizationOf(estate, api, inbound, subscriptionRequired);
    const opAttrs: OperationAttrs = {
      method: operation.method,
      path: operation.path,
      authorization: auth.authorization,
      apiKeyRequired: keyOnEveryPath(estate, chains, subscriptionRequired),
      requestValidation: validationOf(inbound.map((i) => i.effective), at),
      throttling: throttleOf(onlyLevel(inbound[0]?.effective, 'operation'), resolve, at),
      ...(operation.requiredParameters && { requiredParameters: operation.requiredParameters }),
    };
    const node = azureNode(estate.linker, operation.resource, 'api.operation', opAttrs, operation.suffix);
    result.nodes.push(operation.label === undefined ? node : { ...node, name: operation.label });
    result.edges.push(edge(apiId, 'api-has-operation', id));

    for (const token of auth.tokens) {
      const authorizer = authorizerNode(estate, token, resolve);
      if (!authorizer) continue;
      if (!authorizers.has(authorizer.id)) {
        authorizers.add(authorizer.id);
        result.nodes.push(authorizer);
      }
      result.edges.push(edge(apiId, 'api-has-authorizer', authorizer.id), edge(id, 'operation-uses-authorizer', authorizer.id));
    }
    for (const backend of backendsOf(estate, service, inbound.map((i) => i.effective), resolve, serviceUrl, result)) {
      result.edges.push(edge(id, 'operation-calls-backend', backend));
    }
  }
}

/** `import { content_format, content_value }` describes the API with a spec (OpenAPI, WSDL, WADL...). */
function hasImport(body: TfBody, fallback: FileSource): Attr<boolean> {
  const block = firstBlock(body, 'import');
  return block ? set(true, block.source) : byDefault(false, fallback);
}

interface AuthResult {
  readonly authorization: Attr<Authorization>;
  readonly tokens: readonly Found[];
}

/**
 * The weakest authorization over every request path: a token validation that always runs gives `jwt`, a client
 * certificate check `mtls`; a call to an authorization service whose answer rejects callers under a condition is
 * unknown; else a required subscription key identifies the caller; else nothing does.
 * `check-header name="Authorization"` only compares the header with fixed values and counts for nothing, and
 * `authentication-managed-identity` authenticates the gateway to its backend, not the caller.
 */
function authorizationOf(estate: ApimEstate, api: TfResource, paths: readonly { chain: readonly ApimScope[]; effective: Effective }[], subscriptionRequired: Attr<boolean>): AuthResult {
  const tokens: Found[] = [];
  const results: Attr<Authorization>[] = [];
  for (const { chain, effective } of paths) {
    const found = findPolicies(effective, TOKEN_POLICIES);
    tokens.push(...found);
    const at = policySource(chain, api.source);
    const always = found.find((f) => !f.conditional);
    if (always) {
      results.push(set('jwt', elementSource(always, at)));
      continue;
    }
    if (findPolicies(effective, ['validate-client-certificate']).some((f) => !f.conditional)) {
      results.push(set('mtls', at));
      continue;
    }
    const hidden = unknownPolicies(effective)[0];
    if (hidden) {
      results.push(unknownFrom(hidden, at));
      continue;
    }
    const conditional = found[0];
    if (conditional) {
      results.push(unknown(`${conditional.element.name} runs only under a <choose> condition`, elementSource(conditional, at)));
      continue;
    }
    const code = policyCodeAuthorization(effective);
    if (code) {
      const reason = `send-request, then return-response ${code.status} under a <choose> condition: authorization written as policy code cannot be verified statically`;
      results.push(unknown(reason, elementSource(code.reject, at)));
      continue;
    }
    const required = keyRequired(estate, chain, subscriptionRequired);
    if (required.state === 'unknown') results.push(required);
    else results.push({ ...required, value: required.value ? 'subscription-key' : 'none' });
  }
  return { authorization: weakest(results, api.source), tokens };
}

/** Whether every request path into the operation needs a subscription key: not when an open product takes calls without one. */
function keyOnEveryPath(estate: ApimEstate, chains: readonly (readonly ApimScope[])[], apiRequired: Attr<boolean>): Attr<boolean> {
  const paths = chains.map((chain) => keyRequired(estate, chain, apiRequired));
  return paths.find((p) => p.state !== 'unknown' && !p.value) ?? paths.find((p) => p.state === 'unknown') ?? apiRequired;
}

/** A subscription key is needed when the API requires one and, on a product path, the product does too (default true). */
function keyRequired(estate: ApimEstate, chain: readonly ApimScope[], apiRequired: Attr<boolean>): Attr<boolean> {
  if (apiRequired.state === 'unknown' || !apiRequired.value) return apiRequired;
  const product = chain.find((s) => s.level === 'product');
  const productResource = product && estate.linker.ofType('azurerm_api_management_product').find((p) => (knownString(p.body, 'product_id') ?? '') === product.name);
  if (!productResource) return apiRequired;
  const productRequired = readAttr(productResource.body, 'subscription_required', asBool, { value: true, source: productResource.source });
  return productRequired.state === 'unknown' || !productRequired.value ? productRequired : apiRequired;
}

const STRENGTH: Readonly<Record<Authorization, number>> = {
  'none': 0, 'api-key-only': 1, 'subscription-key': 1, 'iam': 2, 'jwt': 2, 'cognito': 2, 'lambda': 2, 'oauth': 2, 'mtls': 2, 'basic': 2, 'external': 2,
};

function weakest(results: readonly Attr<Authorization>[], fallback: FileSource): Attr<Authorization> {
  let worst: Attr<Authorization> | undefined;
  let open: Attr<Authorization> | undefined;
  for (const r of results) {
    if (r.state === 'unknown') open ??= r;
    else if (!worst || worst.state === 'unknown' || STRENGTH[r.value] < STRENGTH[worst.value]) worst = r;
  }
  if (worst && worst.state !== 'unknown' && worst.value === 'none') return worst;
  return open ?? worst ?? unknown('no request path into the API', fallback);
}

function authorizerNode(estate: ApimEstate, token: Found, resolve: NamedValueResolver) {
  const resource = token.scope.origin?.resource;
  const facts = tokenValidation(token.element, resolve);
  if (!resource || !facts) return undefined;
  const at = elementSource(token, resource.source);
  const attrs: AuthorizerAttrs = {
    type: set('jwt', at),
    issuer: fromKnown(facts.issuers, at, (issuers) => (issuers.length === 0 ? null : issuers.join(', '))),
    audience: fromKnown(facts.audiences, at, (audiences) => audiences),
    identitySource: set(facts.identitySource, at),
  };
  return azureNode(estate.linker, resource, 'api.authorizer', attrs, `#${elementKey(token)}`);
}

function fromKnown<T, U>(value: Known<T>, at: FileSource, map: (v: T) => U): Attr<U> {
  return value.state === 'unknown' ? unknown(value.expr, at) : set(map(value.value), at);
}

/** `validate-content` (body) and `validate-parameters` (parameters) that run on every path. */
function validationOf(paths: readonly Effective[], fallback: FileSource): Attr<RequestValidation> {
  let level: RequestValidation | undefined;
  for (const effective of paths) {
    const kinds = new Set(findPolicies(effective, ['validate-content', 'validate-parameters', 'validate-headers']).filter((f) => !f.conditional).map((f) => validationKind(f.element)));
    const here: RequestValidation = kinds.has('body') ? (kinds.has('params') ? 'full' : 'body') : kinds.has('params') ? 'params' : 'none';
    const hidden = unknownPolicies(effective)[0];
    if (here === 'none' && hidden) return unknownFrom(hidden, fallback);
    level = level === undefined || rank(here) < rank(level) ? here : level;
  }
  return level === undefined || level === 'none' ? byDefault('none', fallback) : set(level, fallback);
}

function rank(v: RequestValidation): number {
  return v === 'none' ? 0 : v === 'full' ? 2 : 1;
}

/** The part of an effective section contributed by one scope level. */
function onlyLevel(effective: Effective | undefined, level: ApimScope['level']): Effective | undefined {
  if (!effective) return undefined;
  return { ...effective, entries: effective.entries.filter((e) => e.scope.level === level) };
}

/**
 * The rate limit of the policies that always run: `rate-limit` / `rate-limit-by-key` as requests per second (calls
 * per renewal period), or a token limit's `tokens-per-minute` (an AI gateway's rate limit).
 */
export function throttleOf(effective: Effective | undefined, resolve: NamedValueResolver, fallback: FileSource): Attr<Throttle | null> {
  return firstLimit(effective, THROTTLE_POLICIES, fallback, (element): Known<Throttle> | undefined => {
    const calls = rateLimit(element, resolve);
    if (calls) {
      if (calls.calls.state === 'unknown') return calls.calls;
      if (calls.renewalPeriod.state === 'unknown') return calls.renewalPeriod;
      return known({ rateLimit: calls.renewalPeriod.value > 0 ? calls.calls.value / calls.renewalPeriod.value : calls.calls.value });
    }
    const tokens = tokenLimit(element, resolve)?.tokensPerMinute;
    return tokens?.state === 'known' ? known({ tokensPerMinute: tokens.value }) : tokens;
  });
}

const THROTTLE_POLICIES: readonly string[] = ['rate-limit', 'rate-limit-by-key', ...TOKEN_LIMIT_POLICIES];

/** The quota of the policies that always run: `quota` / `quota-by-key`, or a token limit's `token-quota` per period. */
export function quotaOf(effective: Effective | undefined, resolve: NamedValueResolver, fallback: FileSource): Attr<Quota | null> {
  return firstLimit(effective, QUOTA_POLICIES, fallback, (element): Known<Quota> | undefined => {
    const calls = quota(element, resolve);
    if (calls) {
      if (calls.limit.state === 'unknown') return calls.limit;
      if (calls.renewalPeriod.state === 'unknown') return calls.renewalPeriod;
      return known({ limit: calls.limit.value, period: periodName(calls.renewalPeriod.value) + (calls.unit === 'kilobytes' ? ' (kilobytes)' : '') });
    }
    const tokens = tokenLimit(element, resolve)?.quota;
    if (!tokens) return undefined;
    if (tokens.limit.state === 'unknown') return tokens.limit;
    if (tokens.period.state === 'unknown') return tokens.period;
    return known({ limit: tokens.limit.value, period: `${TOKEN_QUOTA_PERIODS[tokens.period.value.toLowerCase()] ?? tokens.period.value} (tokens)` });
  });
}

const QUOTA_POLICIES: readonly string[] = ['quota', 'quota-by-key', ...TOKEN_LIMIT_POLICIES];
const TOKEN_QUOTA_PERIODS: Readonly<Record<string, string>> = { hourly: 'HOUR', daily: 'DAY', weekly: 'WEEK', monthly: 'MONTH', yearly: 'YEAR' };

/**
 * The limit the first of the always-running policies among `names` that `read` knows sets (pointed at that policy);
 * else the first whose limit is not known; else none, unless policies on the path are not known. `read` gives
 * `undefined` for a policy that sets no such limit (a token limit with a quota only, for a rate).
 */
function firstLimit<T>(effective: Effective | undefined, names: readonly string[], fallback: FileSource, read: (element: PolicyElement) => Known<T> | undefined): Attr<T | null> {
  if (!effective) return byDefault(null, fallback);
  let open: Attr<T> | undefined;
  for (const found of findPolicies(effective, names)) {
    if (found.conditional) continue;
    const limit = read(found.element);
    if (!limit) continue;
    const at = elementSource(found, fallback);
    if (limit.state === 'known') return set(limit.value, at);
    open ??= unknown(limit.expr, at);
  }
  return open ?? unknownOrNone(effective, fallback);
}

function known<T>(value: T): Known<T> {
  return { state: 'known', value };
}

/** Not set: unless policies on the path are not known, which may set it. */
function unknownOrNone<T>(effective: Effective, fallback: FileSource): Attr<T | null> {
  const hidden = unknownPolicies(effective)[0];
  return hidden ? unknownFrom(hidden, fallback) : byDefault(null, fallback);
}

/** Not known because of policies that are not known: at the `<include-fragment>` that brings them, when one does. */
function unknownFrom<T>(hidden: UnknownPolicies<ScopeOrigin>, fallback: FileSource): Attr<T> {
  const at = hidden.include ? elementSource({ element: hidden.include, scope: hidden.scope, conditional: false }, fallback) : fallback;
  return unknown(hidden.reason, at);
}

function periodName(seconds: number): string {
  if (seconds === 86_400) return 'DAY';
  if (seconds === 604_800) return 'WEEK';
  if (seconds === 2_592_000) return 'MONTH';
  return `${seconds} SECONDS`;
}

/**
 * The addresses an `ip-filter action="allow"` lets in when one always runs on every request path (a product or
 * operation policy without `<base />` drops the API's); `null` when any path runs none (`forbid` lists block some
 * addresses and let the rest in). Policies that are not known may hold one, but are not taken to: the API stays as
 * exposed as it looks.
 */
function allowedSourcesOf(paths: readonly Effective[], resolve: NamedValueResolver, fallback: FileSource): Attr<readonly string[] | null> {
  const allowed = new Set<string>();
  let at: SourceRef | undefined;
  for (const effective of paths) {
    const filter = allowListOf(effective, resolve, fallback);
    if (!filter || filter.state !== 'set') return filter ?? byDefault(null, fallback);
    for (const address of filter.value) allowed.add(address);
    at ??= filter.source;
  }
  return allowed.size > 0 ? set([...allowed], at ?? fallback) : byDefault(null, fallback);
}

/** The first always-running `ip-filter action="allow"` of a path and its addresses; undefined when it runs none. */
function allowListOf(effective: Effective, resolve: NamedValueResolver, fallback: FileSource): Attr<readonly string[]> | undefined {
  for (const found of findPolicies(effective, ['ip-filter'])) {
    const filter = found.conditional ? undefined : ipFilter(found.element, resolve);
    if (!filter) continue;
    const at = elementSource(found, fallback);
    if (filter.action.state === 'unknown') return unknown(filter.action.expr, at);
    if (filter.action.value === 'allow') return set(filter.addresses, at);
  }
  return undefined;
}

function corsOf(effective: Effective, resolve: NamedValueResolver, fallback: FileSource): Attr<CorsConfig | null> {
  const found = findPolicies(effective, ['cors'])[0];
  const facts = found && cors(found.element, resolve);
  if (!found || !facts) return unknownOrNone(effective, fallback);
  const at = elementSource(found, fallback);
  if (facts.allowOrigins.state === 'unknown') return unknown(facts.allowOrigins.expr, at);
  if (facts.allowCredentials.state === 'unknown') return unknown(facts.allowCredentials.expr, at);
  return set({ allowOrigins: facts.allowOrigins.value, allowCredentials: facts.allowCredentials.value }, at);
}

function stageAttrs(estate: ApimEstate, api: TfResource, inbound: Effective, resolve: NamedValueResolver): StageAttrs {
  const at = api.source;
  const logging = diagnosticsOf(estate, api);
  const cached = findPolicies(inbound, ['cache-lookup', 'cache-lookup-value']).some((f) => !f.conditional);
  return {
    stageName: byDefault('gateway', at),
    ...logging,
    cacheEnabled: cached ? set(true, at) : byDefault(false, at),
    // The built-in cache's encryption at rest is not documented; an external Redis cache is configured elsewhere.
    cacheEncrypted: cached ? unknown('APIM does not document how its built-in response cache is stored', at) : byDefault(false, at),
    throttling: throttleOf(withoutLevel(inbound, 'product'), resolve, at),
    quota: quotaOf(withoutLevel(inbound, 'product'), resolve, at),
    clientCertificate: findPolicies(inbound, ['authentication-certificate']).some((f) => !f.conditional) ? set(true, at) : byDefault(false, at),
  };
}

function withoutLevel(effective: Effective, level: ApimScope['level']): Effective {
  return { ...effective, entries: effective.entries.filter((e) => e.scope.level !== level) };
}

const VERBOSITY: Readonly<Record<string, LogLevel>> = { VERBOSE: 'info', INFORMATION: 'info', ERROR: 'error' };

/**
 * Request logs come from an API diagnostic, else a service-wide one; without either, APIM logs nothing:
 * https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/api_management_api_diagnostic
 * Application Insights diagnostics also correlate requests across services (tracing). Bodies are logged when any
 * `*_request` / `*_response` block sets `body_bytes` above 0.
 */
function diagnosticsOf(estate: ApimEstate, api: TfResource): Pick<StageAttrs, 'accessLogging' | 'executionLogging' | 'dataTrace' | 'tracing'> {
  const service = estate.serviceOf(api);
  const diagnostic = estate.linker.ofType(API_DIAGNOSTIC).find((d) => estate.apisOf(d).includes(api))
    ?? estate.linker.ofType(SERVICE_DIAGNOSTIC).find((d) => service !== undefined && estate.serviceOf(d) === service);
  const at = api.source;
  if (!diagnostic && service === undefined) {
    // A service-wide diagnostic, where the service is managed, may log the API's requests.
    const outside = unknown('the API Management service is not in the scanned code: a service-wide diagnostic there may log requests', at);
    return { accessLogging: outside, executionLogging: outside, dataTrace: outside, tracing: outside };
  }
  if (!diagnostic) return { accessLogging: byDefault(false, at), executionLogging: byDefault('off', at), dataTrace: byDefault(false, at), tracing: byDefault(false, at) };
  const body = diagnostic.body;
  const identifier = knownString(body, 'identifier')?.toLowerCase();
  const correlation = knownString(body, 'http_correlation_protocol');
  return {
    accessLogging: set(true, diagnostic.source),
    executionLogging: readAttr(body, 'verbosity', oneOf(VERBOSITY)),
    dataTrace: logsBodies(body, diagnostic.source),
    tracing: identifier === 'applicationinsights' && correlation !== 'None' ? set(true, diagnostic.source) : byDefault(false, diagnostic.source),
  };
}

function logsBodies(body: TfBody, fallback: FileSource): Attr<boolean> {
  for (const name of ['frontend_request', 'frontend_response', 'backend_request', 'backend_response']) {
    const blocks = readBlocks(body, name);
    if (blocks.state === 'unknown') return unknown(blocks.expr, blocks.source);
    for (const block of blocks.blocks) {
      const bytes = readAttr(block, 'body_bytes', asNumber, { value: 0, source: block.source });
      if (bytes.state === 'unknown') return bytes;
      if (bytes.value > 0) return set(true, bytes.source ?? block.source);
    }
  }
  return byDefault(false, fallback);
}

/** Backends each path forwards to: a `set-backend-service` that always runs, else the API's `service_url`. */
function backendsOf(estate: ApimEstate, service: TfResource | undefined, paths: readonly Effective[], resolve: NamedValueResolver, serviceUrl: string | undefined, result: AdaptResult): string[] {
  const ids = new Set<string>();
  for (const effective of paths) {
    const found = findPolicies(effective, ['set-backend-service']);
    for (const f of found) {
      const target = backendService(f.element, resolve);
      const resource = f.scope.origin?.resource;
      if (!target || !resource) continue;
      if (target.kind === 'backend-id') {
        if (target.id.state === 'known') for (const id of backendNamed(estate, service, target.id.value)) ids.add(id);
        continue;
      }
      const at = elementSource(f, resource.source);
      const url: Attr<string> = target.url.state === 'unknown' ? unknown(target.url.expr, at) : set(target.url.value, at);
      const node = azureNode(estate.linker, resource, 'api.backend', policyBackendAttrs(service, url, at, estate.namedValueGap(service)), `#${elementKey(f)}`);
      if (!result.nodes.some((n) => n.id === node.id)) result.nodes.push(node);
      ids.add(node.id);
    }
    if (!found.some((f) => !f.conditional) && serviceUrl) ids.add(serviceUrl);
  }
  return [...ids];
}

/** What a dropped entry is, for messages: the policy, the fragment that is not known, or policies that are not. */
function droppedName(entry: Effective['entries'][number]): string {
  if (entry.kind === 'policy') return entry.element.name;
  return entry.include ? includedFragment(entry.include) : 'unknown policies';
}

/**
 * Inherited policies that the sections of a product holding the API, of the API or of its operations drop (no
 * `<base />`), over every request path. A product's drop is the API's too: the service-wide policies stop applying
 * to the calls made to it through that product.
 */
function overridesOf(estate: ApimEstate, api: TfResource, operations: readonly ApimOperation[], subscriptionRequired: Attr<boolean>): Attr<readonly PolicyOverride[]> {
  const required = subscriptionRequired.state === 'unknown' ? 'unknown' : subscriptionRequired.value;
  const chains = [...estate.chains(api, undefined, required), ...operations.flatMap((op) => (op.scope ? estate.chains(api, op.scope, required) : []))];
  const overrides = new Map<string, PolicyOverride>();
  // An override counts when it drops something seen; one that only drops a scope's policy that is not known (a service
  // outside the scan) may drop nothing: that policy may be empty.
  const seen = new Set<string>();
  const unseen = new Map<string, string>();
  for (const chain of chains) {
    for (const section of ['inbound', 'outbound'] as const satisfies readonly SectionName[]) {
      for (const drop of estate.effective(chain, section).dropped) {
        const resource = drop.scope.origin?.resource;
        const content = resource && attribute(resource.body, 'xml_content');
        const file = content ? xmlFile(content) : resource?.source.file ?? api.source.file;
        const key = `${drop.scope.level}:${drop.scope.name}:${section}`;
        const scope = `${drop.scope.level === 'api' ? 'API' : drop.scope.level} ${drop.scope.name}`;
        const dropped = drop.dropped.map((e) => `${droppedName(e)} (${e.scope.level} ${e.scope.name})`);
        const previous = overrides.get(key);
        overrides.set(key, {
          scope,
          section,
          dropped: [...new Set([...(previous?.dropped ?? []), ...dropped])],
          source: fileSource(file, drop.element.line, undefined, resource?.address ?? api.address),
        });
        const hidden = drop.dropped.every((e) => e.kind === 'unknown' && !e.include) ? unknownPolicies({ section, entries: drop.dropped, dropped: [] })[0] : undefined;
        if (!hidden) seen.add(key);
        else if (!unseen.has(key)) unseen.set(key, `the ${section} policy of ${scope} has no <base />, and what it drops is not known: ${hidden.reason}`);
      }
    }
  }
  const list = [...overrides].filter(([key]) => seen.has(key)).map(([, override]) => override);
  const maybe = [...unseen].find(([key]) => !seen.has(key));
  if (list.length === 0 && maybe) return unknown(maybe[1], overrides.get(maybe[0])?.source ?? api.source);
  const policyResource = estate.apiScope(api).origin?.resource;
  if (list.length === 0) {
    // A product, API or operation policy we cannot read may omit <base />: unknown when there is something to drop.
    for (const chain of chains) {
      const at = chain.findIndex((s) => s.level !== 'service' && s.policy.state === 'unknown');
      const hidden = chain[at];
      if (!hidden) continue;
      const inherited = estate.effective(chain.slice(0, at), 'inbound').entries.length + estate.effective(chain.slice(0, at), 'outbound').entries.length;
      if (inherited > 0) return unknown(`the ${hidden.level} policy of ${hidden.name} is not known statically`, hidden.origin?.resource.source ?? api.source);
    }
  }
  return list.length > 0 ? set(list, list[0]?.source) : byDefault(list, policyResource?.source ?? api.source);
}

/**
 * A policy element's node id suffix: `name@line`, and `name@line.n` for the n-th element of that name on that line.
 * A policy read through `file()` puts every element at the attribute's line; without `.n` the second
 * `set-backend-service` of a `<choose>` would be taken for the first and its backend lost.
 */
function elementKey(found: Found): string {
  const { element, scope } = found;
  const key = `${element.name}@${element.line}`;
  if (scope.policy.state !== 'known') return key;
  let seen = 0;
  let position = 0;
  const visit = (e: PolicyElement): void => {
    if (e.name === element.name && e.line === element.line) {
      seen += 1;
      if (e === element) position = seen;
    }
    e.children.forEach(visit);
  };
  for (const section of Object.values(scope.policy.document.sections)) visit(section);
  return position > 1 ? `${key}.${position}` : key;
}

/** Where a policy element is written: its line in the policy resource's file. */
function elementSource(found: Found | undefined, fallback: FileSource): FileSource {
  const resource = found?.scope.origin?.resource;
  if (!found || !resource) return fallback;
  // A policy from a fragment is written where the fragment is.
  const fragment = found.element.fragment;
  const content = attribute(resource.body, 'xml_content');
  const file = fragment?.file ?? (content ? xmlFile(content) : resource.source.file);
  return fileSource(file, found.element.line, undefined, fragment?.address ?? resource.address);
}

/** The innermost policy resource of a chain, for findings about the path as a whole. */
function policySource(chain: readonly ApimScope[], fallback: FileSource): FileSource {
  const withPolicy = [...chain].reverse().find((s) => s.origin);
  return withPolicy?.origin?.resource.source ?? fallback;
}

