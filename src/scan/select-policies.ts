import type { AnyPolicy, Category } from '../engine/policy';
import { didYouMean, findPolicy } from '../engine/policy-ref';
import { UsageError } from '../errors';

export { findPolicy } from '../engine/policy-ref';

export interface PolicySelection {
  /** Run only these (`--policy`); empty or absent: all. */
  readonly only?: readonly string[];
  /** Never run these (`--skip-policy`). */
  readonly skip?: readonly string[];
  /**
   * Never run policies of these categories (`.gatewarden.yml` `categories.disable`), unless named in `only`: a
   * policy asked for by name on the command line runs.
   */
  readonly skipCategories?: readonly Category[];
}

/** Applies `--policy` / `--skip-policy`; a name that matches no policy is a usage error, not an empty run. */
export function selectPolicies(policies: readonly AnyPolicy[], selection: PolicySelection): AnyPolicy[] {
  const resolve = (ref: string): AnyPolicy => {
    const policy = findPolicy(policies, ref);
    if (!policy) throw new UsageError(`unknown policy "${ref}"${didYouMean(policies, ref)} (see \`gatewarden policies list\`)`);
    return policy;
  };
  const only = new Set((selection.only ?? []).map(resolve));
  const skip = new Set((selection.skip ?? []).map(resolve));
  const skipCategories = new Set(selection.skipCategories ?? []);
  return policies.filter((p) => (only.size === 0 ? !skipCategories.has(p.category) : only.has(p)) && !skip.has(p));
}
