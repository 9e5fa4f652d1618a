import { adaptObjects } from '../../../providers/kubernetes';
import { readManifests } from '../../../providers/kubernetes/read-manifests';
import type { AnyNode } from '../../../src/graph/kinds';

function adapt(text: string): AnyNode[] {
  const read = readManifests(text, 'gateway.yaml');
  expect(read.diagnostics).toEqual([]);
  return adaptObjects(read.objects).nodes;
}
function byName(nodes: readonly AnyNode[], kind: AnyNode['kind'], name: string): AnyNode | undefined {
  return nodes.find((n) => n.kind === kind && n.name === name);
}

const GATEWAY = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge}
spec:
  gatewayClassName: eg
  listeners:
    - {name: https, protocol: HTTPS, port: 443, hostname: api.example.com, tls: {certificateRefs: [{name: api-tls}]}}
`;

describe('policies attached to Gateway API objects', () => {
  it('applies a SecurityPolicy naming a rule (sectionName) to that rule only', () => {
    const nodes = adapt(`${GATEWAY}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop}
spec:
  parentRefs: [{name: edge}]
  rules:
    - name: checkout
      matches: [{path: {type: PathPrefix, value: /checkout}}]
      backendRefs: [{name: checkout, port: 8080}]
    - name: catalog
      matches: [{path: {type: PathPrefix, value: /catalog}}]
      backendRefs: [{name: catalog, port: 8080}]
---
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: SecurityPolicy
metadata: {name: checkout-jwt}
spec:
  targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: shop, sectionName: checkout}]
  jwt: {providers: [{name: idp, remoteJWKS: {uri: "https://idp.example.com/jwks"}}]}
`);
    expect(byName(nodes, 'api.operation', 'shop[ANY /checkout]')).toMatchObject({ attrs: { authorization: { state: 'set', value: 'jwt' } } });
    expect(byName(nodes, 'api.operation', 'shop[ANY /catalog]')).toMatchObject({ attrs: { authorization: { state: 'default', value: 'none' } } });
  });

  it('leaves the authentication of a rule with an implementation filter (ExtensionRef) unknown', () => {
    const nodes = adapt(`${GATEWAY}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: cafe}
spec:
  parentRefs: [{name: edge}]
  rules:
    - matches: [{path: {type: PathPrefix, value: /coffee}}]
      filters: [{type: ExtensionRef, extensionRef: {group: gateway.nginx.org, kind: AuthenticationFilter, name: basic-auth}}]
      backendRefs: [{name: coffee, port: 80}]
    - matches: [{path: {type: PathPrefix, value: /latte}}]
      backendRefs: [{name: latte, port: 80}]
`);
    expect(byName(nodes, 'api.operation', 'cafe[ANY /coffee]')).toMatchObject({
      attrs: { authorization: { state: 'unknown', expr: 'filter AuthenticationFilter basic-auth of the Gateway implementation is not read', source: { line: 16 } } },
    });
    expect(byName(nodes, 'api.operation', 'cafe[ANY /latte]')).toMatchObject({ attrs: { authorization: { state: 'default', value: 'none' } } });
  });

  it('reads client certificate validation and the TLS floor of a ClientTrafficPolicy, optional validation not counting', () => {
    const nodes = adapt(`${GATEWAY}---
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: ClientTrafficPolicy
metadata: {name: edge-tls}
spec:
  targetRef: {group: gateway.networking.k8s.io, kind: Gateway, name: edge}
  tls:
    minVersion: "1.3"
    clientValidation: {optional: true, caCertificateRefs: [{name: ca}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop}
spec:
  parentRefs: [{name: edge}]
  rules:
    - backendRefs: [{name: shop, port: 8080}]
`);
    expect(byName(nodes, 'api.domain', 'edge[https]')).toMatchObject({
      attrs: { minTlsVersion: { state: 'set', value: '1.3', source: { line: 15 } }, mutualTls: { state: 'default', value: false } },
    });
    expect(byName(nodes, 'api.operation', 'shop[ANY /]')).toMatchObject({ attrs: { authorization: { state: 'default', value: 'none' } } });
  });

  it('reads the experimental listener frontendValidation, and AllowInsecureFallback as not requiring certificates', () => {
    const listener = (mode: string): string => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge-${mode.toLowerCase()}}
spec:
  gatewayClassName: eg
  listeners:
    - name: https
      protocol: HTTPS
      port: 443
      tls:
        certificateRefs: [{name: api-tls}]
        frontendValidation: {mode: ${mode}, caCertificateRefs: [{kind: ConfigMap, name: ca}]}
`;
    const nodes = adapt(`${listener('AllowValidOnly')}---\n${listener('AllowInsecureFallback')}`);
    expect(byName(nodes, 'api.domain', 'edge-allowvalidonly[https]')).toMatchObject({ attrs: { mutualTls: { state: 'set', value: true, source: { line: 12 } } } });
    expect(byName(nodes, 'api.domain', 'edge-allowinsecurefallback[https]')).toMatchObject({ attrs: { mutualTls: { state: 'default', value: false } } });
  });
  it('reads the weak suites of a ClientTrafficPolicy cipher list, which a TLS 1.3 floor makes moot', () => {
    const policy = (name: string, tls: string): string => `---
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: ClientTrafficPolicy
metadata: {name: ${name}}
spec:
  targetRef: {group: gateway.networking.k8s.io, kind: Gateway, name: ${name}}
  tls: ${tls}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: ${name}}
spec:
  gatewayClassName: eg
  listeners:
    - {name: https, protocol: HTTPS, port: 443, tls: {certificateRefs: [{name: api-tls}]}}
`;
    const nodes = adapt(GATEWAY
      + policy('legacy', '{ciphers: ["[ECDHE-RSA-AES128-GCM-SHA256|ECDHE-RSA-CHACHA20-POLY1305]", DES-CBC3-SHA, ECDHE-RSA-RC4-SHA]}')
      + policy('modern', '{ciphers: [ECDHE-RSA-AES128-GCM-SHA256, ECDHE-RSA-AES256-GCM-SHA384]}')
      + policy('tls13', '{minVersion: "1.3", ciphers: [DES-CBC3-SHA]}'));
    expect(byName(nodes, 'api.domain', 'legacy[https]')).toMatchObject({ attrs: { weakCiphers: { state: 'set', value: ['DES-CBC3-SHA', 'ECDHE-RSA-RC4-SHA'], source: { line: 14 } } } });
    expect(byName(nodes, 'api.domain', 'modern[https]')).toMatchObject({ attrs: { weakCiphers: { state: 'set', value: [] } } });
    expect(byName(nodes, 'api.domain', 'tls13[https]')).toMatchObject({ attrs: { weakCiphers: { state: 'set', value: [] } } });
    expect(byName(nodes, 'api.domain', 'edge[https]')).toMatchObject({ attrs: { weakCiphers: { state: 'unknown' } } });
  });
});
