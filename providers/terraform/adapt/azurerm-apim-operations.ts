import { set, unknown, type Attr } from '../../../src/graph/attr';
import { isObject, isOpenApi, parseSpecText, requiredParameters, type JsonObject } from '../../openapi/api-gateway-spec';
import { isUnknown, type TfAttribute, type TfResource, type TfValue } from '../model';
import type { ApimEstate, ApimScope } from './azurerm-apim-estate';
import { brief } from './openapi-operations';
import { asString, attribute, firstBlock, readAttr } from './read-attr';
import { nodeName } from './terraform-node';

/** An operation of an API Management API, with what its request paths need: where its node goes and its own policy. */
export interface ApimOperation {
  /** The resource its node belongs to: the operation resource, or the API whose imported document describes it. */
  readonly resource: TfResource;
  /** Its node id suffix on `resource`. */
  readonly suffix: string;
  /** For messages: the operation resource's name, the `operationId`, or the route. */
  readonly name: string;
  readonly method: Attr<string>;
  readonly path: Attr<string>;
  /** Its own policy scope (`azurerm_api_management_api_operation_policy`); `undefined` when no policy can name it. */
  readonly scope: ApimScope | undefined;
  /** Its node's name when its resource's does not tell it apart: an operation standing for operations not known. */
  readonly label?: string;
  /** Query and header parameters its imported document declares required (`query:page`). */
  readonly requiredParameters?: Attr<readonly string[]>;
}

/**
 * The operations of an API: its `azurerm_api_management_api_operation` resources; without any, the operations of its
 * imported OpenAPI document, or operations standing for them when it cannot be read. Read once per API: the APIs and
 * the products adapters both ask.
 */
export function apimOperations(estate: ApimEstate, api: TfResource): readonly ApimOperation[] {
  let byApi = known.get(estate);
  if (!byApi) {
    byApi = new Map();
    known.set(estate, byApi);
  }
  let operations = byApi.get(api);
  if (!operations) {
    operations = readOperations(estate, api);
    byApi.set(api, operations);
  }
  return operations;
}

const known = new WeakMap<ApimEstate, Map<TfResource, readonly ApimOperation[]>>();

function readOperations(estate: ApimEstate, api: TfResource): readonly ApimOperation[] {
  const resources = estate.operationsOf(api);
  if (resources.length === 0) return importedOperations(estate, api);
  return resources.map((operation) => ({
    resource: operation,
    suffix: '',
    name: operation.name,
    method: readAttr(operation.body, 'method', (v) => asString(v)?.toUpperCase()),
    path: readAttr(operation.body, 'url_template', asString),
    scope: estate.operationScope(operation),
  }));
}

const SPEC_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * Operations of an API defined only by its imported OpenAPI content (inline JSON or YAML). APIM names each imported
 * operation by its `operationId`, so the operation policy with that `operation_id` is its own.
 * https://learn.microsoft.com/en-us/azure/api-management/api-management-api-import-restrictions
 * When the document cannot be read, its operations are not known: see {@link operationsNotKnown}.
 */
function importedOperations(estate: ApimEstate, api: TfResource): ApimOperation[] {
  const block = firstBlock(api.body, 'import');
  const content = attribute(block, 'content_value');
  if (!block || !content) return [];
  const document = importedDocument(attribute(block, 'content_format'), content);
  if (document.state === 'not-known') return operationsNotKnown(estate, api, unknown(document.why, content.source));
  const paths = document.openApi['paths'];
  if (!isObject(paths)) return [];
  const operations: ApimOperation[] = [];
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const [key, operation] of Object.entries(item)) {
      if (!SPEC_METHODS.includes(key)) continue;
      const method = key.toUpperCase();
      const operationId = isObject(operation) && typeof operation['operationId'] === 'string' ? operation['operationId'] : undefined;
      const required = isObject(operation) ? requiredParameters(document.openApi, item, operation) : [];
      operations.push({
        resource: api,
        suffix: `#${method} ${path}`,
        name: operationId ?? `${method} ${path}`,
        method: set(method, content.source),
        path: set(path, content.source),
        scope: operationId === undefined ? undefined : estate.importedOperationScope(api, operationId),
        requiredParameters: required === undefined ? unknown(`a parameter of ${method} ${path} refers to a definition the document does not hold`, content.source) : set(required, content.source),
      });
    }
  }
  return operations;
}

type ImportedDocument = { readonly state: 'openapi'; readonly openApi: JsonObject } | { readonly state: 'not-known'; readonly why: string };

/**
 * The imported OpenAPI document, or why its operations are not known: a link format (`openapi-link`,
 * `swagger-link-json`, `wsdl-link`...) is fetched at apply time, content may be known only then, and WSDL, WADL or
 * unreadable content are not read.
 * https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/api_management_api#content_format
 */
function importedDocument(format: TfAttribute | undefined, content: TfAttribute): ImportedDocument {
  const formatName = typeof format?.value === 'string' ? format.value.toLowerCase() : undefined;
  if (formatName === undefined) return { state: 'not-known', why: `operations imported in a format not known statically (${brief(expressionOf(format?.value))})` };
  if (formatName.includes('link')) return { state: 'not-known', why: `operations imported from ${typeof content.value === 'string' ? content.value : brief(expressionOf(content.value))} at apply time` };
  if (typeof content.value !== 'string') return { state: 'not-known', why: `operations imported from a document not known statically (${brief(expressionOf(content.value))})` };
  if (!/openapi|swagger/.test(formatName)) return { state: 'not-known', why: `operations imported from a ${formatName} document, which is not read` };
  const parsed = parseSpecText(content.value);
  if (!parsed.ok) return { state: 'not-known', why: `operations imported from a document that cannot be read (${parsed.reason})` };
  return isOpenApi(parsed.document) ? { state: 'openapi', openApi: parsed.document } : { state: 'not-known', why: 'operations imported from a document that is not OpenAPI' };
}

function expressionOf(value: TfValue | undefined): string {
  return isUnknown(value) ? value.expr : 'computed';
}

/**
 * The operations of an API whose imported document cannot be read, which are not known: one operation of unknown
 * method and path stands for those without a policy of their own, and one for each operation policy of the API,
 * named by its `operation_id`. Checks that need a method or path say they cannot verify; what the policies of every
 * path (service, products, API) enforce is still known.
 */
function operationsNotKnown(estate: ApimEstate, api: TfResource, route: Attr<string>): ApimOperation[] {
  const policies = estate.importedOperationPolicies(api);
  const others: ApimOperation = {
    resource: api, suffix: '#operations', name: 'every operation', method: route, path: route, scope: undefined,
    label: `${nodeName(api)} (${policies.length > 0 ? 'operations without a policy of their own' : 'every operation'})`,
  };
  const named = new Map<string, ApimOperation>();
  for (const policy of policies) {
    const scope = estate.operationPolicyScope(policy);
    // An operation has one policy: azurerm refuses to create a second one for it (the resource already exists).
    if (named.has(scope.name)) continue;
    named.set(scope.name, { resource: api, suffix: `#operation ${scope.name}`, name: scope.name, method: route, path: route, scope, label: `${nodeName(api)} (operation ${scope.name})` });
  }
  return [others, ...named.values()];
}
