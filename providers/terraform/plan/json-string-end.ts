const BACKSLASH = 0x5c;

/**
 * In JSON text, the end (just after the closing quote) of the string whose opening quote is at `start`; -1 when it is
 * not closed. A quote closes the string unless an odd number of backslashes stands before it.
 */
export function jsonStringEnd(text: string, start: number): number {
  let close = text.indexOf('"', start + 1);
  while (close > 0 && text.charCodeAt(close - 1) === BACKSLASH && !closes(text, close)) close = text.indexOf('"', close + 1);
  return close < 0 ? -1 : close + 1;
}

/** Whether the quote at `quote`, preceded by a backslash, still closes its string: the backslashes before it pair up. */
function closes(text: string, quote: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
  return backslashes % 2 === 0;
}
