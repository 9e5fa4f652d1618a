import { byDefault, set, unknown } from '../../../src/graph/attr';
import type { AnyNode, Edge, GraphNode } from '../../../src/graph/kinds';
import type { FileSource } from '../../../src/graph/source';
import type { Catalog } from '../catalog';
import { settingsFor } from '../controllers/resolve';
import type { IngressSettings } from '../controllers/settings';
import type { K8sObject } from '../manifest';
import { canarySettings, canaryRoutesOf, isCanary } from './ingress-canary';
import { covers, pathsOf, tlsHostsOf, type IngressPath } from './ingress-paths';
import { objectId, partName } from './node-ids';

export interface Adapted {
  readonly nodes: AnyNode[];
  readonly edges: Edge[];
  /** Set when the controller was assumed from the annotations (see {@link settingsFor}). */
  readonly assumed?: string;
}

/**
 * An Ingress (networking.k8s.io/v1, and the v1beta1 shapes of networking.k8s.io and extensions) becomes an `api`
 * (flavor ingress) with one stage (the Ingress-wide settings: throttling, body size, logging, WAF), a domain per host
 * (TLS hosts and plain hosts; `*` for rules without a host), an operation per host and path, and a backend per Service
 * port. What the controller's annotations mean comes from {@link settingsFor}.
 */
export function adaptIngress(ingress: K8sObject, catalog: Catalog): Adapted {
  const settings = settingsFor(ingress, catalog);
  const paths = pathsOf(ingress);
  if (!isCanary(ingress, settings)) return adaptPaths(ingress, catalog, settings, paths, tlsHostsOf(ingress));
  return adaptCanary(ingress, catalog, settings, paths);
}

/**
 * An ingress-nginx canary serves no host or path of its own: its Services are alternatives of the main Ingress's route
 * with the same host and path, which keeps the main Ingress's settings. Paths whose main Ingress is scanned become
 * backends of its operations; the others keep an API of their own whose settings are unknown (see {@link canarySettings}).
 */
function adaptCanary(ingress: K8sObject, catalog: Catalog, own: IngressSettings, paths: readonly IngressPath[]): Adapted {
  const { merged, alone } = canaryRoutesOf(ingress, paths, catalog);
  const adapted: Adapted = alone.length > 0
    ? adaptPaths(ingress, catalog, canarySettings(ingress, own, alone), alone, tlsHostsOf(ingress).filter((t) => alone.some((p) => covers(t.host, p.host))))
    : { nodes: [], edges: [], ...(own.assumed !== undefined && { assumed: own.assumed }) };
  const base = { provider: 'kubernetes', platform: 'kubernetes', native: { type: `Ingress (${own.controller} canary)` }, raw: ingress.body } as const;
  const made = new Set(adapted.nodes.map((n) => n.id));
  for (const { path, main, settings } of merged) {
    const backend = backendNode(ingress, path, settings, catalog, base);
    if (!backend) continue;
    if (!made.has(backend.id)) adapted.nodes.push(backend);
    made.add(backend.id);
    adapted.edges.push({ from: operationId(objectId(main), path), rel: 'operation-calls-backend', to: backend.id });
  }
  return adapted;
}

function adaptPaths(ingress: K8sObject, catalog: Catalog, settings: IngressSettings, paths: readonly IngressPath[], tlsHosts: readonly { host: string; source: FileSource }[]): Adapted {
  const id = objectId(ingress);
  const native = { type: `Ingress (${settings.controller})` };
  const base = { provider: 'kubernetes', platform: 'kubernetes', native, raw: ingress.body } as const;
  const nodes: AnyNode[] = [];
  const edges: Edge[] = [];

  const api: GraphNode<'api'> = {
    ...base, id, kind: 'api', name: ingress.name, source: ingress.source,
    attrs: {
      flavor: 'ingress',
      endpointType: settings.endpointType,
      // The Ingress's own address is the listener its domain nodes describe: no separate platform endpoint bypasses them.
      defaultEndpointEnabled: byDefault(false),
      resourcePolicy: byDefault(null),
      hasSpec: byDefault(false),
      cors: settings.cors,
      policyOverrides: byDefault([]),
      allowedSourceRanges: settings.allowedSourceRanges,
      configSnippets: settings.configSnippets,
    },
  };
  nodes.push(api);
  const stage: GraphNode<'api.stage'> = {
    ...base, id: `${id}#stage`, kind: 'api.stage', name: ingress.name, source: ingress.source,
    attrs: {
      stageName: set(ingress.name, ingress.source),
      accessLogging: settings.accessLogging,
      executionLogging: unknown(`${settings.controller} error logs are configured on the controller`),
      // Ingress controllers do not log request or response bodies unless their configuration is changed.
      dataTrace: byDefault(false),
      tracing: unknown(`tracing is configured on the ${settings.controller} controller`),
      cacheEnabled: byDefault(false),
      cacheEncrypted: byDefault(false),
      throttling: settings.throttling,
      quota: byDefault(null),
      clientCertificate: settings.clientCertificate,
      maxBodyBytes: settings.maxBodyBytes,
    },
  };
  nodes.push(stage);
  edges.push({ from: id, rel: 'api-has-stage', to: stage.id });
  settings.wafs.forEach((waf, index) => {
    const wafId = `${id}#waf:${index}`;
    nodes.push({
      ...base, native: { type: waf.nativeType }, id: wafId, kind: 'edge.waf', name: waf.name, source: waf.source,
      attrs: { defaultAction: waf.defaultAction, managedRuleGroups: waf.managedRuleGroups, rateBasedRules: waf.rateBasedRules, ruleCount: waf.ruleCount, mode: waf.mode },
    });
    edges.push({ from: wafId, rel: 'waf-protects', to: stage.id });
  });

  const hosts = new Map<string, FileSource>();
  for (const t of tlsHosts) hosts.set(t.host, t.source);
  for (const p of paths) if (!hosts.has(p.host)) hosts.set(p.host, p.source);
  for (const [host, source] of hosts) nodes.push(domainNode(ingress, settings, host, source, tlsHosts.some((t) => covers(t.host, host)), base));
  for (const host of hosts.keys()) edges.push({ from: domainId(id, host), rel: 'domain-serves', to: id });

  const backends = new Set<string>();
  for (const p of paths) {
    const opId = operationId(id, p);
    nodes.push({
      ...base, id: opId, kind: 'api.operation', name: partName(ingress, `${p.host}${p.path}`), source: p.source,
      attrs: {
        method: byDefault('ANY'),
        path: set(p.path, p.source),
        authorization: settings.authorization,
        apiKeyRequired: byDefault(false),
        requestValidation: byDefault('none'),
        throttling: byDefault(null),
      },
    });
    edges.push({ from: id, rel: 'api-has-operation', to: opId });
    const backend = backendNode(ingress, p, settings, catalog, base);
    if (!backend) continue;
    edges.push({ from: opId, rel: 'operation-calls-backend', to: backend.id });
    if (backends.has(backend.id)) continue;
    backends.add(backend.id);
    nodes.push(backend);
  }
  return { nodes, edges, ...(settings.assumed !== undefined && { assumed: settings.assumed }) };
}

function operationId(apiId: string, p: IngressPath): string {
  return `${apiId}#operation:${p.host}${p.path}`;
}

/** The Service port a path sends requests to, with the TLS the controller uses towards it. */
function backendNode(
  ingress: K8sObject, p: IngressPath, settings: IngressSettings, catalog: Catalog,
  base: Pick<GraphNode<'api.backend'>, 'provider' | 'platform' | 'native' | 'raw'>,
): GraphNode<'api.backend'> | undefined {
  // `use-annotation` names an AWS Load Balancer Controller action (redirect, fixed response), not a Service port:
  // https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/#actions
  if (p.service === undefined || p.port === 'use-annotation') return undefined;
  const backendKey = `${p.service}:${p.port ?? ''}`;
  const service = catalog.find('Service', p.service, ingress.namespace);
  const tls = settings.backendTls(service, p.port);
  const scheme = tls.usesTls.state !== 'unknown' && tls.usesTls.value ? 'https' : 'http';
  return {
    ...base, id: `${objectId(ingress)}#backend:${backendKey}`, kind: 'api.backend', name: partName(ingress, backendKey), source: p.source,
    attrs: {
      type: byDefault('service'),
      url: byDefault(`${scheme}://${p.service}${ingress.namespace ? `.${ingress.namespace}` : ''}.svc${p.port ? `:${p.port}` : ''}`),
      usesTls: tls.usesTls,
      verifiesCertificate: tls.verifiesCertificate,
      connection: byDefault('private'),
      minTlsVersion: unknown('the TLS versions offered to backends are set in the controller configuration'),
    },
  };
}

function domainId(apiId: string, host: string): string {
  return `${apiId}#domain:${host}`;
}

function domainNode(
  ingress: K8sObject, settings: IngressSettings, host: string, source: FileSource, hostHasTls: boolean,
  base: Pick<GraphNode<'api.domain'>, 'provider' | 'platform' | 'native' | 'raw'>,
): GraphNode<'api.domain'> {
  const https = settings.servesHttps(hostHasTls);
  const noTls = unknown(`${host} has no HTTPS listener: plain HTTP only`, source);
  return {
    ...base, id: domainId(objectId(ingress), host), kind: 'api.domain', name: partName(ingress, host), source,
    attrs: {
      hostname: set(host, source),
      minTlsVersion: https ? settings.minTlsVersion : noTls,
      securityPolicy: https ? settings.securityPolicy : noTls,
      weakCiphers: https ? settings.weakCiphers : noTls,
      allowsPlainHttp: settings.allowsPlainHttp(hostHasTls),
      mutualTls: settings.mutualTls,
      endpointType: settings.endpointType,
    },
  };
}
