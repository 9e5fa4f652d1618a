import { byDefault, set, type Attr } from '../../src/graph/attr';
import type { Throttle } from '../../src/graph/kinds';
import type { FileSource } from '../../src/graph/source';

/**
 * Combines a rate and a burst limit into one throttle. A negative limit means "not set" (API Gateway method
 * settings default both to -1: https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_method_settings),
 * and a throttle with neither limit is `null`: only the account-level default applies.
 */
export function combineThrottle(rate: Attr<number>, burst: Attr<number>, fallbackSource: FileSource): Attr<Throttle | null> {
  if (rate.state === 'unknown') return rate;
  if (burst.state === 'unknown') return burst;
  const value = throttleOf(rate.value, burst.value);
  const written = [rate, burst].find((a) => a.state === 'set');
  return written ? set(value, written.source ?? fallbackSource) : byDefault(value, fallbackSource);
}

/** A rate and a burst limit as one throttle; negative ("not set", -1) or absent limits are left out, and neither means `null`. */
export function throttleOf(rate: number | undefined, burst: number | undefined): Throttle | null {
  const throttle: { rateLimit?: number; burstLimit?: number } = {};
  if (rate !== undefined && rate >= 0) throttle.rateLimit = rate;
  if (burst !== undefined && burst >= 0) throttle.burstLimit = burst;
  return throttle.rateLimit === undefined && throttle.burstLimit === undefined ? null : throttle;
}
