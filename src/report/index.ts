import { formatGithubActions } from './github-actions';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatMarkdown } from './markdown';
import { formatSarif } from './sarif';
import { formatText } from './text';
import type { FormatName, Formatter } from './types';

/** Every output format; a format missing here is a compile error. */
export const formatters: Readonly<Record<FormatName, Formatter>> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithubActions,
  junit: formatJunit,
  markdown: formatMarkdown,
};

export const FORMAT_NAMES = Object.keys(formatters) as FormatName[];

export { buildReport, type ReportOptions } from './build-report';
export { formatJobSummary } from './job-summary';
export type { FormatContext, FormatName, Formatter, Report, ReportError, ReportFinding, ReportLocation } from './types';
