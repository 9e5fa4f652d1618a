import type { FileSource } from '../../../src/graph/source';
import { dig, list, str, type K8sObject } from '../manifest';

/** One host and path of an Ingress, and the Service port it sends requests to. */
export interface IngressPath {
  readonly host: string;
  readonly path: string;
  /** `undefined` for the default backend, which answers every path. */
  readonly pathType: string | undefined;
  readonly service: string | undefined;
  readonly port: string | undefined;
  readonly source: FileSource;
}

/** `*.example.com` covers `api.example.com` (one label); a TLS entry without hosts covers the host-less rules. */
export function covers(pattern: string, host: string): boolean {
  if (pattern === host) return true;
  if (pattern.startsWith('*.') && host !== '*') {
    const rest = host.slice(host.indexOf('.') + 1);
    return host.includes('.') && rest === pattern.slice(2);
  }
  return false;
}

export function tlsHostsOf(ingress: K8sObject): { host: string; source: FileSource }[] {
  return list(dig(ingress.body, 'spec', 'tls')).flatMap((entry, i) => {
    const hosts = list(dig(entry, 'hosts')).map(str).filter((h): h is string => h !== undefined);
    if (hosts.length === 0) return [{ host: '*', source: ingress.locate(['spec', 'tls', i]) }];
    return hosts.map((host, j) => ({ host, source: ingress.locate(['spec', 'tls', i, 'hosts', j]) }));
  });
}

/** Rules' paths (v1 `backend.service`, v1beta1 `backend.serviceName`), and the default backend as host `*`, path `/`. */
export function pathsOf(ingress: K8sObject): IngressPath[] {
  const paths: IngressPath[] = [];
  list(dig(ingress.body, 'spec', 'rules')).forEach((rule, i) => {
    const host = str(dig(rule, 'host')) ?? '*';
    list(dig(rule, 'http', 'paths')).forEach((p, j) => {
      paths.push({
        host, path: str(dig(p, 'path')) ?? '/', pathType: str(dig(p, 'pathType')) ?? 'ImplementationSpecific',
        ...backendOf(dig(p, 'backend')), source: ingress.locate(['spec', 'rules', i, 'http', 'paths', j]),
      });
    });
  });
  const fallback = dig(ingress.body, 'spec', 'defaultBackend') ?? dig(ingress.body, 'spec', 'backend');
  if (fallback !== undefined) {
    const key = dig(ingress.body, 'spec', 'defaultBackend') !== undefined ? 'defaultBackend' : 'backend';
    paths.push({ host: '*', path: '/', pathType: undefined, ...backendOf(fallback), source: ingress.locate(['spec', key]) });
  }
  return paths;
}

function backendOf(backend: unknown): { service: string | undefined; port: string | undefined } {
  const service = str(dig(backend, 'service', 'name')) ?? str(dig(backend, 'serviceName'));
  const port = str(dig(backend, 'service', 'port', 'number')) ?? str(dig(backend, 'service', 'port', 'name')) ?? str(dig(backend, 'servicePort'));
  return { service, port };
}
