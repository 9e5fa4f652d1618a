import { byDefault, set, unknown, type Attr } from '../../../src/graph/attr';
import type { AnyNode, Authorization, CorsConfig, Edge, EndpointType, GraphNode, Throttle } from '../../../src/graph/kinds';
import type { FileSource } from '../../../src/graph/source';
import type { TlsVersion } from '../../../src/graph/tls';
import type { Catalog } from '../catalog';
import { dig, groupOf, list, str, type K8sObject } from '../manifest';
import type { Adapted } from './ingress';
import { envoyRateLimit } from './envoy-rate-limit';
import { clientTlsOf } from './gateway-client-tls';
import { objectId, partName } from './node-ids';
import { internalLoadBalancer } from './service';

/**
 * Gateway API (gateway.networking.k8s.io, https://gateway-api.sigs.k8s.io/reference/spec/): each Gateway listener
 * (HTTP, HTTPS, TLS) is a domain; each HTTPRoute / GRPCRoute is an `api` (flavor gateway-route) served by the listeners
 * of its parent Gateways, with an operation per rule match and a backend per backendRef. BackendTLSPolicy says the
 * Gateway calls a Service over verified TLS. Envoy Gateway's SecurityPolicy and BackendTrafficPolicy are read for
 * authentication, CORS and rate limits; the core API has none of them.
 */
export function adaptGatewayApi(catalog: Catalog): Adapted {
  const nodes: AnyNode[] = [];
  const edges: Edge[] = [];
  const routes = [...catalog.all('HTTPRoute'), ...catalog.all('GRPCRoute')].filter((r) => groupOf(r.apiVersion) === GROUP);
  const gateways = catalog.all('Gateway').filter((g) => groupOf(g.apiVersion) === GROUP);
  for (const gateway of gateways) nodes.push(...listenerDomains(gateway, catalog, routes));
  for (const route of routes) {
    const adapted = adaptRoute(route, catalog);
    nodes.push(...adapted.nodes);
    edges.push(...adapted.edges);
  }
  return { nodes, edges };
}

const GROUP = 'gateway.networking.k8s.io';

interface Listener {
  readonly name: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly tlsMode: string;
  readonly port: number | undefined;
  readonly index: number;
}

function listenersOf(gateway: K8sObject): Listener[] {
  return list(dig(gateway.body, 'spec', 'listeners')).map((l, index) => ({
    name: str(dig(l, 'name')) ?? String(index),
    protocol: (str(dig(l, 'protocol')) ?? '').toUpperCase(),
    hostname: str(dig(l, 'hostname')) ?? '*',
    tlsMode: str(dig(l, 'tls', 'mode')) ?? 'Terminate',
    port: typeof dig(l, 'port') === 'number' ? Number(dig(l, 'port')) : undefined,
    index,
  }));
}

function listenerId(gateway: K8sObject, listener: string): string {
  return `${objectId(gateway)}#listener:${listener}`;
}

/** Controllers' TLS floor when a listener sets nothing: Envoy Gateway and Istio accept TLS 1.2 and newer. */
const CONTROLLER_MIN_TLS: Readonly<Record<string, TlsVersion>> = {
  'gateway.envoyproxy.io/gatewayclass-controller': '1.2',
  'istio.io/gateway-controller': '1.2',
};

function controllerOf(gateway: K8sObject, catalog: Catalog): string | undefined {
  const className = str(dig(gateway.body, 'spec', 'gatewayClassName'));
  const gatewayClass = className ? catalog.find('GatewayClass', className, undefined) : undefined;
  return gatewayClass ? str(dig(gatewayClass.body, 'spec', 'controllerName')) : undefined;
}

function endpointOf(gateway: K8sObject): Attr<EndpointType> {
  const annotations = dig(gateway.body, 'spec', 'infrastructure', 'annotations');
  const internal = internalLoadBalancer(typeof annotations === 'object' && annotations !== null ? annotations as Record<string, unknown> : {});
  // Gateways are provisioned as public load balancers unless a cloud's internal annotation says otherwise.
  return internal ? set('internal', gateway.locate(['spec', 'infrastructure', 'annotations'])) : byDefault('external');
}

function listenerDomains(gateway: K8sObject, catalog: Catalog, routes: readonly K8sObject[]): GraphNode<'api.domain'>[] {
  const controller = controllerOf(gateway, catalog);
  const floor = controller !== undefined ? CONTROLLER_MIN_TLS[controller] : undefined;
  return listenersOf(gateway).filter((l) => ['HTTP', 'HTTPS', 'TLS'].includes(l.protocol)).map((l) => {
    const source = gateway.locate(['spec', 'listeners', l.index]);
    const terminates = l.protocol === 'HTTPS' || (l.protocol === 'TLS' && l.tlsMode === 'Terminate');
    const notHere = unknown(l.protocol === 'HTTP' ? `listener ${l.name} serves plain HTTP only` : `listener ${l.name} passes TLS through to the backend`, source);
    const client = clientTlsOf(gateway, l, catalog);
    const minTls: Attr<TlsVersion> = !terminates ? notHere : client.minTlsVersion ?? (floor ? byDefault(floor) : unknown(`the TLS floor of controller ${controller ?? '(GatewayClass not in the scan)'} is not known`, source));
    // Envoy's default cipher list has no 3DES or RC4; a ClientTrafficPolicy's `tls.ciphers` replaces it.
    const named = client.minTlsVersion?.state === 'set' ? client.minTlsVersion : undefined;
    return {
      id: listenerId(gateway, l.name), kind: 'api.domain', name: partName(gateway, l.name), provider: 'kubernetes', platform: 'kubernetes',
      source, native: { type: `Gateway listener (${l.protocol})` }, raw: dig(gateway.body, 'spec', 'listeners', l.index),
      attrs: {
        hostname: set(l.hostname, source),
        minTlsVersion: minTls,
        securityPolicy: !terminates ? notHere : named ? set(`ClientTrafficPolicy minVersion ${named.value}`, named.source) : floor ? byDefault(`${controller ?? ''} default`) : noFloor(minTls),
        weakCiphers: !terminates ? notHere : client.weakCiphers ?? (named || floor ? byDefault([]) : noFloor(minTls)),
        allowsPlainHttp: l.protocol === 'HTTP' ? plainHttpOn(gateway, l, routes, source) : set(false, source),
        mutualTls: terminates ? client.mutualTls ?? byDefault(false) : byDefault(false),
        endpointType: endpointOf(gateway),
      },
    };
  });
}

function noFloor(attr: Attr<TlsVersion>): Attr<never> {
  return attr.state === 'unknown' ? attr : unknown('not known');
}

/** An HTTP listener serves plain HTTP unless every route attached to it only redirects to https. */
function plainHttpOn(gateway: K8sObject, listener: Listener, routes: readonly K8sObject[], source: FileSource): Attr<boolean> {
  const attached = routes.filter((r) => parentRefsOf(r).some((p) => p.name === gateway.name && (p.sectionName === undefined || p.sectionName === listener.name)));
  if (attached.length === 0) return byDefault(false);
  const redirects = attached.every((r) => list(dig(r.body, 'spec', 'rules')).every((rule) => list(dig(rule, 'backendRefs')).length === 0
    && list(dig(rule, 'filters')).some((f) => str(dig(f, 'type')) === 'RequestRedirect' && str(dig(f, 'requestRedirect', 'scheme')) === 'https')));
  const first = attached[0];
  return redirects && first ? set(false, first.locate(['spec', 'rules'])) : set(true, source);
}

interface ParentRef {
  readonly name: string;
  readonly namespace: string | undefined;
  readonly sectionName: string | undefined;
}

function parentRefsOf(route: K8sObject): ParentRef[] {
  return list(dig(route.body, 'spec', 'parentRefs')).flatMap((p) => {
    const kind = str(dig(p, 'kind')) ?? 'Gateway';
    const name = str(dig(p, 'name'));
    return kind === 'Gateway' && name ? [{ name, namespace: str(dig(p, 'namespace')) ?? route.namespace, sectionName: str(dig(p, 'sectionName')) }] : [];
  });
}

function adaptRoute(route: K8sObject, catalog: Catalog): Adapted {
  const id = objectId(route);
  const base = { provider: 'kubernetes', platform: 'kubernetes', native: { type: route.kind }, raw: route.body } as const;
  const nodes: AnyNode[] = [];
  const edges: Edge[] = [];
  const parents = parentRefsOf(route).flatMap((p) => {
    const gateway = catalog.find('Gateway', p.name, p.namespace);
    return gateway ? [{ ref: p, gateway }] : [];
  });
  const endpoint: Attr<EndpointType> = parents.length === 0
    ? unknown(`no parent Gateway of ${route.kind} ${route.name} is in the scanned manifests`, route.locate(['spec', 'parentRefs']))
    : parents.map((p) => endpointOf(p.gateway)).find((e) => e.state !== 'unknown' && e.value === 'external') ?? endpointOf(parents[0]?.gateway ?? route);
  const policy = envoyPolicies(route, parents.map((p) => p.gateway), catalog);
  const clientCertificates = mutualTlsOnEveryListener(parents, catalog);
  const allRedirects = list(dig(route.body, 'spec', 'rules')).length > 0 && list(dig(route.body, 'spec', 'rules')).every((rule) => list(dig(rule, 'backendRefs')).length === 0);
  // A route that only redirects (HTTP → HTTPS) serves nothing: it only tells its listener's domain that plain HTTP is redirected.
  if (allRedirects) return { nodes, edges };
  nodes.push({
    ...base, id, kind: 'api', name: route.name, source: route.source,
    attrs: {
      flavor: 'gateway-route', endpointType: endpoint, defaultEndpointEnabled: byDefault(false), resourcePolicy: byDefault(null),
      hasSpec: byDefault(false), cors: policy.cors, policyOverrides: byDefault([]), allowedSourceRanges: byDefault(null), configSnippets: byDefault([]),
    },
  });
  const stageId = `${id}#stage`;
  nodes.push({
    ...base, id: stageId, kind: 'api.stage', name: route.name, source: route.source,
    attrs: {
      stageName: set(route.name, route.source), accessLogging: unknown('access logs are configured on the Gateway implementation'),
      executionLogging: unknown('logs are configured on the Gateway implementation'), dataTrace: byDefault(false), tracing: unknown('tracing is configured on the Gateway implementation'),
      cacheEnabled: byDefault(false), cacheEncrypted: byDefault(false), throttling: policy.throttling, quota: byDefault(null), clientCertificate: byDefault(false),
      maxBodyBytes: unknown('request size limits are implementation-specific Gateway policies'),
    },
  });
  edges.push({ from: id, rel: 'api-has-stage', to: stageId });
  for (const { ref, gateway } of parents) {
    for (const l of listenersOf(gateway)) {
      if (ref.sectionName === undefined || ref.sectionName === l.name) edges.push({ from: listenerId(gateway, l.name), rel: 'domain-serves', to: id });
    }
  }
  const seenBackends = new Set<string>();
  list(dig(route.body, 'spec', 'rules')).forEach((rule, i) => {
    const source = route.locate(['spec', 'rules', i]);
    const matches = list(dig(rule, 'matches'));
    const keys = (matches.length === 0 ? [undefined] : matches).map((m) => matchKey(route.kind, m));
    const authorization = policy.authorizationFor(str(dig(rule, 'name'))) ?? clientCertificates ?? extensionFilterOf(route, i) ?? byDefault<Authorization>('none');
    const backendIds = list(dig(rule, 'backendRefs')).flatMap((b, j) => {
      const name = str(dig(b, 'name'));
      if (!name || (str(dig(b, 'kind')) ?? 'Service') !== 'Service') return [];
      const port = str(dig(b, 'port'));
      const key = `${name}:${port ?? ''}`;
      const backendId = `${id}#backend:${key}`;
      if (!seenBackends.has(key)) {
        seenBackends.add(key);
        const tls = backendTlsPolicyFor(name, route.namespace, catalog);
        const at = route.locate(['spec', 'rules', i, 'backendRefs', j]);
        nodes.push({
          ...base, id: backendId, kind: 'api.backend', name: partName(route, key), source: at,
          attrs: {
            type: byDefault('service'), url: byDefault(`${tls ? 'https' : 'http'}://${name}${route.namespace ? `.${route.namespace}` : ''}.svc${port ? `:${port}` : ''}`),
            usesTls: tls ? set(true, tls.source) : byDefault(false),
            verifiesCertificate: tls ? set(true, tls.source) : byDefault(false),
            connection: byDefault('private'),
            minTlsVersion: unknown('the TLS versions offered to backends are set by the Gateway implementation'),
          },
        });
      }
      return [backendId];
    });
    for (const key of keys) {
      const opId = `${id}#operation:${i}:${key}`;
      nodes.push({
        ...base, id: opId, kind: 'api.operation', name: partName(route, key), source,
        attrs: {
          method: byDefault(key.split(' ')[0] ?? 'ANY'), path: byDefault(key.split(' ')[1] ?? '/'), authorization,
          apiKeyRequired: byDefault(false), requestValidation: byDefault('none'), throttling: byDefault(null),
        },
      });
      edges.push({ from: id, rel: 'api-has-operation', to: opId });
      for (const backendId of backendIds) edges.push({ from: opId, rel: 'operation-calls-backend', to: backendId });
    }
  });
  return { nodes, edges };
}

/**
 * An implementation's own filter on a rule (`ExtensionRef`: NGINX Gateway Fabric AuthenticationFilter, Kong plugins...)
 * is not read, and may authenticate requests: the rule's authentication is then not known.
 */
function extensionFilterOf(route: K8sObject, rule: number): Attr<Authorization> | undefined {
  const filters = list(dig(route.body, 'spec', 'rules', rule, 'filters'));
  const at = filters.findIndex((f) => str(dig(f, 'type')) === 'ExtensionRef');
  if (at < 0) return undefined;
  const ref = dig(filters[at], 'extensionRef');
  return unknown(`filter ${str(dig(ref, 'kind')) ?? 'ExtensionRef'} ${str(dig(ref, 'name')) ?? ''} of the Gateway implementation is not read`.trimEnd(),
    route.locate(['spec', 'rules', rule, 'filters', at]));
}

/** Client certificates authenticate a route when every listener it is attached to requires and verifies one. */
function mutualTlsOnEveryListener(parents: readonly { ref: ParentRef; gateway: K8sObject }[], catalog: Catalog): Attr<Authorization> | undefined {
  const attached = parents.flatMap(({ ref, gateway }) => listenersOf(gateway)
    .filter((l) => ['HTTP', 'HTTPS'].includes(l.protocol) && (ref.sectionName === undefined || ref.sectionName === l.name))
    .map((l) => (l.protocol === 'HTTPS' ? clientTlsOf(gateway, l, catalog).mutualTls : undefined)));
  const first = attached[0];
  if (first === undefined || !attached.every((m) => m?.state === 'set' && m.value)) return undefined;
  return set('mtls', first.source);
}

/** `GET /orders`, `ANY /` (HTTPRoute), `POST /pkg.Service/Method` (GRPCRoute). */
function matchKey(kind: string, match: unknown): string {
  if (kind === 'GRPCRoute') {
    const service = str(dig(match, 'method', 'service')) ?? '*';
    const method = str(dig(match, 'method', 'method')) ?? '*';
    return `POST /${service}/${method}`;
  }
  return `${str(dig(match, 'method')) ?? 'ANY'} ${str(dig(match, 'path', 'value')) ?? '/'}`;
}

/** A BackendTLSPolicy (v1alpha3 `targetRefs`, v1alpha2 `targetRef`) naming the Service, with validation settings. */
function backendTlsPolicyFor(service: string, namespace: string | undefined, catalog: Catalog): { source: FileSource } | undefined {
  for (const policy of catalog.all('BackendTLSPolicy')) {
    if (policy.namespace !== undefined && namespace !== undefined && policy.namespace !== namespace) continue;
    const refs = [...list(dig(policy.body, 'spec', 'targetRefs')), ...(dig(policy.body, 'spec', 'targetRef') ? [dig(policy.body, 'spec', 'targetRef')] : [])];
    const targets = refs.some((r) => (str(dig(r, 'kind')) ?? '') === 'Service' && str(dig(r, 'name')) === service);
    const validation = dig(policy.body, 'spec', 'validation') ?? dig(policy.body, 'spec', 'tls');
    if (targets && validation !== undefined) return { source: policy.locate(['spec', 'validation']) };
  }
  return undefined;
}

/**
 * The route's own CORS filters (HTTPRoute filter `type: CORS`, https://gateway-api.sigs.k8s.io/reference/spec/#httpcorsfilter).
 * A route holds one per rule at most; of several, the one allowing any origin (with credentials first) is the one to report.
 */
function corsFilterOf(route: K8sObject): Attr<CorsConfig | null> {
  const filters = list(dig(route.body, 'spec', 'rules')).flatMap((rule, i) => list(dig(rule, 'filters')).flatMap((f, j) => {
    if (str(dig(f, 'type')) !== 'CORS' || dig(f, 'cors') === undefined) return [];
    const config: CorsConfig = { allowOrigins: list(dig(f, 'cors', 'allowOrigins')).map(String), allowCredentials: dig(f, 'cors', 'allowCredentials') === true };
    return [{ config, source: route.locate(['spec', 'rules', i, 'filters', j]) }];
  }));
  const rank = (c: CorsConfig): number => (c.allowOrigins.includes('*') ? 2 : 0) + (c.allowCredentials ? 1 : 0);
  const worst = [...filters].sort((a, b) => rank(b.config) - rank(a.config))[0];
  return worst ? set(worst.config, worst.source) : byDefault(null);
}

interface EnvoyPolicies {
  /** Authentication a SecurityPolicy sets for a rule (by its `name`), if any. */
  authorizationFor(rule: string | undefined): Attr<Authorization> | undefined;
  readonly cors: Attr<CorsConfig | null>;
  readonly throttling: Attr<Throttle | null>;
}

/**
 * Envoy Gateway policies attached to the route or to its Gateways (https://gateway.envoyproxy.io/docs/api/extension_types/):
 * SecurityPolicy (jwt, oidc, basicAuth, extAuth, apiKeyAuth, cors) and BackendTrafficPolicy (rateLimit).
 */
function envoyPolicies(route: K8sObject, gateways: readonly K8sObject[], catalog: Catalog): EnvoyPolicies {
  /** `all` for a policy on the route or its Gateways; the rule names for one on a route's `sectionName` (a rule name). */
  const scopeOf = (policy: K8sObject): 'all' | readonly string[] => {
    const refs = [...list(dig(policy.body, 'spec', 'targetRefs')), ...(dig(policy.body, 'spec', 'targetRef') ? [dig(policy.body, 'spec', 'targetRef')] : [])];
    const rules: string[] = [];
    for (const r of refs) {
      const kind = str(dig(r, 'kind'));
      const name = str(dig(r, 'name'));
      const section = str(dig(r, 'sectionName'));
      if (kind === 'Gateway' && gateways.some((g) => g.name === name)) return 'all';
      if (kind === route.kind && name === route.name) {
        if (section === undefined) return 'all';
        rules.push(section);
      }
    }
    return rules;
  };
  const attached = (kind: string): { policy: K8sObject; scope: 'all' | readonly string[] }[] => catalog.all(kind)
    .filter((p) => groupOf(p.apiVersion) === 'gateway.envoyproxy.io')
    .map((policy) => ({ policy, scope: scopeOf(policy) }))
    .filter((p) => p.scope === 'all' || p.scope.length > 0);
  const securityScoped = attached('SecurityPolicy');
  const security = securityScoped.filter((p) => p.scope === 'all').map((p) => p.policy);
  const traffic = attached('BackendTrafficPolicy').filter((p) => p.scope === 'all').map((p) => p.policy);
  const AUTH: readonly [string, Authorization][] = [['jwt', 'jwt'], ['oidc', 'oauth'], ['extAuth', 'external'], ['basicAuth', 'basic'], ['apiKeyAuth', 'api-key-only']];
  const authOf = (policies: readonly K8sObject[]): Attr<Authorization> | undefined => {
    for (const policy of policies) {
      const found = AUTH.find(([key]) => dig(policy.body, 'spec', key) !== undefined);
      if (found) return set(found[1], policy.locate(['spec', found[0]]));
    }
    return undefined;
  };
  const routeWide = authOf(security);
  // A policy naming a rule (`sectionName`) replaces the route-wide one for that rule only.
  const authorizationFor = (rule: string | undefined): Attr<Authorization> | undefined => {
    const forRule = rule === undefined ? undefined : authOf(securityScoped.filter((p) => p.scope !== 'all' && p.scope.includes(rule)).map((p) => p.policy));
    return forRule ?? routeWide;
  };
  let cors: Attr<CorsConfig | null> = corsFilterOf(route);
  const withCors = security.find((p) => dig(p.body, 'spec', 'cors') !== undefined);
  if (withCors) {
    cors = set({
      allowOrigins: list(dig(withCors.body, 'spec', 'cors', 'allowOrigins')).map(String),
      allowCredentials: dig(withCors.body, 'spec', 'cors', 'allowCredentials') === true,
    }, withCors.locate(['spec', 'cors']));
  }
  const limited = traffic.find((p) => dig(p.body, 'spec', 'rateLimit') !== undefined);
  const throttling: Attr<Throttle | null> = limited ? envoyRateLimit(limited) : byDefault(null);
  return { authorizationFor, cors, throttling };
}
