import policy from '../../../policies/encryption/tls-version';
import { parsePolicyOptions, runPolicies } from '../../../src/engine/run';
import { g } from '../../helpers';

const strong = { weakCiphers: g.byDefault<readonly string[]>([]) };
const tls12 = g.domain({ name: 'api', minTlsVersion: g.set('1.2'), securityPolicy: g.set('TLS_1_2'), ...strong });

function failures(options?: unknown): string[] {
  const policyOptions = options === undefined ? undefined : new Map([[policy.id, options]]);
  return runPolicies(tls12, [policy], policyOptions ? { policyOptions } : {}).filter((r) => r.status === 'fail').map((r) => r.message);
}

function parsed(input: unknown): unknown {
  const result = parsePolicyOptions(policy, input);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('; '));
  return result.value;
}

describe('GW-TLS-001 minimumVersion option', () => {
  it('defaults to TLS 1.2', () => {
    expect(parsed({})).toEqual({ minimumVersion: '1.2' });
    expect(failures()).toEqual([]);
  });

  it('set to 1.3, fails a TLS 1.2 endpoint and says the minimum is configured', () => {
    expect(failures(parsed({ minimumVersion: '1.3' }))).toEqual(['`api` accepts TLS 1.2 (security policy TLS_1_2); the configured minimum is TLS 1.3']);
  });

  it('reads an unquoted YAML number as the version it spells', () => {
    expect(parsed({ minimumVersion: 1.3 })).toEqual({ minimumVersion: '1.3' });
    expect(parsed({ minimumVersion: 1 })).toEqual({ minimumVersion: '1.0' });
  });

  it('rejects versions that do not exist and unknown keys', () => {
    expect(parsePolicyOptions(policy, { minimumVersion: '2.0' })).toMatchObject({ ok: false, issues: [{ path: ['minimumVersion'] }] });
    expect(parsePolicyOptions(policy, { minimum: '1.3' })).toMatchObject({ ok: false, issues: [{ path: ['minimum'], message: 'GW-TLS-001 has no option "minimum"' }] });
  });
});
