import policy from '../../../policies/key-management/api-key-scope';
import { g, policyTester } from '../../helpers';

policyTester.run(policy, {
  valid: [
    {
      name: 'key in a usage plan',
      graph: g.build((b) => {
        const key = b.node('api.key', { enabled: g.set(true), scope: g.set('usage-plans') });
        b.link(key, 'key-in-plan', b.node('api.usage-plan', { name: 'gold' }));
      }),
    },
    { name: 'disabled key in no plan', graph: g.key({ enabled: g.set(false), scope: g.set('usage-plans') }) },
    { name: 'APIM subscription scoped to a product', graph: g.key({ enabled: g.set(true), scope: g.set('product') }) },
    { name: 'APIM subscription scoped to an API', graph: g.key({ enabled: g.set(true), scope: g.set('api') }) },
    { name: 'secret held by the gateway (no scope)', graph: g.key({ enabled: g.set(true) }) },
    { name: 'used key where last use is recorded', graph: g.key({ enabled: g.set(true), scope: g.set('product'), lastUsedAt: g.set('2025-05-30T10:00:00Z') }) },
  ],
  invalid: [
    {
      name: 'enabled key in no usage plan',
      graph: g.key({ name: 'legacy', enabled: g.set(true), scope: g.set('usage-plans') }),
      findings: [{ node: 'legacy', message: /`legacy` is enabled but in no usage plan/ }],
    },
    {
      name: 'key whose plan membership names something else',
      graph: g.build((b) => {
        const key = b.node('api.key', { name: 'orphan', enabled: g.byDefault(true), scope: g.set('usage-plans') });
        b.link(key, 'key-in-plan', b.node('api', { name: 'not-a-plan' }));
      }),
      findings: [{ node: 'orphan', message: /in no usage plan/ }],
    },
    {
      name: 'enabled key never used, where last use is recorded',
      graph: g.key({ name: 'trial', enabled: g.set(true), scope: g.set('product'), lastUsedAt: g.set(null) }),
      findings: [{ node: 'trial', message: /`trial` is enabled but was never used/ }],
    },
    {
      name: 'both: in no plan and never used',
      graph: g.key({ name: 'stray', enabled: g.set(true), scope: g.set('usage-plans'), lastUsedAt: g.set(null) }),
      findings: [{ node: 'stray', message: /in no usage plan/ }, { node: 'stray', message: /never used/ }],
    },
  ],
  unknown: [
    { name: 'in no plan, enabled unknown', graph: g.key({ enabled: g.unknown('var.enabled'), scope: g.set('usage-plans') }) },
    { name: 'last use not readable', graph: g.key({ enabled: g.set(true), scope: g.set('product'), lastUsedAt: g.unknown('not read') }) },
  ],
});
