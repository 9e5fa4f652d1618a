import type { HclBlock } from './hcl/ast';
import { isList, isObject, sortedKeys, typeName } from './hcl/value';
import type { Evaluated } from './evaluate-body';
import type { TfUnknown, TfValue } from './model';
import { isUnknown } from './model';

/** Most instances one `count` / `for_each` may create; more is treated as unknown, so a file cannot blow up the scan. */
export const MAX_INSTANCES = 10_000;

/**
 * The instances a resource or module block expands to.
 * https://developer.hashicorp.com/terraform/language/meta-arguments/count and .../for_each
 */
export type Expansion =
  | { readonly kind: 'single' }
  | { readonly kind: 'count'; readonly count: number }
  | { readonly kind: 'for_each'; readonly entries: readonly (readonly [string, TfValue])[] }
  /** count / for_each is set but its value cannot be known: one instance stands for all. */
  | { readonly kind: 'unknown'; readonly value: TfUnknown; readonly reason?: string };

export interface Instance {
  /** Undefined for a single instance, the TfUnknown when the expansion is unknown. */
  readonly key: number | string | TfUnknown | undefined;
  /** `count` / `each` bindings for expressions inside the block. */
  readonly bindings: ReadonlyMap<string, TfValue>;
}

export function expansionOf(block: HclBlock, evaluateMeta: (name: 'count' | 'for_each') => Evaluated | undefined): Expansion {
  const count = evaluateMeta('count');
  if (count) return countExpansion(count.value, textOf(block, 'count'));
  const forEach = evaluateMeta('for_each');
  if (forEach) return forEachExpansion(forEach.value, textOf(block, 'for_each'));
  return { kind: 'single' };
}

function countExpansion(value: TfValue, text: string): Expansion {
  // The instance key of an unknown expansion is the argument as written: what resources switched together share.
  if (isUnknown(value)) return { kind: 'unknown', value: { unknown: true, expr: text } };
  const count = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
    return { kind: 'unknown', value: { unknown: true, expr: text }, reason: `count is ${typeName(value)} ${JSON.stringify(value)}, not a whole number` };
  }
  if (count > MAX_INSTANCES) return { kind: 'unknown', value: { unknown: true, expr: text }, reason: `count ${count} is above the limit of ${MAX_INSTANCES} instances` };
  return { kind: 'count', count };
}

function forEachExpansion(value: TfValue, text: string): Expansion {
  if (isUnknown(value)) return { kind: 'unknown', value: { unknown: true, expr: text } };
  let entries: (readonly [string, TfValue])[];
  if (isObject(value)) {
    entries = sortedKeys(value).map((key) => [key, value[key] ?? null] as const);
  } else if (isList(value)) {
    // A set of strings: each.key and each.value are both the element. Unknown elements hide the keys.
    const strings = value.filter((item): item is string => typeof item === 'string');
    if (strings.length !== value.length) {
      const reason = value.some(isUnknown) ? undefined : 'for_each needs a map or a set of strings';
      return { kind: 'unknown', value: { unknown: true, expr: text }, ...(reason !== undefined && { reason }) };
    }
    entries = [...new Set(strings)].sort().map((item) => [item, item] as const);
  } else {
    return { kind: 'unknown', value: { unknown: true, expr: text }, reason: `for_each is ${typeName(value)}, not a map or set` };
  }
  if (entries.length > MAX_INSTANCES) return { kind: 'unknown', value: { unknown: true, expr: text }, reason: `for_each has more than ${MAX_INSTANCES} elements` };
  return { kind: 'for_each', entries };
}

export function instancesOf(expansion: Expansion): Instance[] {
  switch (expansion.kind) {
    case 'single':
      return [{ key: undefined, bindings: new Map() }];
    case 'count':
      return Array.from({ length: expansion.count }, (_, index) => ({ key: index, bindings: new Map([['count', { index }]]) }));
    case 'for_each':
      return expansion.entries.map(([key, value]) => ({ key, bindings: new Map([['each', { key, value }]]) }));
    case 'unknown': {
      const unknownEach = { unknown: true as const, expr: 'each' };
      return [{ key: expansion.value, bindings: new Map<string, TfValue>([['each', unknownEach], ['count', { unknown: true, expr: 'count' }]]) }];
    }
  }
}

/** The instance with this key (from an index expression), if the expansion has it. */
export function findInstance(expansion: Expansion, key: TfValue): Instance | undefined {
  switch (expansion.kind) {
    case 'count':
      return typeof key === 'number' && Number.isInteger(key) && key >= 0 && key < expansion.count ? { key, bindings: new Map([['count', { index: key }]]) } : undefined;
    case 'for_each': {
      const entry = expansion.entries.find(([name]) => name === key);
      return entry ? { key: entry[0], bindings: new Map([['each', { key: entry[0], value: entry[1] }]]) } : undefined;
    }
    case 'single':
    case 'unknown':
      return undefined;
  }
}

/** `[0]` or `["key"]`, as Terraform prints instance addresses; empty for single or unknown instances. */
export function instanceSuffix(key: number | string | TfUnknown | undefined): string {
  if (typeof key === 'number') return `[${key}]`;
  if (typeof key === 'string') return `[${JSON.stringify(key)}]`;
  return '';
}

function textOf(block: HclBlock, name: string): string {
  return block.body.attributes.find((attribute) => attribute.name === name)?.expr.text ?? name;
}
