import { set, type Attr } from '../../../src/graph/attr';
import { isObject, isOpenApi, parseSpecText } from '../../openapi/api-gateway-spec';
import type { TfResource } from '../model';
import type { ApimEstate, ApimScope } from './azurerm-apim-estate';
import { asString, attribute, firstBlock, knownString, readAttr } from './read-attr';

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
}

/**
 * The operations of an API: its `azurerm_api_management_api_operation` resources; without any, the operations of its
 * imported OpenAPI document. Read once per API: the APIs and the products adapters both ask.
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
 * operation by its `operationId`, so the operation policy with that `operation_id` is its own. Link formats
 * (`openapi-link`, `swagger-link-json`) are fetched at apply time: no operations can be listed then.
 * https://learn.microsoft.com/en-us/azure/api-management/api-management-api-import-restrictions
 */
function importedOperations(estate: ApimEstate, api: TfResource): ApimOperation[] {
  const block = firstBlock(api.body, 'import');
  const format = knownString(block, 'content_format')?.toLowerCase() ?? '';
  const content = attribute(block, 'content_value');
  if (!block || !content || typeof content.value !== 'string' || format.includes('link') || !/openapi|swagger/.test(format)) return [];
  const parsed = parseSpecText(content.value);
  if (!parsed.ok || !isOpenApi(parsed.document)) return [];
  const paths = parsed.document['paths'];
  if (!isObject(paths)) return [];
  const operations: ApimOperation[] = [];
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const [key, operation] of Object.entries(item)) {
      if (!SPEC_METHODS.includes(key)) continue;
      const method = key.toUpperCase();
      const operationId = isObject(operation) && typeof operation['operationId'] === 'string' ? operation['operationId'] : undefined;
      operations.push({
        resource: api,
        suffix: `#${method} ${path}`,
        name: operationId ?? `${method} ${path}`,
        method: set(method, content.source),
        path: set(path, content.source),
        scope: operationId === undefined ? undefined : estate.importedOperationScope(api, operationId),
      });
    }
  }
  return operations;
}
