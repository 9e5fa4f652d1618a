import { definePolicy, fail, pass, unknown } from '../../src/engine/policy';

export default definePolicy({
  id: 'GW-PRIV-002',
  slug: 'config-snippet',
  title: 'API definitions do not inject raw proxy configuration',
  severity: 'high',
  category: 'least-privilege',
  control: 'config-snippet',
  owasp: ['API8:2023'],
  target: 'api',
  rationale:
    'ingress-nginx pastes `configuration-snippet`, `server-snippet`, `stream-snippet` and `auth-snippet` annotations verbatim into the controller\'s nginx configuration. ' +
    'Whoever may write an Ingress in any namespace can then read the controller\'s service account token and every TLS secret it holds, or route other tenants\' traffic ' +
    '(CVE-2021-25742, CVE-2025-1974 "IngressNightmare"); a snippet also bypasses the settings other policies check. ' +
    'Recent controllers refuse snippets unless `allow-snippet-annotations` is turned on: an Ingress that still carries one needs that dangerous switch.',
  remediation: {
    kubernetes: [
      '# Remove the snippet and use the dedicated annotation instead (headers, rewrites, timeouts, CORS, rate limits have their own),',
      '# then keep snippets refused in the controller ConfigMap:',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: ingress-nginx-controller',
      '  namespace: ingress-nginx',
      'data:',
      '  allow-snippet-annotations: "false"',
    ].join('\n'),
  },
  references: [
    'https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/#configuration-snippet',
    'https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/configmap/#allow-snippet-annotations',
    'https://nvd.nist.gov/vuln/detail/CVE-2021-25742',
    'https://nvd.nist.gov/vuln/detail/CVE-2025-1974',
  ],
  evaluate(api) {
    const snippets = api.attrs.configSnippets;
    // Absent: the platform has no such mechanism.
    if (snippets === undefined) return pass();
    switch (snippets.state) {
      case 'unknown':
        return unknown(`Cannot tell whether API ${api.name} injects raw proxy configuration (${snippets.expr ?? 'computed'})`, snippets.source ?? api.source);
      case 'set':
      case 'default':
        return snippets.value.map((snippet) => fail(
          `\`${api.name}\` injects raw proxy configuration through ${snippet.setting}`,
          snippet.source ?? snippets.source ?? api.source,
          { key: snippet.setting },
        ));
    }
  },
});
