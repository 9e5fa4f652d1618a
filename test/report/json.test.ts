import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildReport, formatters } from '../../src/report';
import { jsonReportSchema } from '../../src/report/json-schema';
import { CWD, logPolicy, sampleResult, tlsPolicy } from './sample-result';

const packageVersion = (JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;

describe('json formatter', () => {
  const report = buildReport(sampleResult(), { cwd: CWD });
  const json: unknown = JSON.parse(formatters.json(report, { color: true, failOn: 'high' }));

  it('matches the version 1 schema', () => {
    const parsed = jsonReportSchema.safeParse(json);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('has the documented top-level shape', () => {
    const parsed = jsonReportSchema.parse(json);
    expect(parsed.version).toBe('1');
    expect(parsed.tool).toEqual({ name: 'gatewarden', version: packageVersion });
    expect(parsed.summary).toEqual({
      bySeverity: { critical: 0, high: 1, medium: 2, low: 0, info: 0 }, total: 3, suppressed: 0, unknown: 0, errors: 2, warnings: 1, filesScanned: 6,
    });
    expect(parsed.findings.map((f) => `${'file' in f.location ? `${f.location.file}:${f.location.line ?? ''}` : f.location.id} ${f.policy}`)).toEqual([
      'a/stage.tf:7 GW-LOG-001',
      'z/domains.tf:12 GW-TLS-001',
      'arn:aws:apigateway:eu-west-1::/restapis/a1/stages/live GW-LOG-001',
    ]);
    expect(parsed.errors.map((e) => [e.kind, e.severity, e.file, e.line])).toEqual([
      ['policy', 'error', 'a/api.tf', 1], ['input', 'error', 'broken.tf', 4], ['input', 'warning', 'empty.tf', undefined],
    ]);
  });

  it('never contains colour codes, whatever the context', () => {
    expect(formatters.json(report, { color: true, failOn: 'high' })).not.toMatch(/\u001b\[/);
  });

  it('stays valid with unknown results listed', () => {
    const withUnknown = buildReport(sampleResult([tlsPolicy, logPolicy]), { cwd: CWD, reportUnknown: true });
    const parsed = jsonReportSchema.parse(JSON.parse(formatters.json(withUnknown, { color: false, failOn: 'high' })));
    expect(parsed.findings.filter((f) => f.status === 'unknown').map((f) => f.severity)).toEqual(['info']);
  });

  it('has a schema that rejects drift: unknown fields, missing fields, bad severities', () => {
    const valid = jsonReportSchema.parse(json);
    const finding = valid.findings[0];
    if (!finding) throw new Error('sample has findings');
    expect(jsonReportSchema.safeParse({ ...valid, extra: 1 }).success).toBe(false);
    expect(jsonReportSchema.safeParse({ ...valid, findings: [{ ...finding, severity: 'severe' }] }).success).toBe(false);
    const withoutMessage: Record<string, unknown> = { ...finding };
    delete withoutMessage.message;
    expect(jsonReportSchema.safeParse({ ...valid, findings: [withoutMessage] }).success).toBe(false);
    expect(jsonReportSchema.safeParse({ ...valid, findings: [{ ...finding, location: { file: 'a.tf', line: 0 } }] }).success).toBe(false);
  });
});
