import type { SourceRef } from './source';

/**
 * An attribute of a graph node, with its provenance.
 * - `set`: written explicitly in the source (or read from a live resource);
 * - `default`: absent, and the adapter applied the platform's documented default;
 * - `unknown`: present but not knowable statically (`var.x` without default, computed after apply, unresolved intrinsic).
 * Policies must handle `unknown` explicitly and never treat it as a pass or a fail.
 */
export type Attr<T> = SetAttr<T> | DefaultAttr<T> | UnknownAttr;

export interface SetAttr<T> { readonly state: 'set'; readonly value: T; readonly source?: SourceRef }
export interface DefaultAttr<T> { readonly state: 'default'; readonly value: T; readonly source?: SourceRef }
export interface UnknownAttr { readonly state: 'unknown'; readonly expr?: string; readonly source?: SourceRef }

export function set<T>(value: T, source?: SourceRef): SetAttr<T> {
  return source ? { state: 'set', value, source } : { state: 'set', value };
}

export function byDefault<T>(value: T, source?: SourceRef): DefaultAttr<T> {
  return source ? { state: 'default', value, source } : { state: 'default', value };
}

export function unknown(expr?: string, source?: SourceRef): UnknownAttr {
  // Literals rather than spreads: a large plan makes tens of thousands, and a spread builds a throwaway object each.
  if (expr === undefined) return source ? { state: 'unknown', source } : { state: 'unknown' };
  return source ? { state: 'unknown', expr, source } : { state: 'unknown', expr };
}

export function isKnown<T>(attr: Attr<T>): attr is SetAttr<T> | DefaultAttr<T> {
  return attr.state !== 'unknown';
}

/** The value when known, else `undefined`. */
export function known<T>(attr: Attr<T>): T | undefined {
  return attr.state === 'unknown' ? undefined : attr.value;
}

/** Apply `fn` to a known value, keeping state and source; unknown stays unknown. */
export function mapAttr<T, U>(attr: Attr<T>, fn: (value: T) => U): Attr<U> {
  return attr.state === 'unknown' ? attr : { ...attr, value: fn(attr.value) };
}
