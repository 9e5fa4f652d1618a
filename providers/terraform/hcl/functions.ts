import { globMatcher } from '../glob-pattern';
import { isAbsolute, resolve } from 'node:path';
import { parseYaml, stringifyYaml } from '../../yaml/parse';
import type { TfValue } from '../model';
import { isUnknown } from '../model';
import type { EvalContext } from './context';
import {
  HclEvalError,
  compareStrings,
  formatNumber,
  hasKey,
  isList,
  isObject,
  isWhollyKnown,
  objectFrom,
  sortedKeys,
  toBoolValue,
  toNumberValue,
  toStringValue,
  typeName,
  unknownValue,
  valuesEqual,
} from './value';
import type { TfObject } from './value';

/**
 * Terraform's built-in functions that matter for reading API configurations, evaluated when their
 * inputs are known. Anything else (hashes, time, templatefile, provider functions) is unknown.
 * Nothing here touches the network or runs code from the scanned files.
 */

interface FunctionSpec {
  /**
   * `deep`: every argument must be wholly known. `shallow`: arguments may hold unknown elements,
   * but must not be unknown themselves (e.g. `length([var.a, 1])` is 2).
   */
  readonly known: 'deep' | 'shallow';
  readonly call: (args: readonly TfValue[], context: EvalContext, text: string) => TfValue;
}

/** Functions whose unknown result keeps the value it encodes (see `TfUnknown.encoded`). */
const ENCODERS: ReadonlySet<string> = new Set(['jsonencode', 'yamlencode']);

/** Largest list `range()` or string functions may build, so a file cannot exhaust memory. */
const MAX_RESULT_LENGTH = 100_000;

export function callFunction(name: string, args: readonly TfValue[], text: string, context: EvalContext): TfValue {
  const spec = FUNCTIONS[name];
  if (!spec || !Object.prototype.hasOwnProperty.call(FUNCTIONS, name)) return unknownValue(text);
  const known = spec.known === 'deep' ? args.every(isWhollyKnown) : args.every((arg) => !isUnknown(arg));
  if (!known) return ENCODERS.has(name) && args.length === 1 && args[0] !== undefined && !isUnknown(args[0]) ? { ...unknownValue(text), encoded: args[0] } : unknownValue(text);
  try {
    return spec.call(args, context, text);
  } catch (error) {
    if (error instanceof UnknownResult) return unknownValue(text);
    throw error;
  }
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Terraform counts and slices strings by user-perceived characters (grapheme clusters), not UTF-16 units. */
function characters(text: string): string[] {
  return Array.from(graphemes.segment(text), (segment) => segment.segment);
}

function arg(args: readonly TfValue[], index: number): TfValue {
  if (index >= args.length) throw new HclEvalError(`missing argument ${index + 1}`);
  return args[index] ?? null;
}

function str(args: readonly TfValue[], index: number): string {
  return toStringValue(arg(args, index));
}

function num(args: readonly TfValue[], index: number): number {
  return toNumberValue(arg(args, index));
}

function list(args: readonly TfValue[], index: number): readonly TfValue[] {
  const value = arg(args, index);
  if (isList(value)) return value;
  throw new HclEvalError(`argument ${index + 1} must be a list, not ${typeName(value)}`);
}

function object(args: readonly TfValue[], index: number): TfObject {
  const value = arg(args, index);
  if (isObject(value)) return value;
  throw new HclEvalError(`argument ${index + 1} must be a map or object, not ${typeName(value)}`);
}

function bounded<T>(items: T[]): T[] {
  if (items.length > MAX_RESULT_LENGTH) throw new HclEvalError('result too large');
  return items;
}

function distinctValues(items: readonly TfValue[]): TfValue[] {
  const out: TfValue[] = [];
  for (const item of items) if (!out.some((seen) => valuesEqual(seen, item))) out.push(item);
  return out;
}

function flattenList(items: readonly TfValue[], depth = 0): TfValue[] {
  if (depth > 100) throw new HclEvalError('flatten nested too deeply');
  const out: TfValue[] = [];
  for (const item of items) {
    if (isList(item)) out.push(...flattenList(item, depth + 1));
    else if (isUnknown(item)) throw new UnknownResult();
    else out.push(item);
  }
  return bounded(out);
}

/**
 * `deciding` when an element is known to be it; else unknown when an element is unknown; else the other answer.
 * (`alltrue` is decided by a false element, `anytrue` by a true one.)
 */
function decidedBy(items: readonly TfValue[], deciding: boolean): boolean {
  if (items.some((item) => !isUnknown(item) && toBoolValue(item) === deciding)) return deciding;
  if (items.some(isUnknown)) throw new UnknownResult();
  return !deciding;
}

/** A shallow-known function met an unknown element that decides its result. */
class UnknownResult extends Error {}

function shallow(call: FunctionSpec['call']): FunctionSpec {
  return { known: 'shallow', call };
}

function deep(call: FunctionSpec['call']): FunctionSpec {
  return { known: 'deep', call };
}

function jsonEncode(value: TfValue): string {
  return JSON.stringify(value);
}

/** JSON (or YAML core schema) data to an HCL value; numbers stay numbers, there is nothing else to convert. */
function fromJson(value: unknown): TfValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(fromJson);
  if (typeof value === 'object') return objectFrom(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, fromJson(item)]));
  throw new HclEvalError('unsupported JSON value');
}

/** `format` verbs without width or precision flags; anything fancier is left unknown. https://developer.hashicorp.com/terraform/language/functions/format */
function format(spec: string, values: readonly TfValue[]): string {
  let next = 0;
  return spec.replace(/%(%|[-+# 0]*\d*(?:\.\d+)?[a-zA-Z])/g, (_match, verb: string) => {
    if (verb === '%') return '%';
    const value = values[next++];
    if (value === undefined) throw new HclEvalError('not enough arguments for format');
    const plain = /^[a-zA-Z]$/.test(verb);
    const precision = /^\.(\d+)f$/.exec(verb);
    if (precision?.[1] !== undefined) return toNumberValue(value).toFixed(Number(precision[1]));
    if (!plain) throw new UnknownResult();
    switch (verb) {
      case 's':
        return toStringValue(value);
      case 'd':
        return formatNumber(Math.trunc(toNumberValue(value)));
      case 'f':
        return toNumberValue(value).toFixed(6);
      case 't':
        return toBoolValue(value) ? 'true' : 'false';
      case 'q':
        return JSON.stringify(toStringValue(value));
      case 'v':
        return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? toStringValue(value) : jsonEncode(value);
      default:
        throw new UnknownResult();
    }
  });
}

function readFileFunction(path: string, context: EvalContext): TfValue {
  if (!context.readFile) throw new UnknownResult();
  const content = context.readFile(absolutePath(path, context));
  if (content === undefined) throw new UnknownResult();
  return content;
}

/** A path as file functions take it: relative to the module directory (Terraform: the working directory). */
function absolutePath(path: string, context: EvalContext): string {
  return isAbsolute(path) ? path : resolve(context.baseDir ?? '.', path);
}

function fileExistsFunction(path: string, context: EvalContext): TfValue {
  const exists = context.fileExists?.(absolutePath(path, context));
  if (exists === undefined) throw new UnknownResult();
  return exists;
}

/**
 * `fileset(path, pattern)`: the files under `path` that match `pattern` (see {@link globMatcher}), relative to `path`,
 * sorted. A malformed pattern, on which Terraform fails, gives an unknown value.
 * https://developer.hashicorp.com/terraform/language/functions/fileset
 */
function fileSetFunction(path: string, pattern: string, context: EvalContext): TfValue {
  // Terraform joins the pattern to the path and cleans the result: `./specs/*.yaml` is `specs/*.yaml`.
  const matches = globMatcher(pattern.split('/').filter((segment, i, all) => segment !== '.' && (segment !== '' || i === all.length - 1)).join('/'));
  if (!matches) throw new UnknownResult();
  const files = context.listFiles?.(absolutePath(path, context), matches);
  if (files === undefined) throw new UnknownResult();
  return bounded([...files]);
}

const FUNCTIONS: Readonly<Record<string, FunctionSpec>> = {
  abs: deep((args) => Math.abs(num(args, 0))),
  // Decided by one known element, as in Terraform: `alltrue([var.unknown, false])` is false.
  alltrue: shallow((args) => decidedBy(list(args, 0), false)),
  anytrue: shallow((args) => decidedBy(list(args, 0), true)),
  base64encode: deep((args) => Buffer.from(str(args, 0), 'utf8').toString('base64')),
  base64decode: deep((args) => Buffer.from(str(args, 0), 'base64').toString('utf8')),
  ceil: deep((args) => Math.ceil(num(args, 0))),
  chomp: deep((args) => str(args, 0).replace(/(\r\n|\n|\r)+$/, '')),
  coalesce: shallow((args) => {
    for (const value of args) {
      if (isUnknown(value)) throw new UnknownResult();
      if (value !== null && value !== '') return value;
    }
    throw new HclEvalError('no non-null, non-empty argument to coalesce');
  }),
  coalescelist: shallow((args) => {
    for (const value of args) {
      if (!isList(value)) throw new HclEvalError('coalescelist takes lists');
      if (value.length > 0) return value;
    }
    throw new HclEvalError('no non-empty list to coalescelist');
  }),
  compact: deep((args) => list(args, 0).filter((item) => item !== null && item !== '')),
  concat: shallow((args) => bounded(args.flatMap((_, index) => [...list(args, index)]))),
  contains: deep((args) => list(args, 0).some((item) => valuesEqual(item, arg(args, 1)))),
  distinct: deep((args) => distinctValues(list(args, 0))),
  element: shallow((args) => {
    const items = list(args, 0);
    if (items.length === 0) throw new HclEvalError('element() of an empty list');
    const index = num(args, 1);
    return items[((Math.trunc(index) % items.length) + items.length) % items.length] ?? null;
  }),
  endswith: deep((args) => str(args, 0).endsWith(str(args, 1))),
  file: deep((args, context) => readFileFunction(str(args, 0), context)),
  fileexists: deep((args, context) => fileExistsFunction(str(args, 0), context)),
  fileset: deep((args, context) => fileSetFunction(str(args, 0), str(args, 1), context)),
  flatten: shallow((args) => flattenList(list(args, 0))),
  floor: deep((args) => Math.floor(num(args, 0))),
  format: deep((args) => format(str(args, 0), args.slice(1))),
  formatlist: deep((args) => {
    const lists = args.slice(1).filter(isList);
    const length = lists[0]?.length ?? 1;
    return bounded(Array.from({ length }, (_, index) => format(str(args, 0), args.slice(1).map((value) => (isList(value) ? (value[index] ?? null) : value)))));
  }),
  index: deep((args) => {
    const found = list(args, 0).findIndex((item) => valuesEqual(item, arg(args, 1)));
    if (found === -1) throw new HclEvalError('item not found in the list');
    return found;
  }),
  join: deep((args) => bounded([...list(args, 1)]).map(toStringValue).join(str(args, 0))),
  jsondecode: deep((args) => {
    try {
      return fromJson(JSON.parse(str(args, 0)));
    } catch (error) {
      if (error instanceof SyntaxError) throw new HclEvalError(`jsondecode: ${error.message}`);
      throw error;
    }
  }),
  jsonencode: deep((args) => jsonEncode(arg(args, 0))),
  keys: shallow((args) => sortedKeys(object(args, 0))),
  length: shallow((args) => {
    const value = arg(args, 0);
    if (typeof value === 'string') return characters(value).length;
    if (isList(value)) return value.length;
    if (isObject(value)) return Object.keys(value).length;
    throw new HclEvalError(`length() of ${typeName(value)}`);
  }),
  lookup: shallow((args) => {
    const map = object(args, 0);
    const key = arg(args, 1);
    if (isUnknown(key)) throw new UnknownResult();
    const name = toStringValue(key);
    if (hasKey(map, name)) return map[name] ?? null;
    if (args.length >= 3) return arg(args, 2);
    throw new HclEvalError(`lookup: no key ${JSON.stringify(name)}`);
  }),
  lower: deep((args) => str(args, 0).toLowerCase()),
  max: deep((args) => Math.max(...args.map((_, index) => num(args, index)))),
  merge: shallow((args) => {
    const entries: [string, TfValue][] = [];
    for (const [index, value] of args.entries()) {
      if (value === null) continue;
      entries.push(...Object.entries(object(args, index)));
    }
    return objectFrom(entries);
  }),
  min: deep((args) => Math.min(...args.map((_, index) => num(args, index)))),
  nonsensitive: shallow((args) => arg(args, 0)),
  one: shallow((args) => {
    const items = list(args, 0);
    if (items.length > 1) throw new HclEvalError('one() of a list with more than one element');
    return items[0] ?? null;
  }),
  range: deep((args) => {
    const [start, end, step] = args.length === 1 ? [0, num(args, 0), 1] : [num(args, 0), num(args, 1), args.length > 2 ? num(args, 2) : 1];
    if (step === 0) throw new HclEvalError('range step must not be 0');
    const count = Math.max(0, Math.ceil((end - start) / step));
    if (count > MAX_RESULT_LENGTH) throw new HclEvalError('range too large');
    return Array.from({ length: count }, (_, index) => start + index * step);
  }),
  replace: deep((args) => {
    const search = str(args, 1);
    // A "/.../" search string is a regular expression in Terraform; not evaluated here.
    if (search.length > 1 && search.startsWith('/') && search.endsWith('/')) throw new UnknownResult();
    return str(args, 0).replaceAll(search, str(args, 2));
  }),
  reverse: deep((args) => [...list(args, 0)].reverse()),
  // Marking a value sensitive changes how Terraform prints it, not what it is.
  sensitive: shallow((args) => arg(args, 0)),
  setintersection: deep((args) => distinctValues(list(args, 0)).filter((item) => args.every((_, index) => list(args, index).some((other) => valuesEqual(other, item))))),
  setproduct: deep((args) => {
    if (args.length < 2) throw new HclEvalError('setproduct needs at least two sets');
    // Its size is known before it is built: a product too large to keep is refused, not built.
    if (args.reduce<number>((size, _, index) => size * list(args, index).length, 1) > MAX_RESULT_LENGTH) throw new HclEvalError('result too large');
    return args.reduce<TfValue[][]>((product, _, index) => product.flatMap((prefix) => list(args, index).map((item) => [...prefix, item])), [[]]);
  }),
  setsubtract: deep((args) => distinctValues(list(args, 0)).filter((item) => !list(args, 1).some((other) => valuesEqual(other, item)))),
  setunion: deep((args) => bounded(distinctValues(args.flatMap((_, index) => [...list(args, index)])))),
  slice: deep((args) => list(args, 0).slice(num(args, 1), num(args, 2))),
  sort: deep((args) => list(args, 0).map(toStringValue).sort(compareStrings)),
  split: deep((args) => bounded(str(args, 1).split(str(args, 0)))),
  startswith: deep((args) => str(args, 0).startsWith(str(args, 1))),
  strcontains: deep((args) => str(args, 0).includes(str(args, 1))),
  substr: deep((args) => {
    const chars = characters(str(args, 0));
    const offset = num(args, 1);
    const length = num(args, 2);
    const start = offset < 0 ? chars.length + offset : offset;
    return chars.slice(start, length < 0 ? undefined : start + length).join('');
  }),
  title: deep((args) => str(args, 0).replace(/\b\p{L}/gu, (letter) => letter.toUpperCase())),
  tobool: deep((args) => (arg(args, 0) === null ? null : toBoolValue(arg(args, 0)))),
  tolist: shallow((args) => list(args, 0)),
  tomap: shallow((args) => object(args, 0)),
  tonumber: deep((args) => (arg(args, 0) === null ? null : num(args, 0))),
  toset: deep((args) => distinctValues(list(args, 0))),
  tostring: deep((args) => (arg(args, 0) === null ? null : str(args, 0))),
  trim: deep((args) => {
    const cut = new Set(characters(str(args, 1)));
    const chars = characters(str(args, 0));
    let start = 0;
    let end = chars.length;
    while (start < end && cut.has(chars[start] ?? '')) start++;
    while (end > start && cut.has(chars[end - 1] ?? '')) end--;
    return chars.slice(start, end).join('');
  }),
  trimprefix: deep((args) => (str(args, 0).startsWith(str(args, 1)) ? str(args, 0).slice(str(args, 1).length) : str(args, 0))),
  trimspace: deep((args) => str(args, 0).trim()),
  trimsuffix: deep((args) => (str(args, 1) !== '' && str(args, 0).endsWith(str(args, 1)) ? str(args, 0).slice(0, -str(args, 1).length) : str(args, 0))),
  upper: deep((args) => str(args, 0).toUpperCase()),
  values: shallow((args) => {
    const map = object(args, 0);
    return sortedKeys(map).map((key) => map[key] ?? null);
  }),
  // OpenAPI bodies are often written `yamlencode({...})` or read with `yamldecode(file(...))`.
  yamldecode: deep((args) => {
    const parsed = parseYaml(str(args, 0));
    if (!parsed.ok) throw new HclEvalError(`yamldecode: ${parsed.reason}${parsed.line === undefined ? '' : ` (line ${parsed.line})`}`);
    return fromJson(parsed.value);
  }),
  yamlencode: deep((args) => stringifyYaml(arg(args, 0))),
  zipmap: deep((args) => {
    const names = list(args, 0).map(toStringValue);
    const items = list(args, 1);
    return objectFrom(names.map((name, index) => [name, items[index] ?? null]));
  }),
};
