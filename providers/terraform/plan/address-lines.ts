import { jsonStringEnd } from './json-string-end';

const KEY = '"address"';
const COLON = 0x3a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LESS = 0x3c;
const GREATER = 0x3e;
const AMPERSAND = 0x26;

/**
 * Calls `found(index, line, column)` for each of `addresses` found in the text at an entry `"address": "<address>"`,
 * with its index in `addresses`; addresses not found are not called for. A plan as Terraform writes it (one line)
 * lists its planned resources in the order plan loading reads them (`addresses`' order) before anything else names
 * them: each is looked for after the one before, which finds its first entry. From the first not found that way
 * (or from the start of a pretty-printed plan), the rest are looked for at their first entries, in one pass of
 * `indexOf` over the text that stops when every one is found. No positional JSON parse, which costs 10× `JSON.parse`
 * on a large plan. The column matters as much as the line. Indexes rather than a map of positions by the address
 * read here: a large plan has tens of thousands of addresses, and an address sliced from the text would keep the
 * whole text alive.
 */
export function forEachAddressPosition(text: string, addresses: readonly string[], found: (index: number, line: number, column: number) => void): void {
  if (addresses.length === 0) return;
  const inOrder = text.startsWith('{"') ? findInOrder(text, addresses, found) : 0;
  if (inOrder === addresses.length) return;
  const rest = new Map<string, number>();
  for (let i = addresses.length - 1; i >= inOrder; i--) rest.set(addresses[i] ?? '', i);
  // The planned values first: with sorted keys (`jq -S`), `configuration` comes before them and lists root resources
  // by the same addresses.
  const plannedValues = keyAt(text, '"planned_values"');
  if (plannedValues > 0) findAnywhere(text, rest, found, plannedValues);
  findAnywhere(text, rest, found, 0);
}

/** Where `key` (quoted) is first written as an object key, followed by its colon; -1 when it is not. */
function keyAt(text: string, key: string): number {
  for (let at = text.indexOf(key); at !== -1; at = text.indexOf(key, at + key.length)) {
    if (text.charCodeAt(skipSpace(text, at + key.length)) === COLON) return at;
  }
  return -1;
}

/** One line of compact JSON: each address after the one before, compared where it is written. Returns how many were found. */
function findInOrder(text: string, addresses: readonly string[], found: (index: number, line: number, column: number) => void): number {
  // Terraform ends its one line with a newline; past one, the line would have to be counted.
  const lineEnd = newlineFrom(text, 0);
  let at = text.indexOf(KEY);
  for (let i = 0; i < addresses.length; i++) {
    const address = addresses[i] ?? '';
    while (at !== -1 && !(text.charCodeAt(at + KEY.length) === COLON && isJsonStringAt(text, at + KEY.length + 1, address))) at = text.indexOf(KEY, at + KEY.length);
    if (at === -1 || at > lineEnd) return i;
    found(i, 1, at + 1);
    at = text.indexOf(KEY, at + KEY.length);
  }
  return addresses.length;
}

/**
 * Whether `value` is written at `at` as Go writes a JSON string: quoted, with `"` and `\` escaped. Characters Go
 * escapes otherwise (control characters, <, > and &, as \u003c...) are not compared: false, and the address is looked
 * for by decoding what is written. Compared in place: making the JSON of each address costs more than finding it.
 */
function isJsonStringAt(text: string, at: number, value: string): boolean {
  if (text.charCodeAt(at) !== QUOTE) return false;
  let i = at + 1;
  for (let k = 0; k < value.length; k++) {
    const c = value.charCodeAt(k);
    if (c < 0x20 || c === LESS || c === GREATER || c === AMPERSAND) return false;
    if (c === QUOTE || c === BACKSLASH) {
      if (text.charCodeAt(i) !== BACKSLASH) return false;
      i++;
    }
    if (text.charCodeAt(i) !== c) return false;
    i++;
  }
  return text.charCodeAt(i) === QUOTE;
}

/**
 * Each address of `unfound` at its first entry from `from` on, decoded as JSON; found ones are taken out of `unfound`.
 */
function findAnywhere(text: string, unfound: Map<string, number>, found: (index: number, line: number, column: number) => void, from: number): void {
  if (unfound.size === 0) return;
  let line = 1;
  let lineStart = 0;
  // The next newline not yet counted (Infinity past the last): each newline is looked for once, so a one-line
  // file is not searched to its end again for every address.
  let nextNewline = newlineFrom(text, 0);
  for (let at = text.indexOf(KEY, from); at !== -1 && unfound.size > 0; at = text.indexOf(KEY, at + KEY.length)) {
    const value = stringValueAfterKey(text, at + KEY.length);
    if (value === undefined) continue;
    const index = unfound.get(value);
    if (index === undefined) continue;
    unfound.delete(value);
    while (nextNewline < at) {
      line++;
      lineStart = nextNewline + 1;
      nextNewline = newlineFrom(text, lineStart);
    }
    found(index, line, at - lineStart + 1);
  }
}

/** The JSON string after `: ` at `from`, decoded; undefined when the key is not followed by a string. */
function stringValueAfterKey(text: string, from: number): string | undefined {
  let at = skipSpace(text, from);
  if (text.charCodeAt(at) !== 0x3a) return undefined; // ':'
  at = skipSpace(text, at + 1);
  if (text.charCodeAt(at) !== 0x22) return undefined; // '"'
  const end = jsonStringEnd(text, at) - 1;
  if (end < 0) return undefined;
  const raw = text.slice(at + 1, end);
  if (!raw.includes('\\')) return raw;
  // Go's encoder escapes quotes and also <, > and & (\u003c...): decode exactly as JSON does.
  try {
    const decoded: unknown = JSON.parse(text.slice(at, end + 1));
    return typeof decoded === 'string' ? decoded : undefined;
  } catch {
    // Not a valid JSON string: not an address written by Terraform.
    return undefined;
  }
}

function newlineFrom(text: string, from: number): number {
  const at = text.indexOf('\n', from);
  return at === -1 ? Infinity : at;
}

function skipSpace(text: string, at: number): number {
  let i = at;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return i;
    i++;
  }
}
