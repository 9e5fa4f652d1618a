import policy from '../../../policies/key-management/api-key-rotation';
import { g, policyTester } from '../../helpers';

const now = new Date('2025-06-01T00:00:00Z');

policyTester.run(policy, {
  now,
  valid: [
    { name: 'created 30 days ago', graph: g.key({ enabled: g.set(true), createdAt: g.set('2025-05-02T00:00:00Z') }) },
    { name: 'exactly 90 days old', graph: g.key({ enabled: g.set(true), createdAt: g.set('2025-03-03T00:00:00Z') }) },
    { name: 'old but disabled', graph: g.key({ enabled: g.set(false), createdAt: g.set('2019-01-01T00:00:00Z') }) },
    { name: 'disabled, age unknown', graph: g.key({ enabled: g.set(false), createdAt: g.unknown('known only for a deployed key') }) },
  ],
  invalid: [
    {
      name: 'enabled key older than 90 days',
      graph: g.key({ name: 'partner', enabled: g.set(true), createdAt: g.set('2024-01-01T00:00:00.000Z') }),
      findings: [{ node: 'partner', message: /`partner` was created 517 days ago \(2024-01-01\), more than the 90-day rotation window/ }],
    },
    {
      name: '91 days old, enabled by default',
      graph: g.key({ name: 'mobile', enabled: g.byDefault(true), createdAt: g.set('2025-03-02T00:00:00Z') }),
      findings: [{ node: 'mobile', message: /created 91 days ago/ }],
    },
  ],
  unknown: [
    { name: 'key from code: no creation date', graph: g.key({ enabled: g.set(true), createdAt: g.unknown('known only for a deployed key') }) },
    { name: 'no date recorded', graph: g.key({ enabled: g.set(true), createdAt: g.set(null) }) },
    { name: 'old key, enabled unknown', graph: g.key({ enabled: g.unknown('var.enabled'), createdAt: g.set('2020-01-01T00:00:00Z') }) },
  ],
});

describe('GW-KEY-002 options', () => {
  policyTester.run(policy, {
    now,
    options: { maxAgeDays: 30 },
    valid: [{ name: '30-day window, 20 days old', graph: g.key({ enabled: g.set(true), createdAt: g.set('2025-05-12T00:00:00Z') }) }],
    invalid: [{
      name: '30-day window, 60 days old',
      graph: g.key({ name: 'ci', enabled: g.set(true), createdAt: g.set('2025-04-02T00:00:00Z') }),
      findings: [{ node: 'ci', message: /60 days ago \(2025-04-02\), more than the 30-day rotation window/ }],
    }],
    unknown: [{ name: '30-day window, key from code', graph: g.key({ enabled: g.set(true), createdAt: g.unknown('known only for a deployed key') }) }],
  });

  it('rejects a window that is not a positive whole number of days', () => {
    const schema = policy.options;
    expect(schema?.safeParse({ maxAgeDays: 0 }).success).toBe(false);
    expect(schema?.safeParse({ maxAgeDays: 1.5 }).success).toBe(false);
    expect(schema?.safeParse({ maxAge: 10 }).success).toBe(false);
    expect(schema?.safeParse({}).data).toEqual({ maxAgeDays: 90 });
  });
});
