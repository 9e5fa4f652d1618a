import type { Diagnostic } from '../../../src/graph/diagnostic';
import type { AnyNode, Edge } from '../../../src/graph/kinds';
import type { Resolver } from '../resolve';
import type { CfnTemplate } from '../template';
import { adaptApiGateway } from './apigateway';
import { adaptApiGatewayDomains } from './apigateway-domains';
import { adaptApiGatewayKeys } from './apigateway-keys';
import { adaptApiGatewayV2 } from './apigatewayv2';
import { adaptCloudFront } from './cloudfront';
import type { LocalDocuments } from '../local-documents';
import { CfnContext, type AdaptResult } from './context';
import { adaptWafv2 } from './wafv2';

const SERVICE_ADAPTERS: readonly ((ctx: CfnContext) => AdaptResult)[] = [
  adaptApiGateway, adaptApiGatewayDomains, adaptApiGatewayKeys, adaptApiGatewayV2, adaptWafv2, adaptCloudFront,
];

/** Resource types that matter to API security but are not modelled: said once per resource. */
const NOT_MODELLED: Readonly<Record<string, string>> = {
  'AWS::WAF::WebACL': 'WAF Classic web ACLs are not modelled: their rules are not judged, so what they protect cannot be verified',
  'AWS::WAFRegional::WebACL': 'WAF Classic web ACLs are not modelled: their rules are not judged, so what they protect cannot be verified',
};

/** Every service adapter over one template's resources: pure and synchronous. Other resource types are ignored. */
export function adaptTemplate(
  template: CfnTemplate, resolver: Resolver, localDocuments: LocalDocuments = new Map(),
): { nodes: AnyNode[]; edges: Edge[]; diagnostics: Diagnostic[] } {
  const ctx = new CfnContext(template, resolver, localDocuments);
  const nodes: AnyNode[] = [];
  const edges: Edge[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const adapt of SERVICE_ADAPTERS) {
    const result = adapt(ctx);
    for (const node of result.nodes) nodes.push(node);
    for (const e of result.edges) edges.push(e);
    for (const diagnostic of result.diagnostics) diagnostics.push(diagnostic);
  }
  for (const resource of template.resources) {
    const reason = NOT_MODELLED[resource.type];
    if (reason !== undefined) diagnostics.push(ctx.notice(resource, reason));
  }
  // Problems met while evaluating the properties the adapters read (unknown functions, bad arguments).
  for (const diagnostic of resolver.diagnostics) diagnostics.push(diagnostic);
  return { nodes, edges, diagnostics };
}
