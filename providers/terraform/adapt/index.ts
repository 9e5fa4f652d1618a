import type { Diagnostic } from '../../../src/graph/diagnostic';
import type { AnyNode, Edge } from '../../../src/graph/kinds';
import type { TfResource } from '../model';
import { adaptApiGateway } from './aws-apigateway';
import { adaptApiGatewayDomains } from './aws-apigateway-domains';
import { adaptApiGatewayKeys } from './aws-apigateway-keys';
import { adaptApiGatewayV2 } from './aws-apigatewayv2';
import { adaptCloudFront } from './aws-cloudfront';
import { adaptWafv2 } from './aws-wafv2';
import { Linker } from './linker';
import type { AdaptResult } from './terraform-node';

const SERVICE_ADAPTERS: readonly ((linker: Linker) => AdaptResult)[] = [
  adaptApiGateway, adaptApiGatewayDomains, adaptApiGatewayKeys, adaptApiGatewayV2, adaptWafv2, adaptCloudFront,
];

/** Every service adapter over the evaluated resources: pure and synchronous. Resource types nobody adapts are ignored. */
export function adaptTerraform(resources: readonly TfResource[]): { nodes: AnyNode[]; edges: Edge[]; diagnostics: Diagnostic[] } {
  const linker = new Linker(resources);
  const nodes: AnyNode[] = [];
  const edges: Edge[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const adapt of SERVICE_ADAPTERS) {
    const result = adapt(linker);
    nodes.push(...result.nodes);
    edges.push(...result.edges);
    diagnostics.push(...result.diagnostics);
  }
  return { nodes, edges, diagnostics };
}
