import type { Attr } from '../../src/graph/attr';

/**
 * A per-method setting that turns a flag on (data trace) turns it on for the stage's traffic to that method: the stage
 * is reported at that setting. A setting whose value is unknown leaves the stage unknown.
 */
export function turnedOnByOverride(stageWide: Attr<boolean>, overrides: readonly Attr<boolean>[]): Attr<boolean> {
  if (stageWide.state === 'unknown' || stageWide.value) return stageWide;
  return overrides.find((o) => o.state !== 'unknown' && o.value) ?? overrides.find((o) => o.state === 'unknown') ?? stageWide;
}

/** A per-method setting that writes cache encryption: whether that method caches, and the encryption it writes. */
export interface CacheOverride {
  readonly caching: Attr<boolean>;
  readonly encrypted: Attr<boolean>;
}

/**
 * A per-method setting that writes cache encryption off, and leaves that method's caching on, stores its cached
 * responses unencrypted although the stage-wide setting encrypts: the stage is reported at it.
 */
export function unencryptedByOverride(stageWide: Attr<boolean>, overrides: readonly CacheOverride[]): Attr<boolean> {
  if (stageWide.state === 'unknown' || !stageWide.value) return stageWide;
  for (const { caching, encrypted } of overrides) {
    if (caching.state !== 'unknown' && !caching.value) continue;
    if (encrypted.state === 'unknown' || !encrypted.value) return encrypted;
  }
  return stageWide;
}
