import { buildReport } from '../../src/report';
import { CWD, sampleResult } from './sample-result';

describe('buildReport', () => {
  const report = buildReport(sampleResult(), { cwd: CWD });

  it('lists failures sorted by file, line and policy, with paths relative to the working directory', () => {
    expect(report.findings.map((f) => [f.policy, f.message, f.location])).toEqual([
      ['GW-LOG-001', '`prod` writes no access logs', { file: 'a/stage.tf', line: 7, endLine: 11 }],
      ['GW-TLS-001', '`legacy` accepts TLS 1.0', { file: 'z/domains.tf', line: 12, endLine: 16 }],
      ['GW-LOG-001', '`live` writes no access logs', { cloud: 'aws', id: 'arn:aws:apigateway:eu-west-1::/restapis/a1/stages/live', region: 'eu-west-1' }],
    ]);
  });

  it('carries the policy metadata, the resource and the remediation for the resource provider', () => {
    expect(report.findings[1]).toEqual({
      status: 'fail', policy: 'GW-TLS-001', slug: 'tls-version', title: 'Custom domains require TLS 1.2 or newer', severity: 'high',
      category: 'encryption', control: 'tls-version', owasp: ['API8:2023'], message: '`legacy` accepts TLS 1.0',
      resource: { id: 'test:api.domain:legacy', type: 'test_api.domain', name: 'legacy', provider: 'terraform' },
      location: { file: 'z/domains.tf', line: 12, endLine: 16 },
      remediation: 'resource "aws_api_gateway_domain_name" "api" {\n  security_policy = "TLS_1_2"\n}',
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown,
    });
    // The live stage is an `aws` node and the policy has no AWS remediation.
    expect(report.findings[2]?.remediation).toBeNull();
  });

  it('turns a policy that threw into an error, and input diagnostics into errors, errors first, then by file', () => {
    expect(report.errors).toEqual([
      { kind: 'policy', severity: 'error', file: 'a/api.tf', line: 1, message: 'GW-BUG-001 failed on payments: boom', provider: 'terraform', policy: 'GW-BUG-001' },
      { kind: 'input', severity: 'error', file: 'broken.tf', line: 4, message: 'syntax error: unexpected "}"', provider: 'terraform' },
      { kind: 'input', severity: 'warning', file: 'empty.tf', message: 'empty file, nothing to check', provider: 'terraform' },
    ]);
  });

  it('counts findings by severity, errors, warnings and files', () => {
    expect(report.summary).toEqual({
      bySeverity: { critical: 0, high: 1, medium: 2, low: 0, info: 0 }, total: 3, suppressed: 0, unknown: 0, errors: 2, warnings: 1, filesScanned: 6,
    });
  });

  it('lists unknown results only when asked, as info, not counted as failures', () => {
    expect(report.findings.some((f) => f.status === 'unknown')).toBe(false);
    const withUnknown = buildReport(sampleResult(), { cwd: CWD, reportUnknown: true });
    const unknowns = withUnknown.findings.filter((f) => f.status === 'unknown');
    expect(unknowns.map((f) => [f.policy, f.severity, f.message, f.location])).toEqual([
      ['GW-TLS-001', 'info', '`varied`: TLS version not known (var.tls)', { file: 'a/vars.tf', line: 3, endLine: 7 }],
    ]);
    expect(withUnknown.findings[1]).toBe(unknowns[0]); // a/stage.tf < a/vars.tf < z/domains.tf
    expect(withUnknown.summary.total).toBe(3);
    expect(withUnknown.summary.unknown).toBe(1);
  });
});
