import type { AnyPolicy } from '../engine/policy';
import { UsageError } from '../errors';

/** Policies named by ID (`GW-TLS-001`), former ID (alias), `<category>/<slug>` or slug; case-insensitive. */
export function findPolicy(policies: readonly AnyPolicy[], ref: string): AnyPolicy | undefined {
  const wanted = ref.trim().toLowerCase();
  return policies.find((p) =>
    p.id.toLowerCase() === wanted
    || (p.aliases ?? []).some((a) => a.toLowerCase() === wanted)
    || `${p.category}/${p.slug}` === wanted
    || p.slug === wanted);
}

export interface PolicySelection {
  /** Run only these (`--policy`); empty or absent: all. */
  readonly only?: readonly string[];
  /** Never run these (`--skip-policy`). */
  readonly skip?: readonly string[];
}

/** Applies `--policy` / `--skip-policy`; a name that matches no policy is a usage error, not an empty run. */
export function selectPolicies(policies: readonly AnyPolicy[], selection: PolicySelection): AnyPolicy[] {
  const resolve = (ref: string): AnyPolicy => {
    const policy = findPolicy(policies, ref);
    if (!policy) throw new UsageError(`unknown policy "${ref}" (see \`gatewarden policies list\`)`);
    return policy;
  };
  const only = new Set((selection.only ?? []).map(resolve));
  const skip = new Set((selection.skip ?? []).map(resolve));
  return policies.filter((p) => (only.size === 0 || only.has(p)) && !skip.has(p));
}
