import policy from '../../../policies/encryption/https-only';
import { g, policyTester } from '../../helpers';

policyTester.run(policy, {
  valid: [
    { name: 'redirects or refuses plain HTTP', graph: g.domain({ allowsPlainHttp: g.set(false) }) },
    { name: 'API Gateway custom domain: HTTPS only by the platform', graph: g.domain({ allowsPlainHttp: g.byDefault(false) }) },
    { name: 'the viewer side of a disabled distribution serves nothing', graph: g.viewer(g.set(false), { allowsPlainHttp: g.set(true) }) },
  ],
  invalid: [
    {
      name: 'CloudFront viewer side allow-all, with the hostname in the message',
      graph: g.domain({ name: 'site', hostname: g.set('api.example.com'), allowsPlainHttp: g.set(true) }),
      findings: [{ node: 'site', message: /^`site` \(api\.example\.com\) serves plain HTTP instead of redirecting it to HTTPS$/, severity: 'high' }],
    },
    {
      name: 'plain HTTP with an unknown hostname',
      graph: g.domain({ name: 'ingress', hostname: g.unknown('var.host'), allowsPlainHttp: g.byDefault(true) }),
      findings: [{ node: 'ingress', message: /^`ingress` serves plain HTTP/ }],
    },
    {
      name: 'the viewer side of an enabled distribution',
      graph: g.viewer(g.set(true), { name: 'site', allowsPlainHttp: g.set(true) }),
      findings: [{ node: 'site', message: /^`site` serves plain HTTP/ }],
    },
  ],
  unknown: [
    { name: 'viewer protocol policy from a variable', graph: g.domain({ allowsPlainHttp: g.unknown('var.viewer_protocol_policy') }) },
    {
      name: 'plain HTTP on the viewer side of a distribution whose enabled is not known',
      graph: g.viewer(g.unknown('var.enabled'), { name: 'site', allowsPlainHttp: g.set(true) }),
      message: /^`site` serves plain HTTP instead of redirecting it to HTTPS; but whether CDN dist is enabled is not known statically \(var\.enabled\)$/,
    },
  ],
});
