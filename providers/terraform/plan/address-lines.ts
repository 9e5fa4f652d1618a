import { jsonStringEnd } from './json-string-end';

const KEY = '"address"';

/**
 * Calls `found` with the item of each address of `unfound` at the first `"address": "<address>"`, in text order,
 * and takes the address out of `unfound` (what is left was not found). One pass of `indexOf` over the text,
 * stopping when every address is found: no positional JSON parse, which costs 10× `JSON.parse` on a large plan.
 * `terraform show -json` writes one line, so the column matters as much as the line. A callback with the caller's
 * item rather than a map of positions by the address read here: a large plan has tens of thousands of addresses,
 * and an address sliced from the text would keep the whole text alive.
 */
export function forEachAddressPosition<T extends object | string | number>(text: string, unfound: Map<string, T>, found: (item: T, line: number, column: number) => void): void {
  let line = 1;
  let lineStart = 0;
  // The next newline not yet counted (Infinity past the last): each newline is looked for once, so a one-line
  // file is not searched to its end again for every address.
  let nextNewline = newlineFrom(text, 0);
  for (let at = text.indexOf(KEY); at !== -1 && unfound.size > 0; at = text.indexOf(KEY, at + KEY.length)) {
    const value = stringValueAfterKey(text, at + KEY.length);
    if (value === undefined) continue;
    const item = unfound.get(value);
    if (item === undefined) continue;
    unfound.delete(value);
    while (nextNewline < at) {
      line++;
      lineStart = nextNewline + 1;
      nextNewline = newlineFrom(text, lineStart);
    }
    found(item, line, at - lineStart + 1);
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
