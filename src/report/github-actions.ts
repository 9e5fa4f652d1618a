import { createHash } from 'node:crypto';
import { SEVERITIES } from '../engine/policy';
import { atOrAbove } from '../engine/severity';
import { failsBuild } from './fails-build';
import { PROVIDER_LABELS } from './provider-labels';
import { looksLikeCode, remediationHint } from './remediation';
import { formatText } from './text';
import type { FormatContext, Formatter, Report, ReportError, ReportFinding, ReportLocation } from './types';

/**
 * GitHub Actions workflow commands (https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions):
 * one annotation per finding, then the plain text report for the log (the runner hides command lines).
 *
 * Levels: `error` for findings that fail the build (at or above `--fail-on`) and for input that was not read;
 * `warning` for other critical, high and medium findings; `notice` for low, info and unverifiable ones.
 * Suppressed findings get no annotation (the job summary counts them).
 */
export const formatGithubActions: Formatter = (report, ctx) => {
  const lines = annotations(report, ctx);
  return `${lines.join('\n')}${lines.length > 0 ? '\n' : ''}${inertText(formatText(report, { ...ctx, color: false }))}`;
};

/**
 * The text report quotes names and values from scanned files verbatim, and a line of them could start a workflow
 * command; `stop-commands` makes the runner print it as it is. The token is derived from the text itself, so the text
 * cannot contain the line that resumes commands.
 */
function inertText(text: string): string {
  const token = `gatewarden-${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
  return `::stop-commands::${token}\n${text}${text.endsWith('\n') ? '' : '\n'}::${token}::\n`;
}

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** GitHub displays at most this many annotations of each level per step; the rest would be dropped silently. */
export const ANNOTATIONS_PER_LEVEL = 10;

interface Annotation {
  readonly level: AnnotationLevel;
  readonly title: string;
  readonly message: string;
  readonly location?: ReportLocation;
}

export function annotations(report: Report, ctx: FormatContext): string[] {
  const all: Annotation[] = [
    ...report.errors.map(errorAnnotation),
    ...mostSevereFirst(report.findings.filter((f) => f.suppression === undefined)).map((f) => findingAnnotation(f, ctx)),
  ];
  const shown = { error: 0, warning: 0, notice: 0 };
  const lines: string[] = [];
  let hidden = 0;
  for (const a of all) {
    if (shown[a.level] >= ANNOTATIONS_PER_LEVEL) {
      hidden += 1;
      continue;
    }
    shown[a.level] += 1;
    lines.push(command(a));
  }
  if (hidden > 0) {
    lines.push(command({
      level: 'notice',
      title: 'gatewarden: more findings than GitHub shows',
      message: `${hidden} more ${hidden === 1 ? 'finding is' : 'findings are'} not annotated here (GitHub shows ${ANNOTATIONS_PER_LEVEL} per level and step). `
        + 'See the job summary, and the code scanning alerts when the SARIF report is uploaded (--format sarif=gatewarden.sarif).',
    }));
  }
  return lines;
}

function mostSevereFirst(findings: readonly ReportFinding[]): ReportFinding[] {
  const rank = (f: ReportFinding): number => (f.status === 'unknown' ? SEVERITIES.length : SEVERITIES.indexOf(f.severity));
  return [...findings].sort((a, b) => rank(a) - rank(b)); // stable: report order within a severity
}

function findingAnnotation(f: ReportFinding, ctx: FormatContext): Annotation {
  const level: AnnotationLevel = f.status === 'unknown' ? 'notice' : failsBuild(f, ctx.failOn) ? 'error' : atOrAbove(f.severity, 'medium') ? 'warning' : 'notice';
  const fix = f.remediation === null
    ? ''
    : looksLikeCode(f.remediation)
      ? `\nFix: see the ${PROVIDER_LABELS[f.resource.provider]} example in \`gatewarden policies show ${f.policy}\``
      : `\nFix: ${remediationHint(f.remediation, f.resource.provider, { id: f.policy, title: f.title })}`;
  return {
    level,
    title: `${f.policy} (${f.status === 'unknown' ? 'cannot verify' : f.severity}): ${f.title}`,
    message: `${f.message}\nResource: ${f.resource.id}${fix}`,
    location: f.location,
  };
}

function errorAnnotation(e: ReportError): Annotation {
  return {
    level: e.severity,
    title: e.kind === 'input' ? 'gatewarden: input problem' : `gatewarden: policy ${e.policy ?? ''} failed`.replace('  ', ' '),
    message: e.message,
    ...(e.file !== undefined ? { location: { file: e.file, ...(e.line !== undefined && { line: e.line }) } } : e.location !== undefined && { location: e.location }),
  };
}

function command(a: Annotation): string {
  const props: string[] = [];
  const where = a.location;
  if (where !== undefined && 'file' in where) {
    props.push(`file=${escapeProperty(where.file)}`);
    if (where.line !== undefined) {
      props.push(`line=${where.line}`);
      if (where.endLine !== undefined && where.endLine >= where.line) props.push(`endLine=${where.endLine}`);
      if (where.column !== undefined) props.push(`col=${where.column}`);
    }
  }
  props.push(`title=${escapeProperty(a.title)}`);
  const cloud = where !== undefined && 'cloud' in where ? `\nCloud resource: ${where.id}` : '';
  return `::${a.level} ${props.join(',')}::${escapeData(`${a.message}${cloud}`)}`;
}

/** As @actions/core `escapeData`: a message can span lines but never start a new command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** As @actions/core `escapeProperty`: also `:` and `,`, which end a property or the property list. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
