import { formatJson } from './json';
import { formatText } from './text';
import type { FormatName, Formatter } from './types';

/** Every output format; a format missing here is a compile error. */
export const formatters: Readonly<Record<FormatName, Formatter>> = {
  text: formatText,
  json: formatJson,
};

export const FORMAT_NAMES = Object.keys(formatters) as FormatName[];

export { buildReport, type ReportOptions } from './build-report';
export type { FormatContext, FormatName, Formatter, Report, ReportError, ReportFinding, ReportLocation } from './types';
