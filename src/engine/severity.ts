import { SEVERITIES, type Severity } from './policy';

/** `a` is as severe as `threshold` or more. */
export function atOrAbove(a: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(a) <= SEVERITIES.indexOf(threshold);
}

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}
