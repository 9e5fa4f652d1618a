import { buildReport, formatters } from '../../src/report';
import { formatJobSummary } from '../../src/report/job-summary';
import { jsonReportSchema } from '../../src/report/json-schema';
import { CWD, sampleResult } from './sample-result';

/** A live audit reads accounts, regions and APIs, not files: every summary says so through `summary.audited`. */
describe('summaries of a live audit', () => {
  const audited = { cloud: 'aws' as const, accounts: ['111111111111', '222222222222'], regions: ['eu-west-1', 'us-east-1'], apis: 7 };
  const report = buildReport({ ...sampleResult(), filesScanned: 0, audited }, { cwd: CWD });
  const ctx = { color: false, failOn: 'high' as const };

  it('carries what was audited in the report summary and the JSON contract', () => {
    expect(report.summary.audited).toEqual(audited);
    const json = jsonReportSchema.parse(JSON.parse(formatters.json(report, ctx)));
    expect(json.summary).toMatchObject({ filesScanned: 0, audited });
  });

  it('says what was audited in the text summary line, not "0 files scanned"', () => {
    const text = formatters.text(report, ctx);
    expect(text).toMatch(/ in 7 APIs audited across 2 accounts \(111111111111, 222222222222\) and 2 regions \(eu-west-1, us-east-1\);/);
    expect(text).not.toContain('files scanned');
  });

  it('says it in Markdown and the job summary too', () => {
    expect(formatters.markdown(report, ctx).split('\n')[0]).toMatch(/^\*\*gatewarden\*\*: 3 findings in 7 APIs audited across 2 accounts .* and 2 regions .*, 1 at or above `high`/);
    const summary = formatJobSummary(report, ctx);
    expect(summary).toContain('| suppressed | not verifiable | APIs audited |');
    expect(summary).toContain('Audited: 7 APIs audited across 2 accounts (111111111111, 222222222222) and 2 regions (eu-west-1, us-east-1).');
  });

  it('counts an organization\'s accounts instead of listing them all', () => {
    const many = Array.from({ length: 40 }, (_, i) => String(100000000000 + i));
    const big = buildReport({ ...sampleResult(), filesScanned: 0, audited: { ...audited, accounts: many } }, { cwd: CWD });
    expect(formatters.text(big, ctx)).toMatch(/ in 7 APIs audited across 40 accounts and 2 regions \(eu-west-1, us-east-1\);/);
  });

  it('keeps "files scanned" for a scan', () => {
    expect(formatters.text(buildReport(sampleResult(), { cwd: CWD }), ctx)).toMatch(/in 6 files scanned/);
  });
});
