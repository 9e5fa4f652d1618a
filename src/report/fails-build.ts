import { atOrAbove } from '../engine/severity';
import type { FormatContext, ReportFinding } from './types';

/** The finding counts towards the exit code: failed, not suppressed, at or above `--fail-on`; src/cli/exit-codes.ts decides the exit code with it. */
export function failsBuild(f: ReportFinding, failOn: FormatContext['failOn']): boolean {
  return isOpen(f) && failOn !== 'none' && atOrAbove(f.severity, failOn);
}

/** Failed and not suppressed, whatever the threshold. */
export function isOpen(f: ReportFinding): boolean {
  return f.status === 'fail' && f.suppression === undefined;
}
