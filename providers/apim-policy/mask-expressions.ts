/**
 * APIM policy expressions (`@(...)` single statements, `@{...}` multi-statement blocks) are C# inside XML, written
 * with raw quotes, `<`, `>` and `&`: https://learn.microsoft.com/en-us/azure/api-management/api-management-policy-expressions
 * No XML tokenizer reads them. Each expression is swapped for a short marker before tokenizing and put back in the
 * values read afterwards. The marker keeps the expression's line breaks, so line numbers stay true.
 */

const OPEN_MARK = '\uE000';
const CLOSE_MARK = '\uE001';
const MARKER = new RegExp(`${OPEN_MARK}(\\d+)${CLOSE_MARK}\\n*`, 'g');

export interface MaskedText {
  readonly text: string;
  /** The original expressions, by marker number. */
  readonly expressions: readonly string[];
  /** Offsets (in the original text) of expressions that never close: everything after them is read as text. */
  readonly unclosed: readonly number[];
}

const CLOSING: Readonly<Record<string, string>> = { '(': ')', '{': '}', '[': ']' };

/**
 * Replaces every `@(...)` and `@{...}` with a marker, scanning brackets and C# string and char literals; with
 * `placeholders`, Terraform's `${...}` too (see `XmlOrigin.applyTimePlaceholders`).
 */
export function maskExpressions(text: string, placeholders = false): MaskedText {
  const expressions: string[] = [];
  const unclosed: number[] = [];
  let out = '';
  let i = 0;
  const nextSign = expressionSigns(text, placeholders);
  while (i < text.length) {
    const at = nextSign(i);
    if (at === -1) break;
    const open = text.charAt(at + 1);
    if (text.charAt(at) === '$' ? open !== '{' : open !== '(' && open !== '{') {
      out += text.slice(i, at + 1);
      i = at + 1;
      continue;
    }
    const end = expressionEnd(text, at + 1, text.charAt(at) === '@');
    if (end === undefined) {
      unclosed.push(at);
      break;
    }
    const expression = text.slice(at, end);
    out += `${text.slice(i, at)}${OPEN_MARK}${expressions.length}${CLOSE_MARK}${'\n'.repeat(countNewlines(expression))}`;
    expressions.push(expression);
    i = end;
  }
  out += text.slice(i);
  return { text: out, expressions, unclosed };
}

/**
 * Finds the next `@` (or `${`, with `placeholders`) from a position; -1 when there is none. Each sign is searched
 * again only once passed: text with many `@` and few `${` is not searched to its end for every `@`.
 */
function expressionSigns(text: string, placeholders: boolean): (from: number) => number {
  let dollar = placeholders ? text.indexOf('${') : -1;
  return (from) => {
    if (dollar !== -1 && dollar < from) dollar = text.indexOf('${', from);
    const at = text.indexOf('@', from);
    return at === -1 ? dollar : dollar === -1 ? at : Math.min(at, dollar);
  };
}

/** A value read from masked text, with its expressions restored. */
export interface RestoredValue {
  readonly text: string;
  /** Part of the value is computed at request time: its meaning is not known statically. */
  readonly hasExpression: boolean;
}

export function restoreExpressions(value: string, expressions: readonly string[]): RestoredValue {
  let hasExpression = false;
  const text = value.replace(MARKER, (_match, index: string) => {
    hasExpression = true;
    return expressions[Number(index)] ?? '';
  });
  return { text, hasExpression };
}

/**
 * The offset just after the bracket matching the one at `start`, or `undefined` when it never closes.
 * C# strings ("...", verbatim @"..." with "" escapes, interpolated $"...") and char literals ('x') may hold brackets,
 * and so may C# line and block comments (`// 1) build the header`), which `csharp` skips.
 */
function expressionEnd(text: string, start: number, csharp: boolean): number | undefined {
  const stack: string[] = [];
  let i = start;
  while (i < text.length) {
    const c = text.charAt(i);
    if (csharp && c === '/' && (text.charAt(i + 1) === '/' || text.charAt(i + 1) === '*')) {
      i = commentEnd(text, i);
      continue;
    }
    if (c === '"') {
      const verbatim = text.charAt(i - 1) === '@' || (text.charAt(i - 1) === '$' && text.charAt(i - 2) === '@');
      i = stringEnd(text, i + 1, verbatim);
      continue;
    }
    if (c === "'") {
      i = charEnd(text, i + 1);
      continue;
    }
    const closing = CLOSING[c];
    if (closing !== undefined) stack.push(closing);
    else if (c === ')' || c === '}' || c === ']') {
      if (stack.pop() !== c) return undefined;
      if (stack.length === 0) return i + 1;
    }
    i += 1;
  }
  return undefined;
}

/** The offset after a line comment (its line break is kept) or after a block comment. */
function commentEnd(text: string, from: number): number {
  if (text.charAt(from + 1) === '/') {
    const lineEnd = text.indexOf('\n', from);
    return lineEnd === -1 ? text.length : lineEnd;
  }
  const close = text.indexOf('*/', from + 2);
  return close === -1 ? text.length : close + 2;
}

function stringEnd(text: string, from: number, verbatim: boolean): number {
  let i = from;
  while (i < text.length) {
    const c = text.charAt(i);
    if (verbatim && c === '"' && text.charAt(i + 1) === '"') i += 2;
    else if (!verbatim && c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else if (!verbatim && c === '\n') return i;
    else i += 1;
  }
  return i;
}

/** A char literal is short (`'a'`, `'\''`, `'\u0041'`); a lone apostrophe in a comment or text is left alone. */
function charEnd(text: string, from: number): number {
  const close = text.indexOf("'", text.charAt(from) === '\\' ? from + 2 : from + 1);
  return close !== -1 && close - from <= 7 ? close + 1 : from;
}

function countNewlines(text: string): number {
  let count = 0;
  for (const c of text) if (c === '\n') count += 1;
  return count;
}
