import policy from '../../../policies/data-exposure/cache-encryption';
import { g, policyTester } from '../../helpers';

policyTester.run(policy, {
  valid: [
    { name: 'no cache (encryption unknown does not matter)', graph: g.stage({ cacheEnabled: g.byDefault(false) }) },
    { name: 'no cache, encryption off', graph: g.stage({ cacheEnabled: g.set(false), cacheEncrypted: g.byDefault(false) }) },
    { name: 'encrypted cache', graph: g.stage({ cacheEnabled: g.set(true), cacheEncrypted: g.set(true) }) },
  ],
  invalid: [
    {
      name: 'cache enabled, encryption off explicitly',
      graph: g.stage({ name: 'prod', cacheEnabled: g.set(true), cacheEncrypted: g.set(false) }),
      findings: [{ node: 'prod', message: /^`prod` caches responses unencrypted/, severity: 'medium' }],
    },
    {
      name: 'cache enabled, no method settings: unencrypted by default',
      graph: g.stage({ name: 'prod', cacheEnabled: g.set(true), cacheEncrypted: g.byDefault(false) }),
      findings: [{ node: 'prod', message: /caches responses unencrypted/ }],
    },
  ],
  unknown: [
    { name: 'cache enabled from a variable', graph: g.stage({ cacheEnabled: g.unknown('var.cache'), cacheEncrypted: g.set(false) }) },
    { name: 'cache on, encryption from a variable', graph: g.stage({ cacheEnabled: g.set(true), cacheEncrypted: g.unknown('var.encrypt') }) },
  ],
});
