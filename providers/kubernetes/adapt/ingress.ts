import { byDefault, set, unknown } from '../../../src/graph/attr';
import type { AnyNode, Edge, GraphNode } from '../../../src/graph/kinds';
import type { FileSource } from '../../../src/graph/source';
import type { Catalog } from '../catalog';
import { settingsFor } from '../controllers/resolve';
import type { IngressSettings } from '../controllers/settings';
import { dig, list, str, type K8sObject } from '../manifest';
import { objectId, partName } from './node-ids';

export interface Adapted {
  readonly nodes: AnyNode[];
  readonly edges: Edge[];
  /** Set when the controller was assumed from the annotations (see {@link settingsFor}). */
  readonly assumed?: string;
}

interface IngressPath {
  readonly host: string;
  readonly path: string;
  readonly service: string | undefined;
  readonly port: string | undefined;
  readonly source: FileSource;
}

/**
 * An Ingress (networking.k8s.io/v1, and the v1beta1 shapes of networking.k8s.io and extensions) becomes an `api`
 * (flavor ingress) with one stage (the Ingress-wide settings: throttling, body size, logging, WAF), a domain per host
 * (TLS hosts and plain hosts; `*` for rules without a host), an operation per host and path, and a backend per Service
 * port. What the controller's annotations mean comes from {@link settingsFor}.
 */
export function adaptIngress(ingress: K8sObject, catalog: Catalog): Adapted {
  const settings = settingsFor(ingress, catalog);
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

  const paths = pathsOf(ingress);
  const tlsHosts = tlsHostsOf(ingress);
  const hosts = new Map<string, FileSource>();
  for (const t of tlsHosts) hosts.set(t.host, t.source);
  for (const p of paths) if (!hosts.has(p.host)) hosts.set(p.host, p.source);
  for (const [host, source] of hosts) nodes.push(domainNode(ingress, settings, host, source, tlsHosts.some((t) => covers(t.host, host)), base));
  for (const host of hosts.keys()) edges.push({ from: domainId(id, host), rel: 'domain-serves', to: id });

  const backends = new Set<string>();
  for (const p of paths) {
    const opId = `${id}#operation:${p.host}${p.path}`;
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
    // `use-annotation` names an AWS Load Balancer Controller action (redirect, fixed response), not a Service port:
    // https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/#actions
    if (p.service === undefined || p.port === 'use-annotation') continue;
    const backendKey = `${p.service}:${p.port ?? ''}`;
    const backendId = `${id}#backend:${backendKey}`;
    edges.push({ from: opId, rel: 'operation-calls-backend', to: backendId });
    if (backends.has(backendKey)) continue;
    backends.add(backendKey);
    const service = catalog.find('Service', p.service, ingress.namespace);
    const tls = settings.backendTls(service, p.port);
    const scheme = tls.usesTls.state !== 'unknown' && tls.usesTls.value ? 'https' : 'http';
    nodes.push({
      ...base, id: backendId, kind: 'api.backend', name: partName(ingress, backendKey), source: p.source,
      attrs: {
        type: byDefault('service'),
        url: byDefault(`${scheme}://${p.service}${ingress.namespace ? `.${ingress.namespace}` : ''}.svc${p.port ? `:${p.port}` : ''}`),
        usesTls: tls.usesTls,
        verifiesCertificate: tls.verifiesCertificate,
        connection: byDefault('private'),
        minTlsVersion: unknown('the TLS versions offered to backends are set in the controller configuration'),
      },
    });
  }
  return { nodes, edges, ...(settings.assumed !== undefined && { assumed: settings.assumed }) };
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

/** `*.example.com` covers `api.example.com` (one label); a TLS entry without hosts covers the host-less rules. */
function covers(pattern: string, host: string): boolean {
  if (pattern === host) return true;
  if (pattern.startsWith('*.') && host !== '*') {
    const rest = host.slice(host.indexOf('.') + 1);
    return host.includes('.') && rest === pattern.slice(2);
  }
  return false;
}

function tlsHostsOf(ingress: K8sObject): { host: string; source: FileSource }[] {
  return list(dig(ingress.body, 'spec', 'tls')).flatMap((entry, i) => {
    const hosts = list(dig(entry, 'hosts')).map(str).filter((h): h is string => h !== undefined);
    if (hosts.length === 0) return [{ host: '*', source: ingress.locate(['spec', 'tls', i]) }];
    return hosts.map((host, j) => ({ host, source: ingress.locate(['spec', 'tls', i, 'hosts', j]) }));
  });
}

/** Rules' paths (v1 `backend.service`, v1beta1 `backend.serviceName`), and the default backend as host `*`, path `/`. */
function pathsOf(ingress: K8sObject): IngressPath[] {
  const paths: IngressPath[] = [];
  list(dig(ingress.body, 'spec', 'rules')).forEach((rule, i) => {
    const host = str(dig(rule, 'host')) ?? '*';
    list(dig(rule, 'http', 'paths')).forEach((p, j) => {
      paths.push({ host, path: str(dig(p, 'path')) ?? '/', ...backendOf(dig(p, 'backend')), source: ingress.locate(['spec', 'rules', i, 'http', 'paths', j]) });
    });
  });
  const fallback = dig(ingress.body, 'spec', 'defaultBackend') ?? dig(ingress.body, 'spec', 'backend');
  if (fallback !== undefined) {
    const key = dig(ingress.body, 'spec', 'defaultBackend') !== undefined ? 'defaultBackend' : 'backend';
    paths.push({ host: '*', path: '/', ...backendOf(fallback), source: ingress.locate(['spec', key]) });
  }
  return paths;
}

function backendOf(backend: unknown): { service: string | undefined; port: string | undefined } {
  const service = str(dig(backend, 'service', 'name')) ?? str(dig(backend, 'serviceName'));
  const port = str(dig(backend, 'service', 'port', 'number')) ?? str(dig(backend, 'service', 'port', 'name')) ?? str(dig(backend, 'servicePort'));
  return { service, port };
}
