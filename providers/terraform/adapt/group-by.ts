/**
 * Items grouped by a key, each group in the items' order; items without a key are left out. Adapters match every
 * resource against every other (integrations to methods, settings to stages): looking the match up by key keeps
 * a large plan linear instead of quadratic.
 */
export function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** A key made of several parts (`undefined` when any part is): NUL cannot occur in the parts, so keys never collide. */
export function compositeKey(...parts: readonly (string | undefined)[]): string | undefined {
  return parts.includes(undefined) ? undefined : parts.join('\u0000');
}
