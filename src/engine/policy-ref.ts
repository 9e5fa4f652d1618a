import type { AnyPolicy } from './policy';

/** Policies named by ID (`GW-TLS-001`), former ID (alias), `<category>/<slug>` or slug; case-insensitive. */
export function findPolicy(policies: readonly AnyPolicy[], ref: string): AnyPolicy | undefined {
  const wanted = ref.trim().toLowerCase();
  return policies.find((p) =>
    p.id.toLowerCase() === wanted
    || (p.aliases ?? []).some((a) => a.toLowerCase() === wanted)
    || `${p.category}/${p.slug}` === wanted
    || p.slug === wanted);
}

/**
 * The policy name closest to a mistyped one (Levenshtein distance over IDs, former IDs, slugs and
 * `<category>/<slug>`), when it is close enough to be a likely typo.
 */
export function nearestPolicyName(policies: readonly AnyPolicy[], ref: string): string | undefined {
  const wanted = ref.trim().toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const p of policies) {
    for (const name of [p.id, ...(p.aliases ?? []), p.slug, `${p.category}/${p.slug}`]) {
      const distance = levenshtein(wanted, name.toLowerCase());
      if (best === undefined || distance < best.distance) best = { name, distance };
    }
  }
  // Beyond about a quarter of the name, the "suggestion" is a different policy, not a typo.
  return best !== undefined && best.distance <= Math.max(2, Math.floor(wanted.length / 4)) ? best.name : undefined;
}

/** ` (did you mean GW-TLS-001?)`, or nothing. */
export function didYouMean(policies: readonly AnyPolicy[], ref: string): string {
  const nearest = nearestPolicyName(policies, ref);
  return nearest === undefined ? '' : ` (did you mean ${nearest}?)`;
}

export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
