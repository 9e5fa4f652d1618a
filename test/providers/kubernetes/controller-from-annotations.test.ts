import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import kubernetes from '../../../providers/kubernetes';

const dir = mkdtempSync(join(tmpdir(), 'gw-k8s-class-'));
async function load(name: string, text: string) {
  const path = join(dir, name);
  writeFileSync(path, text);
  return kubernetes.load({ files: [path], options: { cwd: dir } });
}

const ingress = (annotations: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  annotations:
${annotations}
spec:
  rules:
    - host: web.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend: {service: {name: web, port: {number: 80}}}
`;

// Without a class and without a default IngressClass in the scan, annotations written for one controller only
// say which controller the author meant: read them (with a notice) instead of leaving every setting unknown.
describe('Ingress without a class', () => {
  it('is read as ingress-nginx when only ingress-nginx annotations are present, with a notice', async () => {
    const { nodes, diagnostics } = await load('nginx.yaml', ingress('    nginx.ingress.kubernetes.io/server-snippet: "location /x { return 200; }"'));
    const api = nodes.find((n) => n.kind === 'api');
    expect(api?.native.type).toBe('Ingress (ingress-nginx)');
    expect(api?.attrs).toMatchObject({ configSnippets: { state: 'set', value: [expect.objectContaining({ setting: 'nginx.ingress.kubernetes.io/server-snippet' })] } });
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'notice', message: expect.stringMatching(/read as ingress-nginx/) })]);
  });

  it('stays unknown when the annotations name two controllers, or none', async () => {
    for (const annotations of ['    nginx.ingress.kubernetes.io/ssl-redirect: "true"\n    alb.ingress.kubernetes.io/scheme: internet-facing', '    example.com/owner: team-a']) {
      const { nodes } = await load('mixed.yaml', ingress(annotations));
      expect(nodes.find((n) => n.kind === 'api')?.native.type).toBe('Ingress (unknown)');
    }
  });
});

describe('AWS Load Balancer Controller actions', () => {
  it('are not backends: servicePort use-annotation names an action, not a Service', async () => {
    const { nodes } = await load('alb-actions.yaml', `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  annotations:
    alb.ingress.kubernetes.io/actions.to-https: '{"Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS", "Port": "443", "StatusCode": "HTTP_301"}}'
spec:
  ingressClassName: alb
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /legacy
            pathType: Prefix
            backend: {service: {name: to-https, port: {name: use-annotation}}}
          - path: /
            pathType: Prefix
            backend: {service: {name: web, port: {number: 80}}}
`);
    expect(nodes.filter((n) => n.kind === 'api.backend').map((n) => n.name)).toEqual(['shop[web:80]']);
    expect(nodes.filter((n) => n.kind === 'api.operation')).toHaveLength(2);
  });
});
