/**
 * Converters from a parsed source value (Terraform's evaluated HCL, a CloudFormation property) to a neutral value,
 * `undefined` when the value means nothing we can name. Both formats pass scalars as strings to the provider:
 * "5" and 5 mean the same. How a format spells booleans and unknowns stays with its reader.
 */

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

export function asStringList(value: unknown): readonly string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const strings: string[] = [];
  for (const item of value as readonly unknown[]) {
    const s = asString(item);
    if (s === undefined) return undefined;
    strings.push(s);
  }
  return strings;
}

/** Maps a case-insensitive enum string (AWS enums are upper-case; both formats pass them through) to a neutral value. */
export function oneOf<T>(mapping: Readonly<Record<string, T>>): (value: unknown) => T | undefined {
  // Adapters ask for it inside their loops: one converter per mapping rather than one per resource.
  let convert = converters.get(mapping) as ((value: unknown) => T | undefined) | undefined;
  if (!convert) {
    convert = (value) => {
      const s = asString(value);
      return s === undefined ? undefined : mapping[s.toUpperCase()];
    };
    converters.set(mapping, convert);
  }
  return convert;
}

const converters = new WeakMap<object, (value: unknown) => unknown>();

/** Finds an unknown anywhere in a value (a list with one unresolved element is unknown as a whole). */
export function firstUnknownIn<U>(value: unknown, isUnknown: (value: unknown) => value is U): U | undefined {
  if (isUnknown(value)) return value;
  if (Array.isArray(value)) {
    for (const item of value as readonly unknown[]) {
      const found = firstUnknownIn(item, isUnknown);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) {
      const found = firstUnknownIn(item, isUnknown);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * `value` with each unknown part (the value itself, or an item of a list) replaced by how it is written (`written`),
 * for properties that only have to be written, not known; undefined when a part has no written form.
 */
export function withWrittenParts<V>(value: V, isUnknownPart: (value: V) => boolean, written: (part: V) => V | undefined): V | undefined {
  if (isUnknownPart(value)) return written(value);
  if (!Array.isArray(value)) return value;
  const items: V[] = [];
  for (const item of value as readonly V[]) {
    const part = withWrittenParts(item, isUnknownPart, written);
    if (part === undefined) return undefined;
    items.push(part);
  }
  return items as V;
}

/** Why a value could not be read, for an `unknown` attribute: the value itself, shortened. */
export function describeUnrecognised(value: unknown): string {
  const text = JSON.stringify(value);
  return `unrecognised value ${text.length > 80 ? `${text.slice(0, 77)}...` : text}`;
}
