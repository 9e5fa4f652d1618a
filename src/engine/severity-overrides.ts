import type { Severity } from './policy';
import type { PolicyResult } from './run';

/**
 * `.gatewarden.yml` `severity`: replaces the severity of every failing result of a policy, including findings the
 * policy rates apart (e.g. a public route with neither authentication nor WAF). Unknown results stay `info`.
 */
export function applySeverityOverrides(results: readonly PolicyResult[], overrides: ReadonlyMap<string, Severity>): PolicyResult[] {
  if (overrides.size === 0) return [...results];
  return results.map((r) => {
    const severity = overrides.get(r.policy.id);
    return severity === undefined || r.status === 'unknown' ? r : { ...r, severity };
  });
}
