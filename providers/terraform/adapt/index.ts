import type { Diagnostic } from '../../../src/graph/diagnostic';
import type { AnyNode, Edge } from '../../../src/graph/kinds';
import type { TfResource } from '../model';
import { adaptApiGateway } from './aws-apigateway';
import { adaptApiGatewayDomains } from './aws-apigateway-domains';
import { adaptApiGatewayKeys } from './aws-apigateway-keys';
import { adaptApiGatewayV2 } from './aws-apigatewayv2';
import { adaptCloudFront } from './aws-cloudfront';
import { adaptWafv2 } from './aws-wafv2';
import { adaptAzureApiManagement } from './azurerm-apim';
import { Linker } from './linker';
import { resourceNotice, type AdaptResult } from './terraform-node';

const SERVICE_ADAPTERS: readonly ((linker: Linker) => AdaptResult)[] = [
  adaptApiGateway, adaptApiGatewayDomains, adaptApiGatewayKeys, adaptApiGatewayV2, adaptWafv2, adaptCloudFront,
  adaptAzureApiManagement,
];

/**
 * Resource types that matter to API security but are not modelled: said once per resource, so a policy
 * finding that seems to ignore them can be explained (e.g. a WAF Classic ACL on a stage).
 */
const NOT_MODELLED: Readonly<Record<string, string>> = {
  aws_waf_web_acl: 'WAF Classic web ACLs are not modelled: their rules are not judged, so what they protect cannot be verified',
  aws_wafregional_web_acl: 'WAF Classic web ACLs are not modelled: their rules are not judged, so what they protect cannot be verified',
};

/**
 * Every service adapter over the evaluated resources of one root module: pure and synchronous. Resource types nobody
 * adapts are ignored. Node ids carry `rootLabel` when given (see `rootLabel` in root-scope.ts). `deletedTypes`: of a
 * plan, the types of resources it only deletes.
 */
export function adaptTerraform(
  resources: readonly TfResource[], rootLabel?: string, deletedTypes?: ReadonlySet<string>,
): { nodes: AnyNode[]; edges: Edge[]; diagnostics: Diagnostic[] } {
  const linker = new Linker(resources, rootLabel, deletedTypes);
  const results = SERVICE_ADAPTERS.map((adapt) => adapt(linker));
  // concat of the adapters' lists (one argument per adapter), not push(...spread): a large plan yields more nodes than
  // a call may take arguments; and not flatMap, which copies element by element.
  const nodes: AnyNode[] = ([] as AnyNode[]).concat(...results.map((result) => result.nodes));
  const edges: Edge[] = ([] as Edge[]).concat(...results.map((result) => result.edges));
  const diagnostics: Diagnostic[] = ([] as Diagnostic[]).concat(...results.map((result) => result.diagnostics));
  // Most scans have none of these types: the pass over every resource is skipped then.
  const anyNotModelled = Object.keys(NOT_MODELLED).some((type) => linker.ofType(type).length > 0);
  for (const resource of anyNotModelled ? resources : []) {
    const reason = NOT_MODELLED[resource.type];
    if (reason === undefined || resource.mode !== 'managed') continue;
    diagnostics.push(resourceNotice(resource, reason));
  }
  return { nodes, edges, diagnostics };
}
