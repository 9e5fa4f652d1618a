import { Answers } from './answers';
import { known } from './attr';
import type { ReadonlyGraph } from './graph';
import type { AnyNode, ApiFlavor, GraphNode } from './kinds';
import { isDisabled, mayNotServe } from './serving';
import type { SourceRef } from './source';

/** Graph questions shared by policies. Each follows the edge directions documented on `EdgeRel`. */

const apis = new Answers<AnyNode, GraphNode<'api'> | undefined>();

/** The API a stage, operation or authorizer belongs to. */
export function apiOf(graph: ReadonlyGraph, node: AnyNode): GraphNode<'api'> | undefined {
  if (node.kind === 'api') return node;
  return apis.of(graph, node, () => {
    const rel = node.kind === 'api.stage' ? 'api-has-stage' : node.kind === 'api.operation' ? 'api-has-operation' : 'api-has-authorizer';
    return graph.in(node.id, rel).find(isApi);
  });
}

/** The flavor of the API a stage belongs to: from its API node, else from what the stage's own type tells. */
export function apiFlavorOf(graph: ReadonlyGraph, stage: GraphNode<'api.stage'>): ApiFlavor | undefined {
  return apiOf(graph, stage)?.attrs.flavor ?? stage.attrs.apiFlavor;
}

export function stagesOf(graph: ReadonlyGraph, api: GraphNode<'api'>): GraphNode<'api.stage'>[] {
  return graph.out(api.id, 'api-has-stage').filter((n): n is GraphNode<'api.stage'> => n.kind === 'api.stage');
}

const operations = new Answers<GraphNode<'api'>, readonly GraphNode<'api.operation'>[]>();

/** The operations of an API (one list per API: several policies ask it of every stage). */
export function operationsOf(graph: ReadonlyGraph, api: GraphNode<'api'>): readonly GraphNode<'api.operation'>[] {
  return operations.of(graph, api, () => graph.out(api.id, 'api-has-operation').filter((n): n is GraphNode<'api.operation'> => n.kind === 'api.operation'));
}

/** The authorizer a route resolves to, if it names one. */
export function authorizerOf(graph: ReadonlyGraph, operation: GraphNode<'api.operation'>): GraphNode<'api.authorizer'> | undefined {
  return graph.out(operation.id, 'operation-uses-authorizer').find((n): n is GraphNode<'api.authorizer'> => n.kind === 'api.authorizer');
}

export function backendsOf(graph: ReadonlyGraph, operation: GraphNode<'api.operation'>): GraphNode<'api.backend'>[] {
  return graph.out(operation.id, 'operation-calls-backend').filter((n): n is GraphNode<'api.backend'> => n.kind === 'api.backend');
}

/**
 * The API and its stages: the targets a domain, CDN or WAF can be attached to. Listed once per question: policies
 * ask about domains and CDNs of every API and stage.
 */
function apiAndStages(graph: ReadonlyGraph, api: GraphNode<'api'>): string[] {
  const ids = [api.id];
  for (const stage of stagesOf(graph, api)) ids.push(stage.id);
  return ids;
}

/** Custom domains that serve the API or one of its stages. */
export function domainsServing(graph: ReadonlyGraph, api: GraphNode<'api'>): GraphNode<'api.domain'>[] {
  return domainsServingAny(graph, apiAndStages(graph, api));
}

function domainsServingAny(graph: ReadonlyGraph, targets: readonly string[]): GraphNode<'api.domain'>[] {
  const domains = new Map<string, GraphNode<'api.domain'>>();
  for (const id of targets) {
    for (const n of graph.in(id, 'domain-serves')) if (n.kind === 'api.domain') domains.set(n.id, n);
  }
  return [...domains.values()];
}

/** CDNs in front of the API: pointing at its default endpoint, a stage, or one of its custom domains. */
export function cdnsFronting(graph: ReadonlyGraph, api: GraphNode<'api'>): GraphNode<'edge.cdn'>[] {
  const targets = apiAndStages(graph, api);
  return cdnsFrontingAny(graph, targets, domainsServingAny(graph, targets));
}

/**
 * CDNs pointing at the API or its stages (`targets`), or at its custom domains. A disabled distribution serves no
 * requests: it is neither a way in nor a WAF in front, so it is left out (one whose `enabled` is not known is kept:
 * see {@link mayNotServe}).
 */
function cdnsFrontingAny(graph: ReadonlyGraph, targets: readonly string[], domains: readonly GraphNode<'api.domain'>[]): GraphNode<'edge.cdn'>[] {
  const cdns = new Map<string, GraphNode<'edge.cdn'>>();
  for (const id of [...targets, ...domains.map((d) => d.id)]) {
    for (const n of graph.in(id, 'cdn-fronts')) if (n.kind === 'edge.cdn' && !isDisabled(n)) cdns.set(n.id, n);
  }
  return [...cdns.values()];
}

export type Front = GraphNode<'api.domain'> | GraphNode<'edge.cdn'>;

/** A front as messages name it: `CDN <name>`, or `custom domain <host name>`. */
export function frontLabel(front: Front): string {
  return front.kind === 'edge.cdn' ? `CDN ${front.name}` : `custom domain ${known(front.attrs.hostname) ?? front.name}`;
}

/** Custom domains and CDNs in front of the API. */
export function frontsOf(graph: ReadonlyGraph, api: GraphNode<'api'>): Front[] {
  const targets = apiAndStages(graph, api);
  const domains = domainsServingAny(graph, targets);
  return [...domains, ...cdnsFrontingAny(graph, targets, domains)];
}

/** A front that may serve no requests, and why (see {@link mayNotServe}). */
export interface DoubtfulFront { readonly front: Front; readonly why: string; readonly source?: SourceRef }

/** The fronts of the API ({@link frontsOf}) that serve requests, and those that may not. */
export function frontsByServing(graph: ReadonlyGraph, api: GraphNode<'api'>): { readonly serving: Front[]; readonly doubtful: DoubtfulFront[] } {
  const serving: Front[] = [];
  const doubtful: DoubtfulFront[] = [];
  for (const front of frontsOf(graph, api)) {
    const doubt = mayNotServe(front);
    if (doubt) doubtful.push({ front, ...doubt });
    else serving.push(front);
  }
  return { serving, doubtful };
}

/**
 * The CDNs and gateways that publish an API reachable only inside its network (an internal APIM behind an Application
 * Gateway) to the internet: those in front that serve requests and face the internet. Those that may not (`enabled`
 * or the frontend not known statically) are `doubtful`.
 */
export function internetFronts(graph: ReadonlyGraph, api: GraphNode<'api'>): { readonly facing: GraphNode<'edge.cdn'>[]; readonly doubtful: DoubtfulFront[] } {
  const facing: GraphNode<'edge.cdn'>[] = [];
  const doubtful: DoubtfulFront[] = [];
  const { serving, doubtful: mayNotServe } = frontsByServing(graph, api);
  for (const front of serving) {
    const faces = front.kind === 'edge.cdn' ? front.attrs.internetFacing : undefined;
    if (front.kind !== 'edge.cdn' || (faces && faces.state !== 'unknown' && !faces.value)) continue;
    if (faces?.state === 'unknown') doubtful.push({ front, why: `whether ${front.name} faces the internet is not known statically (${faces.expr ?? 'computed'})`, ...(faces.source && { source: faces.source }) });
    else facing.push(front);
  }
  doubtful.push(...mayNotServe.filter((d) => d.front.kind === 'edge.cdn'));
  return { facing, doubtful };
}

export interface WafPath {
  readonly waf: GraphNode<'edge.waf'>;
  /** The node the WAF is attached to: the stage, the API, a domain or the CDN in front. */
  readonly via: AnyNode;
}

function wafsOn(graph: ReadonlyGraph, node: AnyNode): WafPath[] {
  return graph.in(node.id, 'waf-protects').filter((n): n is GraphNode<'edge.waf'> => n.kind === 'edge.waf').map((waf) => ({ waf, via: node }));
}

/** WAFs in the path to a stage: attached to the stage or its API directly, or to a domain or CDN in front of it. */
export function wafsProtecting(graph: ReadonlyGraph, stage: GraphNode<'api.stage'>): WafPath[] {
  const api = apiOf(graph, stage);
  const hops: AnyNode[] = [stage];
  if (api) {
    const targets = apiAndStages(graph, api);
    const domains = domainsServingAny(graph, targets);
    hops.push(api, ...domains, ...cdnsFrontingAny(graph, targets, domains));
  }
  return hops.flatMap((n) => wafsOn(graph, n));
}

/** Usage plans covering the stage or its whole API. */
export function usagePlansCovering(graph: ReadonlyGraph, stage: GraphNode<'api.stage'>): GraphNode<'api.usage-plan'>[] {
  const api = apiOf(graph, stage);
  const ids = [stage.id, ...(api ? [api.id] : [])];
  return ids.flatMap((id) => graph.in(id, 'usage-plan-covers')).filter((n): n is GraphNode<'api.usage-plan'> => n.kind === 'api.usage-plan');
}

/** Why the first of `plans` that may not apply (may not exist, may not cover the stage) may not; undefined when all do. */
export function planMayNotApply(plans: readonly GraphNode<'api.usage-plan'>[]): { readonly why: string; readonly source?: SourceRef } | undefined {
  for (const plan of plans) {
    const applies = plan.attrs.applies;
    if (applies.state === 'unknown') return { why: `whether usage plan ${plan.name} applies to it is not known (${applies.expr ?? 'computed'})`, ...(applies.source && { source: applies.source }) };
  }
  return undefined;
}

function isApi(n: AnyNode): n is GraphNode<'api'> {
  return n.kind === 'api';
}
