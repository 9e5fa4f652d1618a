import { SEVERITIES } from '../engine/policy';
import { auditedPhrase } from './audited-phrase';
import { renderMermaid } from './exposure-diagram';
import { failsBuild } from './fails-build';
import { mdCell, mdPlace, mdText } from './markdown-text';
import type { FormatContext, Report } from './types';

/** Beyond these the summary says how many more: GitHub caps a step's summary at 1 MiB. */
const MAX_ROWS = 100;
const MAX_DIAGRAMS = 10;

/**
 * The GitHub Actions job summary (appended to `$GITHUB_STEP_SUMMARY`): counts by severity, the findings that fail
 * the build, and the exposure path of every API with a finding, as Mermaid (which GitHub renders).
 */
export function formatJobSummary(report: Report, ctx: FormatContext): string {
  const failing = report.findings.filter((f) => failsBuild(f, ctx.failOn));
  const { summary } = report;
  const open = summary.total;
  const inputErrors = summary.errors;
  const out: string[] = [];

  const verdict = failing.length > 0
    ? `${failing.length} ${failing.length === 1 ? 'finding fails' : 'findings fail'} the build (at or above ${ctx.failOn})`
    : open > 0 ? `${open} ${open === 1 ? 'finding' : 'findings'}, none at or above ${ctx.failOn}` : 'no findings';
  out.push(`## ${mdText(report.tool.name)} ${mdText(report.tool.version)}: ${verdict}`, '');
  if (inputErrors > 0) out.push(`> [!WARNING]\n> ${inputErrors} ${inputErrors === 1 ? 'input was' : 'inputs were'} not read: the result is incomplete.`, '');

  // A live audit reads APIs, not files: the last column counts what was read.
  const audited = summary.audited;
  out.push(`| ${SEVERITIES.join(' | ')} | suppressed | not verifiable | ${audited ? 'APIs audited' : 'files scanned'} |`);
  out.push(`| ${[...SEVERITIES, 'suppressed', 'unknown', 'files'].map(() => '---:').join(' | ')} |`);
  const bySeverity = SEVERITIES.map((s) => summary.bySeverity[s]);
  out.push(`| ${[...bySeverity, summary.suppressed, summary.unknown, audited ? audited.apis : summary.filesScanned].join(' | ')} |`, '');
  if (audited) out.push(`Audited: ${mdText(auditedPhrase(audited))}.`, '');

  if (failing.length > 0) {
    out.push('### Findings that fail the build', '', '| Severity | Policy | Resource | Location | Finding |', '| --- | --- | --- | --- | --- |');
    for (const f of failing.slice(0, MAX_ROWS)) {
      out.push(`| ${f.severity} | ${f.policy} | ${mdCell(f.resource.name)} | ${mdPlace(f.location, true)} | ${mdCell(f.message)} |`);
    }
    if (failing.length > MAX_ROWS) out.push('', `…and ${failing.length - MAX_ROWS} more: see the code scanning alerts or the full report.`);
    out.push('');
  }

  const flagged = report.exposure.filter((e) => e.flagged);
  if (flagged.length > 0) {
    out.push('### Exposure of the APIs with findings', '', 'Internet → CDN → WAF → domain → API → stage / route → backend; nodes with findings are red.', '');
    for (const exposure of flagged.slice(0, MAX_DIAGRAMS)) {
      out.push(`#### API ${mdText(exposure.api.name)}`, '', '```mermaid', renderMermaid([exposure]).trimEnd(), '```', '');
    }
    if (flagged.length > MAX_DIAGRAMS) out.push(`…and ${flagged.length - MAX_DIAGRAMS} more APIs with findings: \`gatewarden graph\` draws them all.`, '');
  }
  return `${out.join('\n')}\n`;
}
