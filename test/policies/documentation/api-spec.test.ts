import policy from '../../../policies/documentation/api-spec';
import { g, policyTester } from '../../helpers';

policyTester.run(policy, {
  valid: [
    { name: 'REST API with an OpenAPI body', graph: g.api({ hasSpec: g.set(true) }) },
    { name: 'WebSocket API without spec', graph: g.api({ flavor: 'websocket', hasSpec: g.byDefault(false) }) },
  ],
  invalid: [
    { name: 'no spec, no routes', graph: g.api({ name: 'orders', hasSpec: g.byDefault(false) }), findings: [{ node: 'orders', message: /^API orders is not described by an API specification: import it/ }] },
    {
      name: 'no spec, routes defined one by one',
      graph: g.build((b) => {
        const api = b.node('api', { name: 'orders', hasSpec: g.byDefault(false) });
        b.link(api, 'api-has-operation', b.node('api.operation', { name: 'a' }));
        b.link(api, 'api-has-operation', b.node('api.operation', { name: 'b' }));
      }),
      findings: [{ node: 'orders', message: /its 2 routes are defined one by one/ }],
    },
  ],
  unknown: [{ name: 'spec presence unknown', graph: g.api({ hasSpec: g.unknown('computed') }) }],
});
