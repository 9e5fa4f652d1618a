import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import kubernetes from '../../../providers/kubernetes';
import { looksLikeManifest } from '../../../providers/kubernetes/detect';
import { scanWith } from '../../../src/scan/scan-with';
import { builtinPolicies } from '../../../policies';
import { builtinProviders } from '../../../providers';
import type { AnyNode } from '../../../src/graph/kinds';

const dir = mkdtempSync(join(tmpdir(), 'gw-k8s-'));
let counter = 0;
function file(text: string, name = `m${++counter}.yaml`): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
async function load(text: string, name?: string) {
  return kubernetes.load({ files: [file(text, name)], options: { cwd: dir } });
}
function byName(nodes: readonly AnyNode[], kind: AnyNode['kind'], name: string): AnyNode | undefined {
  return nodes.find((n) => n.kind === kind && n.name === name);
}

const NGINX = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: web
  annotations:
    nginx.ingress.kubernetes.io/limit-rps: "10"
    nginx.ingress.kubernetes.io/backend-protocol: HTTPS
    nginx.ingress.kubernetes.io/auth-url: https://auth.web.svc/check
spec:
  ingressClassName: nginx
  tls:
    - hosts: ["*.example.com"]
  rules:
    - host: api.example.com
      http:
        paths:
          - path: /orders
            pathType: Prefix
            backend: {service: {name: orders, port: {number: 443}}}
`;

describe('kubernetes provider', () => {
  it('recognises manifests and leaves CloudFormation, plans and other YAML alone', () => {
    expect(looksLikeManifest('a.yaml', 'apiVersion: v1\nkind: Service\n')).toBe(true);
    expect(looksLikeManifest('a.json', '{"apiVersion": "v1", "kind": "Service"}')).toBe(true);
    expect(looksLikeManifest('<stdin>', '---\napiVersion: v1\nkind: List\n')).toBe(true);
    expect(looksLikeManifest('t.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n')).toBe(false);
    expect(looksLikeManifest('plan.json', '{"format_version":"1.2","terraform_version":"1.9.0"}')).toBe(false);
    expect(looksLikeManifest('openapi.yaml', 'openapi: 3.0.0\ninfo: {}\n')).toBe(false);
    expect(looksLikeManifest('chart/templates/ing.yaml', '{{- if .Values.ingress.enabled }}\napiVersion: networking.k8s.io/v1\nkind: Ingress\n')).toBe(true);
  });

  it('maps an ingress-nginx Ingress to api, stage, domain, operation and backend', async () => {
    const { nodes, edges, diagnostics } = await load(NGINX);
    expect(diagnostics).toEqual([]);
    expect(byName(nodes, 'api', 'shop')).toMatchObject({ id: 'kubernetes:web/Ingress/shop', attrs: { flavor: 'ingress', endpointType: { state: 'default', value: 'external' } } });
    expect(byName(nodes, 'api.stage', 'shop')).toMatchObject({ attrs: { throttling: { state: 'set', value: { rateLimit: 10, burstLimit: 50 }, source: { line: 7 } } } });
    // The wildcard TLS host covers api.example.com: HTTPS with the default redirect.
    expect(byName(nodes, 'api.domain', 'shop[api.example.com]')).toMatchObject({ attrs: { allowsPlainHttp: { state: 'default', value: false }, minTlsVersion: { value: '1.2' } } });
    expect(byName(nodes, 'api.operation', 'shop[api.example.com/orders]')).toMatchObject({ attrs: { authorization: { state: 'set', value: 'external' } }, source: { line: 18 } });
    expect(byName(nodes, 'api.backend', 'shop[orders:443]')).toMatchObject({ attrs: { usesTls: { state: 'set', value: true }, verifiesCertificate: { state: 'default', value: false } } });
    expect(edges).toContainEqual({ from: 'kubernetes:web/Ingress/shop#domain:api.example.com', rel: 'domain-serves', to: 'kubernetes:web/Ingress/shop' });
  });

  it('finds the controller through an IngressClass in another document, and the default class', async () => {
    const classes = `apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: external
  annotations: {ingressclass.kubernetes.io/is-default-class: "true"}
spec: {controller: ingress.k8s.aws/alb}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: named}
spec:
  ingressClassName: external
  defaultBackend: {service: {name: web, port: {number: 80}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: defaulted}
spec:
  defaultBackend: {service: {name: web, port: {number: 80}}}
`;
    const { nodes } = await load(classes);
    // The ALB default scheme is internal.
    expect(byName(nodes, 'api', 'named')).toMatchObject({ native: { type: 'Ingress (aws-load-balancer-controller)' }, attrs: { endpointType: { value: 'internal' } } });
    expect(byName(nodes, 'api', 'defaulted')).toMatchObject({ native: { type: 'Ingress (aws-load-balancer-controller)' } });
  });

  it('leaves attributes unknown when the controller is not known, with a notice', async () => {
    const { nodes, diagnostics } = await load('apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: mystery}\nspec:\n  ingressClassName: haproxy\n  defaultBackend: {service: {name: web, port: {number: 80}}}\n');
    expect(byName(nodes, 'api.stage', 'mystery')).toMatchObject({ attrs: { throttling: { state: 'unknown' } } });
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'notice', message: expect.stringMatching(/haproxy/) })]);
  });

  it('reads the items of a List, and JSON manifests, with lines', async () => {
    const listed = await load('apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n    metadata: {name: lb}\n    spec: {type: LoadBalancer, ports: [{port: 443}]}\n');
    expect(byName(listed.nodes, 'api', 'lb')).toMatchObject({ source: { line: 4 }, attrs: { flavor: 'load-balancer' } });
    const json = await load('{\n  "apiVersion": "v1",\n  "kind": "Service",\n  "metadata": {"name": "json-lb"},\n  "spec": {"type": "LoadBalancer", "ports": [{"port": 80}]}\n}\n', 'svc.json');
    expect(byName(json.nodes, 'api', 'json-lb')).toMatchObject({ source: { line: 1 } });
  });

  describe('bad input: an error with file and line, and the other documents are still read', () => {
    it('invalid YAML in one document', async () => {
      const path = file('apiVersion: v1\nkind: Service\nmetadata: {name: ok}\nspec: {type: LoadBalancer, ports: [{port: 80}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: [broken\n');
      const { nodes, diagnostics } = await kubernetes.load({ files: [path], options: {} });
      expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: path, line: expect.any(Number) as number })]);
      expect(diagnostics[0]?.line).toBeGreaterThanOrEqual(6);
      expect(byName(nodes, 'api', 'ok')).toBeDefined();
    });

    it('a document without kind', async () => {
      const { diagnostics } = await load('---\napiVersion: v1\nmetadata: {name: x}\n');
      expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', line: 2, message: expect.stringMatching(/no kind/) })]);
    });

    it('a JSON array manifest', async () => {
      const { diagnostics } = await load('\n[{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "a"}}]\n', 'array.json');
      expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', line: 2, message: expect.stringMatching(/JSON array/) })]);
    });

    it('an alias bomb', async () => {
      const bomb = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: bomb}', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
      for (let i = 1; i < 12; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
      const { diagnostics } = await load(bomb.join('\n'));
      expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', line: expect.any(Number) as number })]);
    });

    it('a 20 MB manifest', async () => {
      const big = file(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  blob: "${'x'.repeat(20 * 1024 * 1024)}"\n`);
      const { diagnostics } = await kubernetes.load({ files: [big], options: {} });
      expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: big, message: expect.stringMatching(/larger than the limit/) })]);
    });

    it('a Helm template is skipped with a notice saying how to render it', async () => {
      const chart = join(dir, 'chart', 'templates');
      mkdirSync(chart, { recursive: true });
      const path = join(chart, 'ingress.yaml');
      writeFileSync(path, '{{- if .Values.ingress.enabled }}\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: {{ .Release.Name }}\n{{- end }}\n');
      const { nodes, diagnostics } = await kubernetes.load({ files: [path], options: { cwd: dir } });
      expect(nodes).toEqual([]);
      expect(diagnostics).toEqual([expect.objectContaining({ severity: 'notice', message: expect.stringMatching(/helm template chart \| gatewarden scan -/) })]);
    });
  });

  it('applies gatewarden.io/ignore annotations and inline comments to the object', async () => {
    const path = file(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  annotations:
    gatewarden.io/ignore: |
      GW-AUTH-001: the application validates JWTs itself
      GW-MGMT-002: short
spec:
  ingressClassName: nginx
  defaultBackend: {service: {name: web, port: {number: 80}}}
---
# gatewarden:ignore GW-MGMT-001 rate limits live in the global ConfigMap
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: other}
spec:
  ingressClassName: nginx
  defaultBackend: {service: {name: web, port: {number: 80}}}
`);
    const result = await kubernetes.load({ files: [path], options: {} });
    expect(result.suppressions).toEqual([
      expect.objectContaining({ policy: 'GW-MGMT-001', appliesTo: { file: path, fromLine: 14, toLine: 19 } }),
      expect.objectContaining({ policy: 'GW-AUTH-001', reason: 'the application validates JWTs itself', appliesTo: { file: path, fromLine: 1, toLine: 11 } }),
    ]);
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/GW-MGMT-002 needs a reason/) })]);
    const scanned = await scanWith({ paths: [path], policies: builtinPolicies, providers: builtinProviders, only: ['GW-AUTH-001', 'GW-MGMT-001'] });
    const failing = scanned.results.filter((r) => r.status === 'fail');
    expect(failing.filter((r) => r.suppression === undefined).map((r) => `${r.policy.id} ${r.node.name}`)).toEqual(['GW-AUTH-001 other[*/]', 'GW-MGMT-001 shop']);
  });

  it('reads standard input as <stdin> when scanning -', async () => {
    const result = await scanWith({ paths: ['-'], readStdin: () => Promise.resolve(NGINX), policies: builtinPolicies, providers: builtinProviders, only: ['GW-AUTH-001'] });
    expect(result.filesScanned).toBe(1);
    expect(result.results.map((r) => r.node.source)).toEqual([expect.objectContaining({ file: '<stdin>', line: 18 })]);
  });

  it('maps Gateway API listeners, routes and BackendTLSPolicy', async () => {
    const { nodes, edges } = await load(`apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: eg}
spec: {controllerName: gateway.envoyproxy.io/gatewayclass-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public}
spec:
  gatewayClassName: eg
  listeners:
    - {name: https, protocol: HTTPS, port: 443, hostname: api.example.com}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: orders}
spec:
  parentRefs: [{name: public}]
  rules:
    - matches: [{path: {type: PathPrefix, value: /orders}, method: GET}]
      backendRefs: [{name: orders, port: 8443}]
---
apiVersion: gateway.networking.k8s.io/v1alpha3
kind: BackendTLSPolicy
metadata: {name: orders-tls}
spec:
  targetRefs: [{group: "", kind: Service, name: orders}]
  validation: {hostname: orders.svc, wellKnownCACertificates: System}
`);
    expect(byName(nodes, 'api.domain', 'public[https]')).toMatchObject({ attrs: { minTlsVersion: { state: 'default', value: '1.2' }, allowsPlainHttp: { value: false } } });
    expect(byName(nodes, 'api.operation', 'orders[GET /orders]')).toMatchObject({ attrs: { authorization: { state: 'default', value: 'none' } } });
    expect(byName(nodes, 'api.backend', 'orders[orders:8443]')).toMatchObject({ attrs: { usesTls: { state: 'set', value: true }, verifiesCertificate: { state: 'set', value: true } } });
    expect(edges).toContainEqual({ from: 'kubernetes:_/Gateway/public#listener:https', rel: 'domain-serves', to: 'kubernetes:_/HTTPRoute/orders' });
  });
});
