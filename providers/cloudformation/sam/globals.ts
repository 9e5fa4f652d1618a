import type { KeyPath } from '../../key-lines';
import { intrinsicName } from '../resolve';

/**
 * SAM `Globals`: a resource's own properties merged over its section (`Globals.Api`, `Globals.HttpApi`,
 * `Globals.Function`). Maps merge key by key (the resource wins), lists are concatenated (globals first), any other
 * value (and an intrinsic function) of the resource replaces the global one:
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-template-anatomy-globals.html#sam-specification-template-anatomy-globals-overrideable
 */
export function mergeGlobals(globals: unknown, own: unknown): unknown {
  if (own === undefined) return globals;
  if (globals === undefined) return own;
  if (isPlainMap(globals) && isPlainMap(own)) {
    const merged: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(globals), ...Object.keys(own)])) {
      define(merged, key, mergeGlobals(hasOwn(globals, key) ? globals[key] : undefined, hasOwn(own, key) ? own[key] : undefined));
    }
    return merged;
  }
  if (Array.isArray(globals) && Array.isArray(own)) return [...(globals as unknown[]), ...(own as unknown[])];
  return own;
}

/** Where a merged property comes from: the resource's own properties or its Globals section, with the path there. */
export type Origin = { readonly side: 'own' | 'globals'; readonly path: KeyPath };

/**
 * The origin of the value at `path` of a merged mapping: the deepest written key along the path, on the side that
 * supplies it (the resource when both do). `undefined` when neither side writes even the first key.
 */
export function originOf(path: KeyPath, globals: unknown, own: unknown): Origin | undefined {
  let o: unknown = own;
  let g: unknown = globals;
  let inOwn = own !== undefined;
  let inGlobals = globals !== undefined;
  const ownPath: (string | number)[] = [];
  const globalsPath: (string | number)[] = [];
  let found: Origin | undefined;
  for (const segment of path) {
    if (typeof segment === 'number') {
      const globalItems = inGlobals && Array.isArray(g) ? (g as unknown[]).length : 0;
      const ownList = inOwn && Array.isArray(o);
      if (inGlobals && Array.isArray(g) && segment < globalItems) {
        g = (g as unknown[])[segment];
        globalsPath.push(segment);
        inOwn = false;
      } else if (ownList) {
        const index = segment - globalItems;
        o = (o as unknown[])[index];
        ownPath.push(index);
        inGlobals = false;
      } else {
        break;
      }
    } else {
      const ownHas = inOwn && isPlainMap(o) && hasOwn(o, segment);
      // A resource value that is not a mapping replaces the global one: globals below it do not count.
      const globalsHas = inGlobals && isPlainMap(g) && hasOwn(g, segment) && (!inOwn || o === undefined || isPlainMap(o));
      if (!ownHas && !globalsHas) break;
      if (ownHas && isPlainMap(o)) {
        o = o[segment];
        ownPath.push(segment);
      } else {
        inOwn = false;
      }
      if (globalsHas && isPlainMap(g)) {
        g = g[segment];
        globalsPath.push(segment);
        if (ownHas && !isPlainMap(o) && !Array.isArray(o)) inGlobals = false;
      } else {
        inGlobals = false;
      }
    }
    found = inOwn ? { side: 'own', path: [...ownPath] } : inGlobals ? { side: 'globals', path: [...globalsPath] } : found;
    if (!inOwn && !inGlobals) break;
  }
  return found;
}

/** A mapping that is not an intrinsic function call (`{ Ref: X }` is a value, not a mapping to merge). */
export function isPlainMap(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && intrinsicName(value) === undefined;
}

function hasOwn(value: Readonly<Record<string, unknown>>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}

function define(record: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
