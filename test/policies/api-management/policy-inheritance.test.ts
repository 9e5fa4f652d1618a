import policy from '../../../policies/api-management/policy-inheritance';
import { g, policyTester } from '../../helpers';

policyTester.run(policy, {
  valid: [
    { name: 'no override (documented default for platforms without policy scopes)', graph: g.api({ name: 'orders', policyOverrides: g.byDefault([]) }) },
    { name: 'policies checked and none drops anything', graph: g.api({ name: 'orders', policyOverrides: g.set([]) }) },
  ],
  invalid: [
    {
      name: 'API policy without base drops the service token validation',
      graph: g.api({ name: 'orders', policyOverrides: g.set([{ scope: 'API orders', section: 'inbound', dropped: ['validate-jwt (service apim)'] }]) }),
      findings: [{ node: 'orders', message: /inbound policy of API orders does not include the inherited policies, so validate-jwt \(service apim\) no longer runs/ }],
    },
    {
      name: 'one finding per overriding scope and section',
      graph: g.api({
        name: 'orders',
        policyOverrides: g.set([
          { scope: 'API orders', section: 'inbound', dropped: ['ip-filter (service apim)', 'rate-limit (product gold)'] },
          { scope: 'operation get-order', section: 'outbound', dropped: ['set-header (API orders)'] },
        ]),
      }),
      findings: [
        { node: 'orders', message: /ip-filter \(service apim\), rate-limit \(product gold\) no longer run$/ },
        { node: 'orders', message: /outbound policy of operation get-order/ },
      ],
    },
    {
      name: 'a product policy without base drops the service policies for the calls through that product',
      graph: g.api({ name: 'send', policyOverrides: g.set([{ scope: 'product rtp', section: 'inbound', dropped: ['ip-filter (service apim)', 'validate-jwt (service apim)'] }]) }),
      findings: [{ node: 'send', message: /^`send`: the inbound policy of product rtp does not include the inherited policies, so ip-filter \(service apim\), validate-jwt \(service apim\) no longer run$/ }],
    },
  ],
  unknown: [{ name: 'policy content unknown', graph: g.api({ name: 'orders', policyOverrides: g.unknown('xml_link') }) }],
});
