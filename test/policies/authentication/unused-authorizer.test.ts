import policy from '../../../policies/authentication/unused-authorizer';
import { g, policyTester } from '../../helpers';

policyTester.run(policy, {
  valid: [
    {
      name: 'authorizer used by a route of a complete API',
      graph: g.build((b) => {
        const api = b.node('api', { name: 'orders', operationsComplete: g.set(true) });
        const authorizer = b.node('api.authorizer', { name: 'customers' });
        const route = b.node('api.operation', { name: 'orders' });
        b.link(api, 'api-has-authorizer', authorizer).link(api, 'api-has-operation', route).link(route, 'operation-uses-authorizer', authorizer);
      }),
    },
    {
      name: 'unused, but routes may be declared elsewhere (attribute absent: code)',
      graph: g.build((b) => {
        const api = b.node('api', { name: 'orders' });
        b.link(api, 'api-has-authorizer', b.node('api.authorizer', { name: 'customers' }));
      }),
    },
    { name: 'authorizer whose API is not in the graph', graph: g.authorizer({ name: 'lonely' }) },
    {
      name: 'API that says its routes are not all known',
      graph: g.build((b) => {
        const api = b.node('api', { name: 'orders', operationsComplete: g.set(false) });
        b.link(api, 'api-has-authorizer', b.node('api.authorizer', { name: 'customers' }));
      }),
    },
  ],
  invalid: [
    {
      name: 'no route of a complete API uses it',
      graph: g.build((b) => {
        const api = b.node('api', { name: 'orders', operationsComplete: g.set(true) });
        const used = b.node('api.authorizer', { name: 'customers' });
        const route = b.node('api.operation', { name: 'orders' });
        b.link(api, 'api-has-authorizer', used).link(api, 'api-has-operation', route).link(route, 'operation-uses-authorizer', used);
        b.link(api, 'api-has-authorizer', b.node('api.authorizer', { name: 'partners' }));
      }),
      findings: [{ node: 'partners', message: /Authorizer partners of orders is used by no route/ }],
    },
  ],
  unknown: [
    {
      name: 'routes could not be read',
      graph: g.build((b) => {
        const api = b.node('api', { name: 'orders', operationsComplete: g.unknown('the routes of the API could not be read') });
        b.link(api, 'api-has-authorizer', b.node('api.authorizer', { name: 'customers' }));
      }),
    },
  ],
});
