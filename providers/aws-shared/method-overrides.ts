import type { Attr } from '../../src/graph/attr';
import type { LogLevel } from '../../src/graph/kinds';

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

/**
 * The execution logging of a stage whose routes may each have a per-method level (`routes`: each route's level, its
 * own setting's or else the stage-wide one). A route whose level is not known leaves the stage not known. Every route
 * off: off; every route on: on, at the lowest level their own settings write when the stage-wide level is not on.
 * Some of each, or no route known: the stage-wide level.
 */
export function loggingByRoute(stageWide: Attr<LogLevel>, routes: readonly Attr<LogLevel>[]): Attr<LogLevel> {
  if (routes.length === 0) return stageWide;
  const open = routes.find((route) => route.state === 'unknown');
  if (open) return open;
  const isOff = (level: Attr<LogLevel>) => level.state !== 'unknown' && level.value === 'off';
  const off = routes.filter(isOff);
  if (off.length === routes.length) return isOff(stageWide) ? stageWide : off[0] ?? stageWide;
  if (off.length > 0 || (stageWide.state !== 'unknown' && !isOff(stageWide))) return stageWide;
  return routes.find((route) => route.state !== 'unknown' && route.value === 'error') ?? routes[0] ?? stageWide;
}
