import { exitCodeFor } from '../../src/cli/exit-codes';
import { buildReport } from '../../src/report';
import { CWD, crashingPolicy, logPolicy, sampleResult, tlsPolicy } from '../report/sample-result';

/** The sample has a high and two medium findings, an input error (broken.tf) and, with crashingPolicy, a policy error. */
describe('exitCodeFor', () => {
  const withoutInputErrors = (policies = [tlsPolicy, logPolicy]) => {
    const result = sampleResult(policies);
    return buildReport({ ...result, diagnostics: result.diagnostics.filter((d) => d.severity !== 'error') }, { cwd: CWD, reportUnknown: true });
  };

  it.each([
    ['critical', 0], ['high', 1], ['medium', 1], ['low', 1], ['info', 1], ['none', 0],
  ] as const)('--fail-on %s → %i', (failOn, code) => {
    expect(exitCodeFor(withoutInputErrors(), { failOn, allowUnreadable: false })).toBe(code);
  });

  it('never fails on unknown results, even at --fail-on info', () => {
    const report = withoutInputErrors([tlsPolicy]);
    const onlyUnknown = { ...report, findings: report.findings.filter((f) => f.status === 'unknown') };
    expect(onlyUnknown.findings).toHaveLength(1);
    expect(exitCodeFor(onlyUnknown, { failOn: 'info', allowUnreadable: false })).toBe(0);
  });

  it('exits 2 on an input error unless --allow-unreadable, which then decides on findings', () => {
    const report = buildReport(sampleResult([tlsPolicy, logPolicy]), { cwd: CWD });
    expect(exitCodeFor(report, { failOn: 'none', allowUnreadable: false })).toBe(2);
    expect(exitCodeFor(report, { failOn: 'none', allowUnreadable: true })).toBe(0);
    expect(exitCodeFor(report, { failOn: 'high', allowUnreadable: true })).toBe(1);
  });

  it('a warning alone (an empty file) does not fail the run', () => {
    expect(exitCodeFor(withoutInputErrors([]), { failOn: 'info', allowUnreadable: false })).toBe(0);
  });

  it('exits 2 when a policy threw, --allow-unreadable or not', () => {
    const report = buildReport(sampleResult([crashingPolicy]), { cwd: CWD });
    expect(exitCodeFor(report, { failOn: 'none', allowUnreadable: true })).toBe(2);
  });
});
