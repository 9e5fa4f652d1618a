import { byDefault, set, unknown, type Attr } from '../../src/graph/attr';
import { ResourceGraph } from '../../src/graph/graph';
import type { AnyNode, AttrsByKind, EdgeRel, GraphNode, NodeKind } from '../../src/graph/kinds';
import { fileSource } from '../../src/graph/source';

type Overrides<K extends NodeKind> = Partial<AttrsByKind[K]> & { name?: string; id?: string };

const u = unknown('test: not set');

const DEFAULTS: { [K in NodeKind]: AttrsByKind[K] } = {
  'api': { flavor: 'rest', endpointType: u, defaultEndpointEnabled: u, resourcePolicy: u, hasSpec: u, cors: u, policyOverrides: u },
  'api.operation': { method: u, path: u, authorization: u, apiKeyRequired: u, requestValidation: u, throttling: u },
  'api.stage': {
    stageName: u, accessLogging: u, executionLogging: u, dataTrace: u, tracing: u, cacheEnabled: u, cacheEncrypted: u,
    throttling: u, quota: u, clientCertificate: u,
  },
  'api.authorizer': { type: u, issuer: u, audience: u, identitySource: u },
  'api.domain': { hostname: u, minTlsVersion: u, securityPolicy: u, weakCiphers: u, allowsPlainHttp: u, mutualTls: u, endpointType: u },
  'api.backend': { type: u, url: u, usesTls: u, verifiesCertificate: u, connection: u, minTlsVersion: u },
  'api.usage-plan': { throttling: u, quota: u, keyRequired: u, applies: u },
  'api.key': { enabled: u, valueSource: u, valuePreview: u, createdAt: u },
  'edge.waf': { defaultAction: u, managedRuleGroups: u, rateBasedRules: u, ruleCount: u, mode: u },
  'edge.cdn': { originProtocol: u, enabled: u },
};

let counter = 0;

/** Builds graphs for policy table tests. Every attribute not given is `unknown`, so tests state what they rely on. */
export class GraphBuilder {
  readonly graph = new ResourceGraph();

  node<K extends NodeKind>(kind: K, overrides: Overrides<K> = {}): GraphNode<K> {
    const { name, id, ...attrs } = overrides;
    const nodeName = name ?? `${kind}-${++counter}`;
    const node = {
      id: id ?? `test:${kind}:${nodeName}`,
      kind,
      name: nodeName,
      provider: 'terraform',
      platform: 'aws',
      source: fileSource('/test/main.tf', 1, 1, nodeName),
      native: { type: `test_${kind}` },
      attrs: { ...DEFAULTS[kind], ...attrs },
    } as GraphNode<K>;
    this.graph.add(node as unknown as AnyNode);
    return node;
  }

  link(from: { id: string }, rel: EdgeRel, to: { id: string }): this {
    this.graph.link({ from: from.id, rel, to: to.id });
    return this;
  }
}

function single<K extends NodeKind>(kind: K) {
  return (overrides: Overrides<K> = {}): ResourceGraph => {
    const b = new GraphBuilder();
    b.node(kind, overrides);
    return b.graph;
  };
}

export const g = {
  set: <T>(value: T): Attr<T> => set(value, fileSource('/test/main.tf', 2)),
  byDefault: <T>(value: T): Attr<T> => byDefault(value),
  unknown: (expr: string): Attr<never> => unknown(expr, fileSource('/test/main.tf', 3)),
  build(fn: (b: GraphBuilder) => void): ResourceGraph {
    const b = new GraphBuilder();
    fn(b);
    return b.graph;
  },
  api: single('api'),
  operation: single('api.operation'),
  stage: single('api.stage'),
  authorizer: single('api.authorizer'),
  domain: single('api.domain'),
  backend: single('api.backend'),
  usagePlan: single('api.usage-plan'),
  key: single('api.key'),
  waf: single('edge.waf'),
  cdn: single('edge.cdn'),
  /** The viewer side of a CDN whose `enabled` is given: a TLS endpoint that serves only that CDN. */
  viewer(enabled: Attr<boolean>, overrides: Overrides<'api.domain'> = {}): ResourceGraph {
    const b = new GraphBuilder();
    b.link(b.node('api.domain', overrides), 'domain-serves', b.node('edge.cdn', { name: 'dist', enabled }));
    return b.graph;
  },
};
