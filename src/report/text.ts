import { createColors } from 'picocolors';
import { SEVERITIES, type Severity } from '../engine/policy';
import { failsBuild } from './fails-build';
import { remediationHint } from './remediation';
import { auditedPhrase } from './audited-phrase';
import { suppressionNote } from './suppression-note';
import { placeOf } from './place';
import type { FormatContext, Formatter, Report, ReportError, ReportFinding } from './types';

type Colors = ReturnType<typeof createColors>;

/** For people: findings grouped by file, each with `file:line`, severity, policy, message and a one-line fix; then errors and a summary. */
export const formatText: Formatter = (report, ctx) => {
  const c = createColors(ctx.color);
  const lines: string[] = [];
  for (const [group, findings] of groupByPlace(report.findings.filter((f) => f.suppression === undefined))) {
    lines.push(c.underline(group));
    for (const f of findings) lines.push(...findingLines(f, c));
    lines.push('');
  }
  const suppressed = report.findings.filter((f) => f.suppression !== undefined);
  if (suppressed.length > 0) {
    // Accepted risks stay visible, apart and dim, so that nobody mistakes them for open findings.
    lines.push(c.dim(`Suppressed (${suppressed.length})`));
    for (const f of suppressed) lines.push(c.dim(suppressedLine(f)));
    lines.push('');
  }
  if (report.errors.length > 0) {
    lines.push(c.bold(`Problems reading the input (${report.errors.length})`));
    for (const e of report.errors) lines.push(errorLine(e, c));
    lines.push('');
  }
  lines.push(summaryLine(report, ctx, c));
  return `${lines.join('\n')}\n`;
};

function groupByPlace(findings: readonly ReportFinding[]): Map<string, ReportFinding[]> {
  const groups = new Map<string, ReportFinding[]>();
  for (const f of findings) {
    const key = 'file' in f.location ? f.location.file : [f.location.cloud, f.location.account, f.location.region].filter((p) => p !== undefined).join(' ');
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  return groups;
}

function findingLines(f: ReportFinding, c: Colors): string[] {
  const label = f.status === 'unknown' ? c.dim('cannot verify') : paintSeverity(f.severity, c);
  const where = 'file' in f.location && f.location.line === undefined && f.location.address !== undefined
    ? `${placeOf(f.location)} (${f.location.address})`
    : placeOf(f.location);
  const lines = [`  ${where}  ${label}  ${c.bold(f.policy)}  ${f.message}`];
  if (f.remediation !== null) lines.push(`      ${c.dim('fix:')} ${remediationHint(f.remediation, f.resource.provider, { id: f.policy, title: f.title })}`);
  return lines;
}

function suppressedLine(f: ReportFinding): string {
  return `  ${placeOf(f.location)}  ${f.severity}  ${f.policy}  ${f.message}  [${suppressionNote(f.suppression)}]`;
}

function paintSeverity(severity: Severity, c: Colors): string {
  switch (severity) {
    case 'critical':
      return c.bold(c.red(severity));
    case 'high':
      return c.red(severity);
    case 'medium':
      return c.yellow(severity);
    case 'low':
      return c.cyan(severity);
    case 'info':
      return c.dim(severity);
  }
}

function errorLine(e: ReportError, c: Colors): string {
  const where = e.file !== undefined ? (e.line !== undefined ? `${e.file}:${e.line}` : e.file) : e.location ? placeOf(e.location) : '(no file)';
  const label = e.severity === 'error' ? c.red('error') : e.severity === 'warning' ? c.yellow('warning') : c.dim('notice');
  const origin = e.policy !== undefined ? ` ${c.bold(e.policy)}` : '';
  return `  ${where}  ${label}${origin}  ${e.message}`;
}

function summaryLine(report: Report, ctx: FormatContext, c: Colors): string {
  const s = report.summary;
  const files = s.audited ? auditedPhrase(s.audited) : `${s.filesScanned} ${plural(s.filesScanned, 'file')} scanned`;
  const problems = [
    ...(s.errors > 0 ? [c.red(`${s.errors} ${plural(s.errors, 'error')}`)] : []),
    ...(s.warnings > 0 ? [c.yellow(`${s.warnings} ${plural(s.warnings, 'warning')}`)] : []),
    ...(s.unknown > 0 ? [`${s.unknown} not verifiable`] : []),
    ...(s.suppressed > 0 ? [`${s.suppressed} suppressed`] : []),
  ];
  const tail = problems.length > 0 ? `; ${problems.join(', ')}` : '';
  if (s.total === 0) return `${c.green('No findings')} in ${files}${tail}.`;
  const counts = SEVERITIES.filter((sev) => s.bySeverity[sev] > 0).map((sev) => `${s.bySeverity[sev]} ${sev}`).join(', ');
  const failOn = ctx.failOn;
  const threshold = failOn === 'none'
    ? ''
    : ` ${report.findings.filter((f) => failsBuild(f, failOn)).length} at or above ${failOn}.`;
  return `${c.bold(`${s.total} ${plural(s.total, 'finding')}`)} (${counts}) in ${files}${tail}.${threshold}`;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
