import { buildReport, formatters } from '../../src/report';
import { CWD, logPolicy, sampleResult, tlsPolicy } from './sample-result';

const ANSI = /\u001b\[/;

describe('text formatter', () => {
  const report = buildReport(sampleResult(), { cwd: CWD });
  const text = formatters.text(report, { color: false, failOn: 'high' });
  const lines = text.split('\n');

  it('groups findings by file, each with file:line, severity, policy ID and message', () => {
    const stage = lines.indexOf('a/stage.tf');
    const domains = lines.indexOf('z/domains.tf');
    expect(stage).toBeGreaterThanOrEqual(0);
    expect(domains).toBeGreaterThan(stage);
    expect(lines[stage + 1]).toBe('  a/stage.tf:7  medium  GW-LOG-001  `prod` writes no access logs');
    expect(lines[domains + 1]).toBe('  z/domains.tf:12  high  GW-TLS-001  `legacy` accepts TLS 1.0');
    expect(text).toContain('  arn:aws:apigateway:eu-west-1::/restapis/a1/stages/live  medium  GW-LOG-001  `live` writes no access logs');
  });

  it('adds a one-line remediation hint for the resource provider', () => {
    const domains = lines.indexOf('z/domains.tf');
    // A code snippet does not fit one line: the desired state and where to read the full example.
    expect(lines[domains + 2]).toBe('      fix: Custom domains require TLS 1.2 or newer; Terraform example: gatewarden policies show GW-TLS-001');
    expect(lines[lines.indexOf('a/stage.tf') + 2]).toBe('      fix: Add an access_log_settings block to the stage.');
  });

  it('lists input and policy errors with file:line and reason', () => {
    expect(text).toContain('Problems reading the input (3)');
    expect(text).toContain('  broken.tf:4  error  syntax error: unexpected "}"');
    expect(text).toContain('  a/api.tf:1  error GW-BUG-001  GW-BUG-001 failed on payments: boom');
    expect(text).toContain('  empty.tf  warning  empty file, nothing to check');
  });

  it('ends with a summary: counts by severity, files scanned, errors, and how many reach the threshold', () => {
    expect(lines.at(-2)).toBe('3 findings (1 high, 2 medium) in 6 files scanned; 2 errors, 1 warning. 1 at or above high.');
    expect(lines.at(-1)).toBe('');
    const medium = formatters.text(report, { color: false, failOn: 'medium' });
    expect(medium).toContain('3 at or above medium.');
    expect(formatters.text(report, { color: false, failOn: 'none' })).not.toContain('at or above');
  });

  it('says so when there is nothing to report', () => {
    const clean = buildReport(sampleResult([]), { cwd: CWD });
    expect(formatters.text(clean, { color: false, failOn: 'high' })).toMatch(/^No findings in 6 files scanned; 1 error, 1 warning\.$/m);
  });

  it('marks unknown results as not verifiable when they are listed', () => {
    const withUnknown = buildReport(sampleResult([tlsPolicy, logPolicy]), { cwd: CWD, reportUnknown: true });
    const out = formatters.text(withUnknown, { color: false, failOn: 'high' });
    expect(out).toContain('  a/vars.tf:3  cannot verify  GW-TLS-001  `varied`: TLS version not known (var.tls)');
    expect(out).toContain('1 not verifiable');
  });

  it('uses colour only when the context asks for it', () => {
    expect(text).not.toMatch(ANSI);
    const coloured = formatters.text(report, { color: true, failOn: 'high' });
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(text);
  });
});
