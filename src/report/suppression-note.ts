import type { ReportSuppression } from './types';

/** `config: reason (until 2025-12-31)`: how and why a finding was accepted, for the text and Markdown reports. */
export function suppressionNote(s: ReportSuppression | undefined): string {
  return s === undefined ? '' : `${s.kind}: ${s.reason}${s.expires !== undefined ? ` (until ${s.expires})` : ''}`;
}
