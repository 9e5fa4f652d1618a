import type { Throttle } from '../../../src/graph/kinds';

/** A rate and a burst limit as one throttle; negative (API Gateway's "not set", -1) or absent limits are left out, and neither means `null`. */
export function throttleOf(rate: number | undefined, burst: number | undefined): Throttle | null {
  const throttle: { rateLimit?: number; burstLimit?: number } = {};
  if (rate !== undefined && rate >= 0) throttle.rateLimit = rate;
  if (burst !== undefined && burst >= 0) throttle.burstLimit = burst;
  return throttle.rateLimit === undefined && throttle.burstLimit === undefined ? null : throttle;
}
