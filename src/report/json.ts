import type { JsonReport } from './json-schema';
import type { Formatter, Report } from './types';

/** The stable, versioned JSON report (docs/json-report.md). Built field by field so the contract does not follow internal renames. */
export const formatJson: Formatter = (report) => `${JSON.stringify(toJsonReport(report), null, 2)}\n`;

export function toJsonReport(report: Report): JsonReport {
  return {
    version: '1',
    tool: { name: report.tool.name, version: report.tool.version },
    findings: report.findings.map((f) => ({
      status: f.status,
      policy: f.policy,
      slug: f.slug,
      title: f.title,
      severity: f.severity,
      category: f.category,
      control: f.control,
      owasp: [...f.owasp],
      message: f.message,
      resource: { id: f.resource.id, type: f.resource.type, name: f.resource.name, provider: f.resource.provider },
      location: { ...f.location },
      remediation: f.remediation,
      suppressed: f.suppression !== undefined,
      ...(f.suppression !== undefined && {
        suppression: {
          kind: f.suppression.kind,
          reason: f.suppression.reason,
          ...(f.suppression.expires !== undefined && { expires: f.suppression.expires }),
        },
      }),
    })),
    errors: report.errors.map((e) => ({
      kind: e.kind,
      severity: e.severity,
      message: e.message,
      ...(e.file !== undefined && { file: e.file }),
      ...(e.line !== undefined && { line: e.line }),
      ...(e.location !== undefined && { location: { ...e.location } }),
      ...(e.operation !== undefined && { operation: e.operation }),
      ...(e.provider !== undefined && { provider: e.provider }),
      ...(e.policy !== undefined && { policy: e.policy }),
    })),
    summary: {
      bySeverity: { ...report.summary.bySeverity },
      total: report.summary.total,
      suppressed: report.summary.suppressed,
      unknown: report.summary.unknown,
      errors: report.summary.errors,
      warnings: report.summary.warnings,
      filesScanned: report.summary.filesScanned,
      ...(report.summary.audited && {
        audited: {
          cloud: report.summary.audited.cloud,
          accounts: [...report.summary.audited.accounts],
          regions: [...report.summary.audited.regions],
          apis: report.summary.audited.apis,
        },
      }),
    },
  };
}
