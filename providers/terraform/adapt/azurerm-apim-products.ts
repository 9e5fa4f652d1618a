import { byDefault, known, set, unknown, type Attr } from '../../../src/graph/attr';
import type { ApiKeyAttrs, GraphNode, MethodThrottle } from '../../../src/graph/kinds';
import type { FileSource } from '../../../src/graph/source';
import { parseAddress } from './address';
import { withAttributes, withValue, type TfAttribute, type TfBody, type TfResource } from '../model';
import { APIM_STAGE_SUFFIX, azureNode } from './azurerm-api-management';
import { quotaOf, throttleOf } from './azurerm-apim-apis';
import { API, NAMED_VALUE, PRODUCT, SUBSCRIPTION, type ApimEstate, type ApimScope } from './azurerm-apim-estate';
import { apimOperations, type ApimOperation } from './azurerm-apim-operations';
import { asBool, asString, attribute, firstBlock, knownString, knownValue, literalString, readAttr, valueWrittenAt } from './read-attr';
import { literalKeyValue } from '../../literal-key-value';
import { existsWith, mayNotExist } from './existence';
import { edge, emptyResult, type AdaptResult } from './terraform-node';

/** Where a value read from another resource is kept: a secret store. */
const SECRET_STORE_TYPE = /^azurerm_key_vault_(secret|key|certificate)$/;

/** A name that says it holds a credential. */
const CREDENTIAL_NAME = /key|secret|passw|pwd|token|credential|connection.?string|conn.?str|\bsas\b|signature|bearer/i;
/** A value that looks like one: connection strings with keys, JWTs, long opaque strings. */
const CREDENTIAL_VALUE = /AccountKey=|SharedAccessKey=|Password=|[?&]sig=|^eyJ[\w-]+\.[\w-]+\.|^[A-Za-z0-9+/_=-]{32,}$/;

/** Products as usage plans, subscriptions and secret-holding named values as keys. */
export function adaptApimProducts(estate: ApimEstate): AdaptResult {
  const result = emptyResult();
  const { linker } = estate;
  for (const product of linker.ofType(PRODUCT)) {
    const resolve = estate.namedValues(estate.serviceOf(product));
    const own = estate.effective([estate.productScope(product)], 'inbound');
    const apis = estate.apisInProduct(product);
    const drops = apis.map((api) => productDrops(estate, product, api));
    const node = azureNode(linker, product, 'api.usage-plan', {
      throttling: throttleOf(own, resolve, product.source),
      methodThrottles: droppedRoutes(estate, drops, product.source),
      quota: quotaOf(own, resolve, product.source),
      // subscription_required defaults to true; an open product takes calls without a key:
      // https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/api_management_product#subscription_required
      keyRequired: readAttr(product.body, 'subscription_required', asBool, { value: true, source: product.source }),
      applies: existsWith(product, () => apis) ? byDefault(true, product.source) : unknown(mayNotExist(product), product.source),
    });
    result.nodes.push(node);
    for (const { api, byApi, operations } of drops) {
      const stage = linker.nodeId(api.address, APIM_STAGE_SUFFIX);
      // A policy without <base /> keeps the product's from running: for the whole API (its calls through the product
      // are limited by nothing the product sets), or for some operations (their calls are not capped by its quota).
      const dropped = byApi ? 'api' : operations.length > 0 ? 'operation' : undefined;
      const bypassed = dropped ? bypassedProduct(estate, product, api, node, dropped) : undefined;
      if (bypassed) result.nodes.push(bypassed);
      result.edges.push(edge((bypassed ?? node).id, 'usage-plan-covers', stage));
    }
  }
  for (const subscription of linker.ofType(SUBSCRIPTION)) {
    const body = subscription.body;
    const attrs: ApiKeyAttrs = {
      // Only an `active` subscription's keys are accepted; `state` defaults to `submitted` (awaiting approval):
      // https://learn.microsoft.com/en-us/dotnet/api/azure.resourcemanager.apimanagement.models.apimanagementsubscriptioncreateorupdatecontent.state
      enabled: readAttr(body, 'state', (v) => asString(v)?.toLowerCase() === 'active', { value: false, source: subscription.source }),
      ...valueSource([attribute(body, 'primary_key'), attribute(body, 'secondary_key')], subscription.source),
      createdAt: unknown('known only for a deployed subscription', subscription.source),
      scope: subscriptionScope(body, subscription.source),
    };
    const node = azureNode(linker, subscription, 'api.key', attrs, '', redact(body, ['primary_key', 'secondary_key']));
    result.nodes.push(node);
    const productless = productlessPlan(estate, subscription, attrs);
    if (productless) {
      result.nodes.push(productless.node);
      for (const stage of productless.covers) result.edges.push(edge(productless.node.id, 'usage-plan-covers', stage));
    }
    for (const product of estate.resolveNamed(attribute(body, 'product_id'), PRODUCT, 'product_id', estate.serviceOf(subscription))) {
      result.edges.push(edge(node.id, 'key-in-plan', linker.nodeId(product.address)));
    }
  }
  for (const namedValue of linker.ofType(NAMED_VALUE)) {
    const key = namedValueKey(namedValue);
    if (key) result.nodes.push(azureNode(linker, namedValue, 'api.key', key, '', redact(namedValue.body, ['value'])));
  }
  return result;
}

/**
 * A subscription scoped to one API or to all of them goes through no product: product policies (rate limits, quotas)
 * do not apply to the calls made with its keys. It is a usage plan of its own with no limits, covering what it opens;
 * only limits at the service, API or operation apply to it.
 * https://learn.microsoft.com/en-us/azure/api-management/api-management-subscriptions
 */
function productlessPlan(estate: ApimEstate, subscription: TfResource, key: ApiKeyAttrs): { node: GraphNode<'api.usage-plan'>; covers: string[] } | undefined {
  const { linker } = estate;
  const scope = key.scope;
  if (!scope || scope.state === 'unknown' || scope.value === 'product' || (key.enabled.state !== 'unknown' && !key.enabled.value)) return undefined;
  const service = estate.serviceOf(subscription);
  const apis = scope.value === 'api'
    ? estate.resolveNamed(attribute(subscription.body, 'api_id'), API, 'name', service)
    : linker.ofType(API).filter((api) => service !== undefined && estate.serviceOf(api) === service);
  const at = scope.source ?? subscription.source;
  const node = azureNode(linker, subscription, 'api.usage-plan', {
    throttling: byDefault(null, at),
    quota: byDefault(null, at),
    keyRequired: byDefault(true, at),
    applies: key.enabled.state === 'unknown' ? unknown(`whether subscription ${subscription.name} is active is not known statically (${key.enabled.expr ?? 'computed'})`, at)
      : existsWith(subscription, () => apis) ? byDefault(true, at) : unknown(mayNotExist(subscription), at),
  }, PRODUCTLESS_SUFFIX);
  return { node: { ...node, name: `subscription ${knownString(subscription.body, 'display_name') ?? subscription.name} (no product)` }, covers: apis.map((api) => linker.nodeId(api.address, APIM_STAGE_SUFFIX)) };
}

/** An API of a product, with where inbound policies without `<base />` keep the product's from running for it. */
interface ProductDrops {
  readonly api: TfResource;
  /** The API's own policy drops it, for every operation. */
  readonly byApi: boolean;
  /** Else, the operations whose policies drop it. */
  readonly operations: readonly ApimOperation[];
}

function productDrops(estate: ApimEstate, product: TfResource, api: TfResource): ProductDrops {
  const chain = [estate.serviceScope(estate.serviceOf(api), api), estate.productScope(product), estate.apiScope(api)];
  if (dropsProduct(estate, chain, 'api')) return { api, byApi: true, operations: [] };
  return { api, byApi: false, operations: apimOperations(estate, api).filter(({ scope }) => scope !== undefined && dropsProduct(estate, [...chain, scope], 'operation')) };
}

function dropsProduct(estate: ApimEstate, chain: readonly ApimScope[], level: 'api' | 'operation'): boolean {
  return estate.effective(chain, 'inbound').dropped.some((drop) => drop.scope.level === level && drop.dropped.some((e) => e.scope.level === 'product'));
}

/**
 * The routes whose operation policies drop the product's: as method throttles of none (`/path/METHOD`, the path as the
 * operation's `url_template` writes it). Not known when such an operation's method or path is not.
 */
function droppedRoutes(estate: ApimEstate, drops: readonly ProductDrops[], fallback: FileSource): Attr<readonly MethodThrottle[]> {
  const routes: MethodThrottle[] = [];
  for (const { api, operations } of drops) {
    const stage = estate.linker.nodeId(api.address, APIM_STAGE_SUFFIX);
    for (const operation of operations) {
      const method = known(operation.method);
      const path = known(operation.path);
      if (method === undefined || path === undefined) return unknown(`the method or path of operation ${operation.name}, whose policy drops the product's, is not known statically`, operation.resource.source);
      routes.push({ stage, method: `${path}/${method.toUpperCase()}`, throttle: null });
    }
  }
  return byDefault(routes, fallback);
}

/**
 * The product as it applies to an API whose policy drops the product's: a usage plan without limits for that API; or,
 * when some operations' policies drop it, one without a quota (their rate limits are method throttles of none).
 */
function bypassedProduct(estate: ApimEstate, product: TfResource, api: TfResource, plan: GraphNode<'api.usage-plan'>, by: 'api' | 'operation'): GraphNode<'api.usage-plan'> {
  const at = estate.apiScope(api).origin?.resource.source ?? api.source;
  const attrs = by === 'api' ? { ...plan.attrs, throttling: byDefault(null, at), quota: byDefault(null, at) } : { ...plan.attrs, quota: byDefault(null, at) };
  const node = azureNode(estate.linker, product, 'api.usage-plan', attrs, `#bypassed-by-${api.address}`);
  const apiName = knownString(api.body, 'name') ?? api.name;
  const where = by === 'api' ? `API ${apiName}: the API policy has no <base />` : `some operations of API ${apiName}: their policies have no <base />`;
  return { ...node, name: `${plan.name} (its policy does not run for ${where})` };
}

/** The node suffix of a subscription that goes through no product, as a usage plan. */
const PRODUCTLESS_SUFFIX = '#no-product';

/**
 * A subscription names a product or an API, or neither: then it opens every API of the service (all-access).
 * https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/api_management_subscription
 */
function subscriptionScope(body: TfBody, fallback: FileSource): NonNullable<ApiKeyAttrs['scope']> {
  const product = attribute(body, 'product_id');
  if (product) return set('product', product.source);
  const api = attribute(body, 'api_id');
  return api ? set('api', api.source) : byDefault('service', fallback);
}

/**
 * A named value is a key when it holds a secret: read from Key Vault (`value_from_key_vault`), or written in code
 * with `secret = true` or a name or value that looks like a credential. `secret = true` only hides the value in the
 * portal: written in code, it is still in version control.
 * https://learn.microsoft.com/en-us/azure/api-management/api-management-howto-properties
 */
function namedValueKey(namedValue: TfResource): ApiKeyAttrs | undefined {
  const body = namedValue.body;
  const notInCode = unknown('known only for a deployed named value', namedValue.source);
  const common = { enabled: byDefault(true, namedValue.source), createdAt: notInCode };
  const vault = firstBlock(body, 'value_from_key_vault');
  if (vault) return { ...common, valueSource: set('secret-store', vault.source), valuePreview: set(null, vault.source) };
  const value = attribute(body, 'value');
  if (!value) return undefined;
  const names = [knownString(body, 'name'), knownString(body, 'display_name')].filter((n): n is string => n !== undefined);
  const literal = literalString(value);
  const secret = knownValue(body, 'secret');
  const marked = secret === true || secret === 'true';
  const looksSecret = marked || names.some((n) => CREDENTIAL_NAME.test(n)) || (literal !== undefined && CREDENTIAL_VALUE.test(literal));
  if (!looksSecret) return undefined;
  return { ...common, ...valueSource([value], namedValue.source) };
}

/** The weakest source among the written values: a literal anywhere puts the key in code. */
function valueSource(values: readonly (TfAttribute | undefined)[], fallback: FileSource): Pick<ApiKeyAttrs, 'valueSource' | 'valuePreview'> {
  const written = values.filter((v): v is TfAttribute => v !== undefined);
  // Without primary_key / secondary_key, APIM generates the keys.
  if (written.length === 0) return { valueSource: byDefault('generated', fallback), valuePreview: byDefault(null, fallback) };
  const sources = written.map((value) => {
    const fromStore = value.refs.some((ref) => SECRET_STORE_TYPE.test(parseAddress(ref)?.type ?? ''));
    if (fromStore) return { valueSource: set('secret-store' as const, value.source), valuePreview: set(null, value.source) };
    const literal = literalString(value);
    if (literal !== undefined) return literalKeyValue(literal, valueWrittenAt(value));
    return { valueSource: set('expression' as const, value.source), valuePreview: set(null, value.source) };
  });
  return sources.find((s) => s.valueSource.value === 'literal') ?? sources.find((s) => s.valueSource.value === 'expression') ?? sources[0] ?? {
    valueSource: byDefault('generated', fallback), valuePreview: byDefault(null, fallback),
  };
}

/** The body without secret values: `raw` must never carry one. */
function redact(body: TfBody, names: readonly string[]): TfBody {
  const attributes = { ...body.attributes };
  for (const name of names) {
    const value = attributes[name];
    if (value && typeof value.value === 'string') attributes[name] = withValue(value, '(redacted)');
  }
  return withAttributes(body, attributes);
}
