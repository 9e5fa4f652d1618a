import policy from '../../../policies/encryption/tls-version';
import { runPolicies } from '../../../src/engine/run';
import { set } from '../../../src/graph/attr';
import { fileSource } from '../../../src/graph/source';
import { g, policyTester } from '../../helpers';

const strong = { weakCiphers: g.byDefault<readonly string[]>([]) };

policyTester.run(policy, {
  valid: [
    { name: 'TLS 1.2 security policy', graph: g.domain({ minTlsVersion: g.set('1.2'), securityPolicy: g.set('TLS_1_2'), ...strong }) },
    { name: 'TLS 1.3 security policy', graph: g.domain({ minTlsVersion: g.set('1.3'), securityPolicy: g.set('SecurityPolicy_TLS13_1_3_2025_09'), ...strong }) },
    { name: 'platform default that is already TLS 1.2', graph: g.domain({ minTlsVersion: g.byDefault('1.2'), securityPolicy: g.byDefault('TLS_1_2'), ...strong }) },
    { name: 'TLS 1.2 with the policy name unknown', graph: g.domain({ minTlsVersion: g.set('1.2'), securityPolicy: g.unknown('var.policy'), ...strong }) },
    { name: 'APIM with 3DES explicitly off', graph: g.domain({ minTlsVersion: g.byDefault('1.2'), weakCiphers: g.set([]) }) },
    {
      name: 'the viewer side of a disabled distribution accepts no requests',
      graph: g.viewer(g.set(false), { minTlsVersion: g.set('1.0'), securityPolicy: g.set('TLSv1'), weakCiphers: g.set(['DES-CBC3-SHA']) }),
    },
    {
      name: 'every domain in a multi-domain graph is modern',
      graph: g.build((b) => {
        b.node('api.domain', { name: 'a', minTlsVersion: g.set('1.2'), ...strong });
        b.node('api.domain', { name: 'b', minTlsVersion: g.set('1.3'), ...strong });
      }),
    },
  ],
  invalid: [
    {
      name: 'the viewer side of an enabled distribution',
      graph: g.viewer(g.byDefault(true), { name: 'dist', minTlsVersion: g.set('1.0'), securityPolicy: g.set('TLSv1'), weakCiphers: g.set(['DES-CBC3-SHA']) }),
      findings: [{ node: 'dist', message: /^`dist` accepts TLS 1\.0 \(security policy TLSv1\) and weak cipher suites/ }],
    },
    {
      name: 'explicit TLS 1.0 names the security policy',
      graph: g.domain({ name: 'legacy', minTlsVersion: g.set('1.0'), securityPolicy: g.set('TLS_1_0') }),
      findings: [{ node: 'legacy', message: /^`legacy` accepts TLS 1\.0 \(security policy TLS_1_0\)$/, severity: 'high' }],
    },
    {
      name: 'no security policy: the default TLS_1_0 is called out as a default',
      graph: g.domain({ name: 'implicit', minTlsVersion: g.byDefault('1.0'), securityPolicy: g.byDefault('TLS_1_0') }),
      findings: [{ node: 'implicit', message: /accepts TLS 1\.0 \(security policy TLS_1_0, the default when none is set\)/ }],
    },
    {
      name: 'CloudFront viewer side with TLS 1.1',
      graph: g.domain({ name: 'cdn', minTlsVersion: g.set('1.1'), securityPolicy: g.set('TLSv1.1_2016') }),
      findings: [{ node: 'cdn', message: /accepts TLS 1\.1 \(security policy TLSv1\.1_2016\)/ }],
    },
    {
      name: 'TLS 1.0 with the native policy name unknown',
      graph: g.domain({ name: 'nameless', minTlsVersion: g.set('1.0'), securityPolicy: g.unknown('var.p') }),
      findings: [{ node: 'nameless', message: /^`nameless` accepts TLS 1\.0$/ }],
    },
    {
      name: 'only the old domain of two fails',
      graph: g.build((b) => {
        b.node('api.domain', { name: 'modern', minTlsVersion: g.set('1.2'), ...strong });
        b.node('api.domain', { name: 'old', minTlsVersion: g.set('1.0') });
      }),
      findings: [{ node: 'old', message: /accepts TLS 1\.0/ }],
    },
    {
      name: 'TLS 1.2 with 3DES still on',
      graph: g.domain({ name: 'apim', minTlsVersion: g.byDefault('1.2'), weakCiphers: g.set(['TLS_RSA_WITH_3DES_EDE_CBC_SHA']) }),
      findings: [{ node: 'apim', message: /^`apim` accepts weak cipher suites: TLS_RSA_WITH_3DES_EDE_CBC_SHA$/, severity: 'high' }],
    },
    {
      name: 'old protocol and weak ciphers set in two places are two findings',
      graph: g.domain({
        name: 'legacy', minTlsVersion: g.set('1.0'), securityPolicy: g.set('frontend TLS 1.0 enabled'),
        weakCiphers: set(['TLS_RSA_WITH_3DES_EDE_CBC_SHA'], fileSource('/test/main.tf', 7)),
      }),
      findings: [{ node: 'legacy', message: /accepts TLS 1\.0 \(security policy frontend TLS 1\.0 enabled\)$/ }, { node: 'legacy', message: /accepts weak cipher suites: TLS_RSA/ }],
    },
    {
      name: 'one security policy that allows both is one finding',
      graph: g.domain({ name: 'cdn', hostname: g.set('api.example.com'), minTlsVersion: g.set('1.0'), securityPolicy: g.set('TLSv1'), weakCiphers: g.set(['DES-CBC3-SHA']) }),
      findings: [{ node: 'cdn', message: /^`cdn` \(api\.example\.com\) accepts TLS 1\.0 \(security policy TLSv1\) and weak cipher suites \(DES-CBC3-SHA\)$/ }],
    },
    {
      name: 'an old protocol fails even when the ciphers are unknown',
      graph: g.domain({ name: 'half', minTlsVersion: g.set('1.1'), weakCiphers: g.unknown('var.ciphers') }),
      findings: [{ node: 'half', message: /accepts TLS 1\.1/ }],
    },
  ],
  unknown: [
    { name: 'security policy from an unresolved variable', graph: g.domain({ minTlsVersion: g.unknown('var.tls_policy') }) },
    {
      name: 'TLS 1.0 on the viewer side of a distribution whose enabled is not known',
      graph: g.viewer(g.unknown('var.enabled'), { name: 'dist', minTlsVersion: g.set('1.0'), securityPolicy: g.set('TLSv1'), ...strong }),
      message: /^`dist` accepts TLS 1\.0 \(security policy TLSv1\); but whether CDN dist is enabled is not known statically \(var\.enabled\)$/,
    },
    { name: 'TLS 1.2, ciphers from an unresolved variable', graph: g.domain({ minTlsVersion: g.set('1.2'), weakCiphers: g.unknown('var.triple_des') }) },
  ],
});

describe('GW-TLS-001 finding location', () => {
  it('points at the attribute that sets the version', () => {
    const graph = g.domain({ name: 'legacy', minTlsVersion: g.set('1.0') });
    const [result] = runPolicies(graph, [policy]);
    expect(result?.location).toMatchObject({ file: '/test/main.tf', line: 2 });
  });
});
