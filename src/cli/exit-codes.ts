import type { Severity } from '../engine/policy';
import { failsBuild } from '../report/fails-build';
import type { Report } from '../report/types';

/** STYLE.md §7: 0 clean, 1 findings at or above the threshold, 2 the tool could not do its job. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

export interface ExitPolicy {
  readonly failOn: Severity | 'none';
  /** Input errors (unreadable, unparsable files) are listed but no longer force exit 2. Policy errors still do. */
  readonly allowUnreadable: boolean;
}

/** The CLI's decision; reporters only render. Unknown and suppressed results never fail a run. */
export function exitCodeFor(report: Report, policy: ExitPolicy): number {
  if (report.errors.some((e) => e.kind === 'policy')) return EXIT_ERROR;
  if (!policy.allowUnreadable && report.errors.some((e) => e.kind === 'input' && e.severity === 'error')) return EXIT_ERROR;
  const failOn = policy.failOn;
  // Suppressed findings (inline, config, baseline) are accepted risks: listed, never failing the run.
  if (report.findings.some((f) => failsBuild(f, failOn))) return EXIT_FINDINGS;
  return EXIT_OK;
}
