import { adaptObjects } from '../../../providers/kubernetes';
import { readManifests } from '../../../providers/kubernetes/read-manifests';
import type { Diagnostic } from '../../../src/graph/diagnostic';
import type { AnyNode, Edge } from '../../../src/graph/kinds';

function adapt(text: string): { nodes: AnyNode[]; edges: Edge[]; diagnostics: Diagnostic[] } {
  const read = readManifests(text, 'canary.yaml');
  expect(read.diagnostics).toEqual([]);
  const diagnostics: Diagnostic[] = [];
  return { ...adaptObjects(read.objects, diagnostics), diagnostics };
}
function byName(nodes: readonly AnyNode[], kind: AnyNode['kind'], name: string): AnyNode | undefined {
  return nodes.find((n) => n.kind === kind && n.name === name);
}

function ingress(name: string, annotations: readonly string[], service: string, options: { host?: string; path?: string; pathType?: string; className?: string } = {}): string {
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
  annotations: {${annotations.join(', ')}}
spec:
  ingressClassName: ${options.className ?? 'nginx'}
  rules:
    - host: ${options.host ?? 'shop.example.com'}
      http:
        paths:
          - {path: ${options.path ?? '/'}, pathType: ${options.pathType ?? 'Prefix'}, backend: {service: {name: ${service}, port: {number: 80}}}}
---
`;
}
const CANARY = 'nginx.ingress.kubernetes.io/canary: "true"';
const WEIGHT = 'nginx.ingress.kubernetes.io/canary-weight: "20"';

describe('ingress-nginx canary Ingresses', () => {
  it('sends a canary path to the main Ingress of its host and path, which keeps its authentication', () => {
    const { nodes, edges, diagnostics } = adapt(ingress('shop', ['nginx.ingress.kubernetes.io/auth-url: "https://auth.example.com/check"'], 'shop-v1')
      + ingress('shop-canary', [CANARY, WEIGHT], 'shop-v2'));
    expect(diagnostics).toEqual([]);
    expect(nodes.filter((n) => n.id.includes('/Ingress/shop-canary')).map((n) => n.kind)).toEqual(['api.backend']);
    expect(byName(nodes, 'api.operation', 'shop[shop.example.com/]')).toMatchObject({ attrs: { authorization: { state: 'set', value: 'external' } } });
    expect(edges).toContainEqual({ from: 'kubernetes:_/Ingress/shop#operation:shop.example.com/', rel: 'operation-calls-backend', to: 'kubernetes:_/Ingress/shop-canary#backend:shop-v2:80' });
    expect(byName(nodes, 'api.backend', 'shop-canary[shop-v2:80]')).toMatchObject({ native: { type: 'Ingress (ingress-nginx canary)' }, source: { line: 25 } });
  });

  it('ignores the non-canary annotations of a canary: its backend TLS and authentication are the main Ingress\'s', () => {
    const { nodes } = adapt(ingress('shop', [], 'shop-v1')
      + ingress('shop-canary', [CANARY, WEIGHT, 'nginx.ingress.kubernetes.io/auth-url: "https://auth.example.com/check"', 'nginx.ingress.kubernetes.io/backend-protocol: HTTPS'], 'shop-v2'));
    expect(byName(nodes, 'api.operation', 'shop[shop.example.com/]')).toMatchObject({ attrs: { authorization: { state: 'default', value: 'none' } } });
    expect(byName(nodes, 'api.operation', 'shop-canary[shop.example.com/]')).toBeUndefined();
    expect(byName(nodes, 'api.backend', 'shop-canary[shop-v2:80]')).toMatchObject({ attrs: { usesTls: { state: 'default', value: false } } });
  });

  it('reads the backend TLS of a canary path from its main Ingress', () => {
    const { nodes } = adapt(ingress('shop', ['nginx.ingress.kubernetes.io/backend-protocol: HTTPS', 'nginx.ingress.kubernetes.io/proxy-ssl-verify: "on"'], 'shop-v1')
      + ingress('shop-canary', [CANARY, WEIGHT], 'shop-v2'));
    expect(byName(nodes, 'api.backend', 'shop-canary[shop-v2:80]')).toMatchObject({
      attrs: { usesTls: { state: 'set', value: true, source: { line: 5 } }, verifiesCertificate: { state: 'set', value: true } },
    });
  });

  it('leaves the settings of a canary unknown when no scanned Ingress serves its host and path, and says so', () => {
    const { nodes, diagnostics } = adapt(ingress('shop', ['nginx.ingress.kubernetes.io/auth-url: "https://auth.example.com/check"'], 'shop-v1', { path: '/orders' })
      + ingress('shop-canary', [CANARY, WEIGHT], 'shop-v2'));
    expect(byName(nodes, 'api.operation', 'shop-canary[shop.example.com/]')).toMatchObject({
      attrs: { authorization: { state: 'unknown', expr: expect.stringMatching(/canary, whose routes take the settings of the Ingress serving shop\.example\.com\/, which is not in the scan/) as string } },
    });
    expect(byName(nodes, 'api.stage', 'shop-canary')).toMatchObject({ attrs: { throttling: { state: 'unknown' } } });
    expect(byName(nodes, 'api.domain', 'shop-canary[shop.example.com]')).toMatchObject({ attrs: { allowsPlainHttp: { state: 'unknown' } } });
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'notice', message: expect.stringMatching(/^Ingress shop-canary: an ingress-nginx canary/) as string })]);
  });

  it('matches the path type too, as ingress-nginx does', () => {
    const { nodes } = adapt(ingress('shop', [], 'shop-v1', { pathType: 'Exact' }) + ingress('shop-canary', [CANARY, WEIGHT], 'shop-v2'));
    expect(byName(nodes, 'api.operation', 'shop-canary[shop.example.com/]')).toMatchObject({ attrs: { authorization: { state: 'unknown' } } });
  });

  it('reads the canary annotation for ingress-nginx only', () => {
    const { nodes } = adapt(ingress('shop', [], 'shop-v1', { className: 'traefik' }) + ingress('shop-canary', [CANARY, WEIGHT], 'shop-v2', { className: 'traefik' }));
    expect(byName(nodes, 'api.operation', 'shop-canary[shop.example.com/]')).toMatchObject({ attrs: { authorization: { state: 'default', value: 'none' } } });
  });
});
