import { adaptApiManagementService } from './azurerm-api-management';
import { adaptApimApis } from './azurerm-apim-apis';
import { ApimEstate } from './azurerm-apim-estate';
import { adaptApimProducts } from './azurerm-apim-products';
import { adaptAzureFronts } from './azurerm-fronts';
import type { Linker } from './linker';
import { emptyResult, type AdaptResult } from './terraform-node';

/**
 * Azure API Management and what fronts it. The concerns share one index of the APIM resources, so each policy
 * XML is read (and its problems reported) once.
 */
export function adaptAzureApiManagement(linker: Linker): AdaptResult {
  const estate = new ApimEstate(linker);
  const result = emptyResult();
  for (const adapt of [adaptApiManagementService, adaptApimApis, adaptApimProducts, adaptAzureFronts]) {
    const part = adapt(estate);
    result.nodes.push(...part.nodes);
    result.edges.push(...part.edges);
    result.diagnostics.push(...part.diagnostics);
  }
  result.diagnostics.push(...estate.diagnostics);
  return result;
}
