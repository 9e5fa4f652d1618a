import type { Diagnostic } from '../../../src/graph/diagnostic';
import type { FileSource } from '../../../src/graph/source';
import { effectiveSection, type EffectiveSection, type PolicyScope, type ScopeLevel } from '../../apim-policy/effective-policy';
import type { NamedValueResolver } from '../../apim-policy/policy-facts';
import { expandFragments, type FragmentContent } from '../../apim-policy/policy-fragments';
import type { SectionName } from '../../apim-policy/policy-document';
import type { TfAttribute, TfBody, TfResource } from '../model';
import { readFragmentResource, readPolicyResource } from './azurerm-apim-policy-xml';
import type { Linker } from './linker';
import { attribute, firstBlock, knownString, knownValue } from './read-attr';
import { nodeName } from './terraform-node';

// https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/api_management (and the _* pages)
export const SERVICE = 'azurerm_api_management';
export const API = 'azurerm_api_management_api';
const OPERATION = 'azurerm_api_management_api_operation';
const SERVICE_POLICY = 'azurerm_api_management_policy';
const API_POLICY = 'azurerm_api_management_api_policy';
const OPERATION_POLICY = 'azurerm_api_management_api_operation_policy';
export const PRODUCT = 'azurerm_api_management_product';
const PRODUCT_API = 'azurerm_api_management_product_api';
const PRODUCT_POLICY = 'azurerm_api_management_product_policy';
export const NAMED_VALUE = 'azurerm_api_management_named_value';
export const BACKEND = 'azurerm_api_management_backend';
export const CUSTOM_DOMAIN = 'azurerm_api_management_custom_domain';
export const SUBSCRIPTION = 'azurerm_api_management_subscription';
export const API_DIAGNOSTIC = 'azurerm_api_management_api_diagnostic';
export const SERVICE_DIAGNOSTIC = 'azurerm_api_management_diagnostic';
const POLICY_FRAGMENT = 'azurerm_api_management_policy_fragment';

/** A policy scope points at the policy resource that defines it, when there is one. */
export type ScopeOrigin = { readonly resource: TfResource } | undefined;
export type ApimScope = PolicyScope<ScopeOrigin>;

/**
 * The API Management resources of a configuration, indexed: which service an API, product or policy belongs to
 * (by reference, else by the names written), which products hold an API, and each scope's policy, read once.
 */
export class ApimEstate {
  readonly linker: Linker;
  readonly diagnostics: Diagnostic[] = [];
  private readonly policies = new Map<string, ApimScope['policy']>();
  private readonly fragments = new Map<TfResource, FragmentContent>();

  constructor(linker: Linker) {
    this.linker = linker;
  }

  /** The service a resource belongs to: `api_management_id` / `api_management_name` by reference, else by name. */
  serviceOf(resource: TfResource): TfResource | undefined {
    for (const name of ['api_management_id', 'api_management_name']) {
      const found = this.resolveNamed(attribute(resource.body, name), SERVICE, 'name', undefined);
      if (found.length === 1) return found[0];
    }
    return undefined;
  }

  /** Resources of `type` an attribute names: by reference, else by the literal name (last segment of a resource id). */
  resolveNamed(attr: TfAttribute | undefined, type: string, nameAttr: string, service: TfResource | undefined): TfResource[] {
    if (!attr) return [];
    const byRef = this.linker.targets(attr, [type]);
    if (byRef.length > 0) return byRef;
    if (typeof attr.value !== 'string') return [];
    const name = attr.value.split('/').pop() ?? attr.value;
    return this.linker.ofType(type).filter((candidate) => knownString(candidate.body, nameAttr) === name && (!service || type === SERVICE || this.serviceOf(candidate) === service || this.serviceOf(candidate) === undefined));
  }

  apisOf(resource: TfResource): TfResource[] {
    return this.resolveNamed(attribute(resource.body, 'api_name') ?? attribute(resource.body, 'api_id'), API, 'name', this.serviceOf(resource));
  }

  operationsOf(api: TfResource): TfResource[] {
    return this.linker.ofType(OPERATION).filter((op) => this.apisOf(op).includes(api));
  }

  productsOf(api: TfResource): TfResource[] {
    const products = this.linker.ofType(PRODUCT_API)
      .filter((link) => this.apisOf(link).includes(api))
      .flatMap((link) => this.resolveNamed(attribute(link.body, 'product_id'), PRODUCT, 'product_id', this.serviceOf(link)));
    return [...new Set(products)];
  }

  /** The product APIs of a product, for usage-plan-covers. */
  apisInProduct(product: TfResource): TfResource[] {
    return this.linker.ofType(PRODUCT_API)
      .filter((link) => this.resolveNamed(attribute(link.body, 'product_id'), PRODUCT, 'product_id', this.serviceOf(link)).includes(product))
      .flatMap((link) => this.apisOf(link));
  }

  /** `of`: a resource of the service, whose `api_management_name` / `_id` names it when it is not in the scan. */
  serviceScope(service: TfResource | undefined, of: TfResource): ApimScope {
    // A service outside the scan (a data source, another configuration) may have a service-wide policy: not known.
    if (!service) {
      const named = knownString(of.body, 'api_management_name') ?? knownString(of.body, 'api_management_id')?.split('/').pop();
      return { level: 'service', name: named ?? 'its API Management service', policy: { state: 'unknown', reason: 'the service is not in the scanned code' }, origin: undefined };
    }
    const name = knownString(service.body, 'name') ?? nodeName(service);
    const resource = this.linker.ofType(SERVICE_POLICY).find((p) => this.serviceOf(p) === service);
    // Provider v2/v3 also take the service policy inline, in the service's own `policy` block.
    const inline = !resource ? firstBlock(service.body, 'policy') : undefined;
    return inline ? this.scope('service', name, service, inline) : this.scope('service', name, resource);
  }

  productScope(product: TfResource): ApimScope {
    const resource = this.linker.ofType(PRODUCT_POLICY).find((p) => this.resolveNamed(attribute(p.body, 'product_id'), PRODUCT, 'product_id', this.serviceOf(p)).includes(product));
    return this.scope('product', knownString(product.body, 'product_id') ?? nodeName(product), resource);
  }

  apiScope(api: TfResource): ApimScope {
    const resource = this.linker.ofType(API_POLICY).find((p) => this.apisOf(p).includes(api));
    return this.scope('api', knownString(api.body, 'name') ?? nodeName(api), resource);
  }

  operationScope(operation: TfResource): ApimScope {
    const api = this.apisOf(operation)[0];
    const id = knownString(operation.body, 'operation_id');
    const resource = this.linker.ofType(OPERATION_POLICY).find((p) => {
      const byRef = this.linker.targets(attribute(p.body, 'operation_id'), [OPERATION]);
      if (byRef.length > 0) return byRef.includes(operation);
      return knownString(p.body, 'operation_id') === id && api !== undefined && this.apisOf(p).includes(api);
    });
    return this.scope('operation', id ?? nodeName(operation), resource);
  }

  /**
   * The scope of an operation the API's imported document describes: the operation policy of the API whose
   * `operation_id` is the operation's `operationId` (APIM's name for it), and that names no operation resource.
   */
  importedOperationScope(api: TfResource, operationId: string): ApimScope {
    const resource = this.importedOperationPolicies(api).find((p) => knownString(p.body, 'operation_id') === operationId);
    return this.scope('operation', operationId, resource);
  }

  /** The operation policies of an API that name no operation resource: those of operations its imported document describes. */
  importedOperationPolicies(api: TfResource): TfResource[] {
    return this.linker.ofType(OPERATION_POLICY).filter((p) => this.linker.targets(attribute(p.body, 'operation_id'), [OPERATION]).length === 0 && this.apisOf(p).includes(api));
  }

  /** The scope an operation policy defines, for an operation known only by the `operation_id` it names. */
  operationPolicyScope(policy: TfResource): ApimScope {
    return this.scope('operation', knownString(policy.body, 'operation_id') ?? nodeName(policy), policy);
  }

  /**
   * The request paths into an API: through each product that holds it (product policies apply to calls made with
   * that product's subscription key), and without a product when no product holds it, or when no subscription is
   * required and no open product holds it: a call without a key goes through an open product that holds the API when
   * there is one. `operation`: the operation's own scope, for the paths into that operation.
   * https://learn.microsoft.com/en-us/azure/api-management/api-management-howto-policies#scopes
   * https://learn.microsoft.com/en-us/azure/api-management/api-management-subscriptions (API request without a subscription key)
   */
  chains(api: TfResource, operation: ApimScope | undefined, subscriptionRequired: boolean | 'unknown'): ApimScope[][] {
    const service = this.serviceScope(this.serviceOf(api), api);
    const tail = [this.apiScope(api), ...(operation ? [operation] : [])];
    const products = this.productsOf(api);
    const chains = products.map((product) => [service, this.productScope(product), ...tail]);
    const keylessThroughProduct = products.some((product) => knownValue(product.body, 'subscription_required') === false);
    if (products.length === 0 || (subscriptionRequired !== true && !keylessThroughProduct)) chains.push([service, ...tail]);
    return chains;
  }

  effective(chain: readonly ApimScope[], section: SectionName): EffectiveSection<ScopeOrigin> {
    return effectiveSection(chain, section);
  }

  /** `{{name}}` → the literal value of the service's named value with that name or display name. */
  namedValues(service: TfResource | undefined): NamedValueResolver {
    return (name) => {
      const match = this.namedValue(service, name);
      // A secret is never copied into the graph, whatever policy names it.
      if (!match || isSecret(match)) return undefined;
      return knownString(match.body, 'value');
    };
  }

  /** Why `{{name}}` does not resolve, for messages: "is not in the scanned code", "is a secret", ... */
  namedValueGap(service: TfResource | undefined): (name: string) => string {
    return (name) => {
      const match = this.namedValue(service, name);
      if (!match) return 'is not in the scanned code';
      if (isSecret(match)) return 'is a secret';
      return 'is not known statically';
    };
  }

  private namedValue(service: TfResource | undefined, name: string): TfResource | undefined {
    return this.linker.ofType(NAMED_VALUE).find(
      (nv) => (knownString(nv.body, 'display_name') === name || knownString(nv.body, 'name') === name) && (!service || this.serviceOf(nv) === service || this.serviceOf(nv) === undefined),
    );
  }

  /** Where a scope's policy is declared, for findings; the scope's resource when it has no policy resource. */
  static sourceOf(scope: ApimScope, fallback: FileSource): FileSource {
    return scope.origin?.resource.source ?? fallback;
  }

  /** `body`: the inline `policy` block of a service, which is `resource`. */
  private scope(level: ScopeLevel, name: string, resource: TfResource | undefined, body?: TfBody): ApimScope {
    if (!resource) return { level, name, policy: { state: 'none' }, origin: undefined };
    let policy = this.policies.get(resource.address);
    if (!policy) {
      policy = readPolicyResource(resource, this.diagnostics, body);
      if (policy.state === 'known') {
        const service = body ? `service:${resource.address}` : this.serviceKey(resource);
        policy = { state: 'known', document: expandFragments(policy.document, (id) => this.fragment(id, service)) };
      }
      this.policies.set(resource.address, policy);
    }
    return { level, name, policy, origin: { resource } };
  }

  /**
   * The policies of fragment `id` of the service (fragments belong to a service and are named by `name`). One whose
   * service or name is not known may be it: then what it holds is not known either.
   */
  private fragment(id: string, service: string | undefined): FragmentContent {
    const definite: TfResource[] = [];
    const possible: TfResource[] = [];
    const elsewhere: TfResource[] = [];
    for (const fragment of this.linker.ofType(POLICY_FRAGMENT)) {
      const name = knownString(fragment.body, 'name');
      if (name !== undefined && name !== id) continue;
      const owner = this.serviceKey(fragment);
      if (name !== undefined && owner !== undefined && owner === service) definite.push(fragment);
      else if (owner === undefined || service === undefined || name === undefined) possible.push(fragment);
      else elsewhere.push(fragment);
    }
    const [only, ...others] = definite;
    if (others.length > 0) return { state: 'unknown', reason: `which matches ${definite.length} fragments in the scanned code (${definite.map((f) => f.address).join(', ')})` };
    if (!only) {
      const maybe = possible[0];
      return maybe
        ? { state: 'unknown', reason: `which may be ${maybe.address}${possible.length > 1 ? ` or ${possible.length - 1} more` : ''} (which service or name is meant is not known statically)` }
        : { state: 'unknown', reason: `which is not in the scanned code${elsewhere[0] ? ` for this service (${elsewhere[0].address} is another service's)` : ''}` };
    }
    let content = this.fragments.get(only);
    if (!content) {
      content = readFragmentResource(only, this.diagnostics);
      this.fragments.set(only, content);
    }
    return content;
  }

  /**
   * Which service a resource belongs to, to compare: the scanned service, else what `api_management_id` /
   * `api_management_name` refers to (a data source) or names; `undefined` when not known.
   */
  private serviceKey(resource: TfResource): string | undefined {
    const scanned = this.serviceOf(resource);
    if (scanned) return `service:${scanned.address}`;
    for (const name of ['api_management_id', 'api_management_name']) {
      const attr = attribute(resource.body, name);
      if (!attr) continue;
      const identity = this.linker.identity(attr, SERVICE_TYPES);
      if (identity?.startsWith('ref:')) return identity;
      if (typeof attr.value === 'string') return `name:${attr.value.split('/').pop() ?? attr.value}`;
    }
    return undefined;
  }
}

const SERVICE_TYPES: readonly string[] = [SERVICE, `data.${SERVICE}`];

function isSecret(namedValue: TfResource): boolean {
  return knownValue(namedValue.body, 'secret') === true || knownString(namedValue.body, 'secret') === 'true';
}
