import policy from '../../../policies/encryption/backend-client-certificate';
import type { Attr } from '../../../src/graph/attr';
import type { ApiFlavor, BackendAttrs } from '../../../src/graph/kinds';
import { g, policyTester } from '../../helpers';

const publicHttp: Partial<BackendAttrs> = { type: g.set('http'), url: g.set('https://orders.example.com/{proxy}'), connection: g.byDefault('internet') };

/** An API of `flavor` with stage `prod` (client certificate `certificate`) whose routes call these backends. */
function api(certificate: Attr<boolean>, backends: Partial<BackendAttrs>[], flavor: ApiFlavor = 'rest') {
  return g.build((b) => {
    const rest = b.node('api', { name: 'orders', flavor });
    b.link(rest, 'api-has-stage', b.node('api.stage', { name: 'prod', clientCertificate: certificate }));
    backends.forEach((attrs, i) => {
      const operation = b.node('api.operation', { name: `route${i}` });
      b.link(rest, 'api-has-operation', operation);
      b.link(operation, 'operation-calls-backend', b.node('api.backend', { name: `backend${i}`, ...attrs }));
    });
  });
}

policyTester.run(policy, {
  valid: [
    { name: 'a client certificate on a stage calling a public HTTP backend', graph: api(g.set(true), [publicHttp]) },
    { name: 'Lambda and AWS service backends only', graph: api(g.byDefault(false), [{ type: g.set('lambda') }, { type: g.set('aws-service'), connection: g.byDefault('internet') }]) },
    { name: 'a mock integration', graph: api(g.byDefault(false), [{ type: g.set('mock') }]) },
    { name: 'an HTTP backend over a VPC link', graph: api(g.byDefault(false), [{ ...publicHttp, connection: g.set('vpc-link') }]) },
    { name: 'an HTTP API, which cannot present one', graph: api(g.byDefault(false), [publicHttp], 'http') },
    { name: 'a WebSocket API stage with a client certificate', graph: api(g.set(true), [publicHttp], 'websocket') },
    { name: 'a stage whose API is not in the scan', graph: g.stage({ name: 'orphan', clientCertificate: g.byDefault(false) }) },
    { name: 'no routes at all', graph: api(g.byDefault(false), []) },
    {
      name: 'a plain-HTTP backend: no TLS handshake to present a certificate in (GW-TLS-003 reports the backend)',
      graph: api(g.byDefault(false), [{ ...publicHttp, url: g.set('http://orders.example.com/'), usesTls: g.set(false) }]),
    },
  ],
  invalid: [
    {
      name: 'a public HTTP backend and no client certificate',
      graph: api(g.byDefault(false), [publicHttp, { type: g.set('lambda') }]),
      findings: [{ node: 'prod', message: /^Stage prod calls backend0 \(https:\/\/orders\.example\.com\/\{proxy\}\) over the internet without presenting a client certificate/, severity: 'low' }],
    },
    {
      name: 'a WebSocket API stage without one',
      graph: api(g.byDefault(false), [publicHttp], 'websocket'),
      findings: [{ node: 'prod', message: /calls backend0 .* without presenting a client certificate/ }],
    },
    {
      name: 'several public HTTP backends are one finding on the stage',
      graph: api(g.set(false), [publicHttp, { ...publicHttp, url: g.set('https://billing.example.com') }, { ...publicHttp, url: g.unknown('var.url') }]),
      findings: [{ node: 'prod', message: /calls backend0 \(https:\/\/orders\.example\.com\/\{proxy\}\) and 2 other HTTP backends over the internet/ }],
    },
  ],
  unknown: [
    { name: 'whether the stage presents a certificate is not known', graph: api(g.unknown('var.certificate'), [publicHttp]) },
    { name: 'whether the backend is on the internet is not known', graph: api(g.byDefault(false), [{ ...publicHttp, connection: g.unknown('var.connection') }]) },
    { name: 'the backend type is not known', graph: api(g.byDefault(false), [{ type: g.unknown('var.type'), connection: g.byDefault('internet') }]) },
  ],
});
