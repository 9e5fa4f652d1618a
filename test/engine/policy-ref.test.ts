import { builtinPolicies } from '../../policies';
import { levenshtein, nearestPolicyName } from '../../src/engine/policy-ref';

describe('nearest policy name', () => {
  it('computes edit distances', () => {
    expect([levenshtein('', 'abc'), levenshtein('kitten', 'sitting'), levenshtein('same', 'same')]).toEqual([3, 3, 0]);
  });

  it.each([
    ['GW-TLS-01', 'GW-TLS-001'],
    ['gw-tls-0001', 'GW-TLS-001'],
    ['tls-verison', 'tls-version'],
    ['encryption/tls-versoin', 'encryption/tls-version'],
  ])('suggests %s → %s', (typo, expected) => {
    expect(nearestPolicyName(builtinPolicies, typo)).toBe(expected);
  });

  it('suggests nothing for a name that is not a typo of any policy', () => {
    expect(nearestPolicyName(builtinPolicies, 'GW-NOPE-001')).toBeUndefined();
    expect(nearestPolicyName(builtinPolicies, 'something-else-entirely')).toBeUndefined();
  });
});
