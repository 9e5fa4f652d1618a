import type { ReportLocation } from './types';

/** Where a finding is, for people: `file:line` (`file:line:column` when the column is known), or the cloud resource id. */
export function placeOf(location: ReportLocation): string {
  if ('cloud' in location) return location.id;
  if (location.line === undefined) return location.file;
  return location.column !== undefined ? `${location.file}:${location.line}:${location.column}` : `${location.file}:${location.line}`;
}
