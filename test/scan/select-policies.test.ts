import { definePolicy, pass } from '../../src/engine/policy';
import { UsageError } from '../../src/errors';
import { findPolicy, selectPolicies } from '../../src/scan/select-policies';

function policy(id: string, slug: string, aliases?: string[]) {
  return definePolicy({
    id, slug, title: `Test ${slug}`, severity: 'high', category: 'encryption', control: 'tls-version', owasp: [], target: 'api.domain',
    rationale: 'test', remediation: {}, references: [], ...(aliases && { aliases }), evaluate: () => pass(),
  });
}

const tls = policy('GW-TLS-001', 'tls-version', ['GW-TLS-900']);
const https = policy('GW-TLS-002', 'https-only');
const all = [tls, https];

describe('policy selection', () => {
  it.each([
    ['GW-TLS-001', tls], ['gw-tls-001', tls], ['GW-TLS-900', tls], ['encryption/tls-version', tls], ['tls-version', tls],
    ['https-only', https], ['GW-TLS-003', undefined], ['authentication/tls-version', undefined],
  ])('finds %s', (ref, expected) => {
    expect(findPolicy(all, ref)).toBe(expected);
  });

  it('runs everything by default, only the named ones with --policy, minus --skip-policy', () => {
    expect(selectPolicies(all, {})).toEqual(all);
    expect(selectPolicies(all, { only: ['encryption/https-only'] })).toEqual([https]);
    expect(selectPolicies(all, { skip: ['GW-TLS-900'] })).toEqual([https]);
    expect(selectPolicies(all, { only: ['GW-TLS-001'], skip: ['tls-version'] })).toEqual([]);
  });

  it('rejects a name that matches no policy instead of running nothing', () => {
    expect(() => selectPolicies(all, { only: ['GW-NOPE-001'] })).toThrow(UsageError);
    expect(() => selectPolicies(all, { skip: ['nope'] })).toThrow('unknown policy "nope"');
  });
});
