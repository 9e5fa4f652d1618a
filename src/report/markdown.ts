import { SEVERITIES } from '../engine/policy';
import { auditedPhrase } from './audited-phrase';
import { CODE_LANGUAGE } from './catalog';
import { failsBuild, isOpen } from './fails-build';
import { mdCell, mdCode, mdPlace, mdText } from './markdown-text';
import { PROVIDER_LABELS } from './provider-labels';
import { looksLikeCode } from './remediation';
import { suppressionNote } from './suppression-note';
import type { Formatter, ReportFinding } from './types';

/**
 * Markdown for pull-request comments: a summary line, counts by severity, then one collapsible entry per finding
 * (most severe first) with its remediation. Text from scanned files is escaped (src/report/markdown-text.ts).
 */
export const formatMarkdown: Formatter = (report, ctx) => {
  const open = report.findings.filter(isOpen);
  const failing = open.filter((f) => failsBuild(f, ctx.failOn));
  const suppressed = report.findings.filter((f) => f.suppression !== undefined);
  const unknown = report.findings.filter((f) => f.status === 'unknown' && f.suppression === undefined);
  const out: string[] = [];

  const audited = report.summary.audited;
  const scope = audited ? mdText(auditedPhrase(audited)) : `${report.summary.filesScanned} ${report.summary.filesScanned === 1 ? 'file' : 'files'}`;
  const summary = open.length === 0
    ? `**gatewarden**: no findings in ${scope}.`
    : `**gatewarden**: ${open.length} ${open.length === 1 ? 'finding' : 'findings'} in ${scope}, ${failing.length} at or above \`${ctx.failOn}\` (these fail the build).`;
  out.push(summary, '');

  if (open.length > 0) {
    out.push('| Severity | Findings |', '| --- | ---: |');
    for (const s of SEVERITIES) {
      const n = open.filter((f) => f.severity === s).length;
      if (n > 0) out.push(`| ${s} | ${n} |`);
    }
    out.push('');
    for (const s of SEVERITIES) {
      const group = open.filter((f) => f.severity === s);
      if (group.length === 0) continue;
      out.push(`#### ${s} (${group.length})`, '');
      for (const f of group) out.push(...details(f));
    }
  }
  if (unknown.length > 0) {
    out.push(`<details><summary>Not verifiable (${unknown.length})</summary>`, '');
    for (const f of unknown) out.push(`- ${f.policy} ${mdPlace(f.location)}: ${mdText(f.message)}`);
    out.push('', '</details>', '');
  }
  if (suppressed.length > 0) {
    out.push(`<details><summary>Suppressed (${suppressed.length})</summary>`, '', '| Policy | Location | Finding | Suppression |', '| --- | --- | --- | --- |');
    for (const f of suppressed) {
      out.push(`| ${f.policy} | ${mdPlace(f.location, true)} | ${mdCell(f.message)} | ${mdCell(suppressionNote(f.suppression))} |`);
    }
    out.push('', '</details>', '');
  }
  if (report.errors.length > 0) {
    out.push(`<details><summary>Problems reading the input (${report.errors.length})</summary>`, '');
    for (const e of report.errors) {
      const where = e.file !== undefined ? mdPlace({ file: e.file, ...(e.line !== undefined && { line: e.line }) }) : e.location ? mdPlace(e.location) : '';
      out.push(`- ${e.severity} ${where} ${mdText(e.message)}`.replace(/ {2,}/g, ' '));
    }
    out.push('', '</details>', '');
  }
  return `${out.join('\n').trimEnd()}\n`;
};

function details(f: ReportFinding): string[] {
  const lines = [
    `<details><summary><b>${f.policy}</b> ${mdText(f.title)}: ${mdText(f.resource.name)}</summary>`,
    '',
    mdText(f.message),
    '',
    `- Location: ${mdPlace(f.location)}`,
    `- Resource: ${mdCode(f.resource.id)} (${mdText(f.resource.type)})`,
    `- Category: ${f.category} / ${f.control}${f.owasp.length > 0 ? `; OWASP ${f.owasp.join(', ')}` : ''}`,
  ];
  if (f.remediation !== null) {
    lines.push('', `Remediation (${PROVIDER_LABELS[f.resource.provider]}):`, '');
    lines.push(...(looksLikeCode(f.remediation) ? [`\`\`\`${CODE_LANGUAGE[f.resource.provider]}`, f.remediation.trimEnd(), '```'] : [f.remediation.trim()]));
  }
  lines.push('', '</details>', '');
  return lines;
}
