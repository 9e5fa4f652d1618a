import type { Attr } from '../graph/attr';
import type { ReadonlyGraph } from '../graph/graph';
import type { GraphNode, NodeKind } from '../graph/kinds';
import { authorizerOf, backendsOf, cdnsFronting, domainsServing, operationsOf, stagesOf } from '../graph/queries';

/**
 * How one API is reached: internet → CDN → WAF → domain → API → stage / route → backend, as a small graph that the
 * Mermaid and DOT renderers draw. Built from graph queries only; pure data, so every report format and
 * `gatewarden graph` show the same picture.
 */
export interface ApiExposure {
  readonly api: { readonly id: string; readonly name: string };
  readonly nodes: readonly ExposureNode[];
  readonly edges: readonly ExposureEdge[];
  /** Some node of this API (or an authorizer its routes use) has a finding that is not suppressed. */
  readonly flagged: boolean;
}

export type ExposureNodeKind = 'internet' | 'more-routes' | Exclude<NodeKind, 'api.authorizer' | 'api.usage-plan' | 'api.key'>;

export interface ExposureNode {
  /** The graph node id; `internet` for the internet; `<api id>#more-routes` for the routes not drawn. */
  readonly id: string;
  readonly kind: ExposureNodeKind;
  /** Plain text lines, unescaped: renderers escape them for their own syntax. */
  readonly lines: readonly string[];
  /** Policy ids with unsuppressed findings on this node, sorted. */
  readonly findings: readonly string[];
}

export interface ExposureEdge {
  readonly from: string;
  readonly to: string;
  readonly label?: string;
}

/** Authorizers, usage plans and keys are not drawn: their findings show on what they affect. */
type DrawnNode = GraphNode<'edge.cdn'> | GraphNode<'edge.waf'> | GraphNode<'api.domain'> | GraphNode<'api'> | GraphNode<'api.stage'>
  | GraphNode<'api.operation'> | GraphNode<'api.backend'>;

export const INTERNET_ID = 'internet';

/** A diagram with hundreds of routes helps nobody; the rest are summed up in one node. */
export const MAX_ROUTES = 25;

const LABEL_MAX = 60;

/** `findingsByNode`: graph node id → policy ids of its unsuppressed failing findings. */
export function buildExposure(graph: ReadonlyGraph, findingsByNode: ReadonlyMap<string, readonly string[]>): ApiExposure[] {
  return [...graph.nodesOf('api')]
    .sort((a, b) => compare(a.id, b.id))
    .map((api) => exposureOf(graph, api, findingsByNode));
}

function exposureOf(graph: ReadonlyGraph, api: GraphNode<'api'>, findingsByNode: ReadonlyMap<string, readonly string[]>): ApiExposure {
  const nodes = new Map<string, ExposureNode>();
  const edges = new Map<string, ExposureEdge>();
  const findingsOf = (id: string): readonly string[] => findingsByNode.get(id) ?? [];
  const addNode = (node: ExposureNode): void => {
    if (!nodes.has(node.id)) nodes.set(node.id, node);
  };
  const addEdge = (edge: ExposureEdge): void => {
    edges.set(`${edge.from}\u0000${edge.to}`, edge);
  };

  const stages = [...stagesOf(graph, api)].sort(byId);
  const domains = [...domainsServing(graph, api)].sort(byId);
  const cdns = [...cdnsFronting(graph, api)].sort(byId);
  const operations = [...operationsOf(graph, api)].sort(byRoute);

  addNode({ id: INTERNET_ID, kind: 'internet', lines: ['Internet'], findings: [] });
  for (const n of [...cdns, ...domains, api, ...stages]) addNode(describe(n, findingsOf(n.id)));

  // Fronts: CDNs and domains point at the API, a stage, or each other (a custom domain served by a CDN).
  const fronted = new Set([api.id, ...stages.map((s) => s.id), ...domains.map((d) => d.id), ...cdns.map((c) => c.id)]);
  for (const cdn of cdns) for (const t of graph.out(cdn.id, 'cdn-fronts')) if (fronted.has(t.id)) addEdge({ from: cdn.id, to: t.id });
  for (const domain of domains) for (const t of graph.out(domain.id, 'domain-serves')) if (fronted.has(t.id)) addEdge({ from: domain.id, to: t.id });
  for (const stage of stages) addEdge({ from: api.id, to: stage.id });

  // Entry points: fronts nothing else in the diagram points at, and the platform's default endpoint when it is open.
  const reached = new Set([...edges.values()].map((e) => e.to));
  for (const front of [...cdns, ...domains]) if (!reached.has(front.id)) addEdge({ from: INTERNET_ID, to: front.id });
  const defaultEndpoint = defaultEndpointLabel(api);
  if (defaultEndpoint !== undefined) addEdge({ from: INTERNET_ID, to: api.id, label: defaultEndpoint });

  // A WAF sits in the path of what it protects: p → X becomes p → WAF → X.
  for (const target of [...cdns, ...domains, api, ...stages]) {
    const wafs = graph.in(target.id, 'waf-protects').filter((n): n is GraphNode<'edge.waf'> => n.kind === 'edge.waf').sort(byId);
    if (wafs.length === 0) continue;
    const incoming = [...edges.values()].filter((e) => e.to === target.id);
    for (const e of incoming) edges.delete(`${e.from}\u0000${e.to}`);
    for (const waf of wafs) {
      addNode(describe(waf, findingsOf(waf.id)));
      for (const e of incoming) addEdge({ from: e.from, to: waf.id, ...(e.label !== undefined && { label: e.label }) });
      addEdge({ from: waf.id, to: target.id });
    }
  }

  // Routes and their backends; a route's authorizer findings show on the route that relies on it.
  const drawn = operations.slice(0, MAX_ROUTES);
  for (const op of drawn) {
    const authorizer = authorizerOf(graph, op);
    const findings = sortedUnique([...findingsOf(op.id), ...(authorizer ? findingsOf(authorizer.id) : [])]);
    addNode(describe(op, findings, authorizer));
    addEdge({ from: api.id, to: op.id });
    for (const backend of [...backendsOf(graph, op)].sort(byId)) {
      addNode(describe(backend, findingsOf(backend.id)));
      addEdge({ from: op.id, to: backend.id });
    }
  }
  const rest = operations.slice(MAX_ROUTES);
  if (rest.length > 0) {
    const id = `${api.id}#more-routes`;
    const findings = sortedUnique(rest.flatMap((op) => [...findingsOf(op.id), ...findingsOf(authorizerOf(graph, op)?.id ?? '')]));
    addNode({ id, kind: 'more-routes', lines: [`${rest.length} more ${rest.length === 1 ? 'route' : 'routes'}`], findings });
    addEdge({ from: api.id, to: id });
  }

  const authorizerFindings = [...graph.out(api.id, 'api-has-authorizer')].some((a) => findingsOf(a.id).length > 0);
  return {
    api: { id: api.id, name: api.name },
    nodes: [...nodes.values()],
    edges: [...edges.values()],
    flagged: authorizerFindings || [...nodes.values()].some((n) => n.findings.length > 0),
  };
}

/** `undefined` when the default endpoint is closed, or private/internal to a network. */
function defaultEndpointLabel(api: GraphNode<'api'>): string | undefined {
  const type = valueOf(api.attrs.endpointType);
  if (type === 'private' || type === 'internal') return undefined;
  const enabled = api.attrs.defaultEndpointEnabled;
  switch (enabled.state) {
    case 'set':
    case 'default':
      return enabled.value ? 'default endpoint' : undefined;
    case 'unknown':
      return 'default endpoint (unknown)';
  }
}

function describe(node: DrawnNode, findings: readonly string[], authorizer?: GraphNode<'api.authorizer'>): ExposureNode {
  const base = { id: node.id, findings: sortedUnique(findings) };
  switch (node.kind) {
    case 'edge.cdn':
      return { ...base, kind: node.kind, lines: [`CDN ${node.name}`, ...detail('origin', valueOf(node.attrs.originProtocol))] };
    case 'edge.waf':
      return { ...base, kind: node.kind, lines: [`WAF ${node.name}`, ...detail('mode', valueOf(node.attrs.mode))] };
    case 'api.domain':
      return {
        ...base, kind: node.kind,
        lines: [`Domain ${valueOf(node.attrs.hostname) ?? node.name}`, ...detail('min TLS', valueOf(node.attrs.minTlsVersion))],
      };
    case 'api':
      return { ...base, kind: node.kind, lines: [`API ${node.name}`, [node.attrs.flavor, valueOf(node.attrs.endpointType)].filter(isText).join(', ')] };
    case 'api.stage':
      return { ...base, kind: node.kind, lines: [`Stage ${valueOf(node.attrs.stageName) ?? node.name}`] };
    case 'api.operation': {
      const route = [valueOf(node.attrs.method), valueOf(node.attrs.path)].filter(isText).join(' ');
      const auth = valueOf(node.attrs.authorization) ?? 'unknown';
      return { ...base, kind: node.kind, lines: [route === '' ? `Route ${node.name}` : route, `auth: ${auth}${authorizer ? ` (${authorizer.name})` : ''}`] };
    }
    case 'api.backend':
      return { ...base, kind: node.kind, lines: [`Backend ${valueOf(node.attrs.url) ?? node.name}`, ...detail('type', valueOf(node.attrs.type))] };
  }
}

function detail(name: string, value: string | undefined): string[] {
  return value === undefined ? [] : [`${name}: ${value}`];
}

/** A printable attribute value, shortened; `undefined` when unknown. */
function valueOf(attr: Attr<unknown>): string | undefined {
  switch (attr.state) {
    case 'set':
    case 'default': {
      const v = attr.value;
      const text = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
      return text === undefined ? undefined : text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text;
    }
    case 'unknown':
      return undefined;
  }
}

function isText(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}

function byId(a: { readonly id: string }, b: { readonly id: string }): number {
  return compare(a.id, b.id);
}

function byRoute(a: GraphNode<'api.operation'>, b: GraphNode<'api.operation'>): number {
  return compare(valueOf(a.attrs.path) ?? '', valueOf(b.attrs.path) ?? '') || compare(valueOf(a.attrs.method) ?? '', valueOf(b.attrs.method) ?? '') || byId(a, b);
}

function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort(compare);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
