import { LineIndex, pathKey, tableKeyLines, type KeyLines, type KeyPath, type KeySpan } from './key-lines';

/**
 * Key lines of a JSON text whose values `JSON.parse` already read. Built on first use only: a template with no
 * resource of interest never pays for it (NOTES.md: parse values with JSON.parse, find lines lazily).
 * The text must be valid JSON; the scan is a single pass over it, without building values.
 */
export function lazyJsonKeyLines(text: string): KeyLines {
  let built: KeyLines | undefined;
  return {
    at(path) {
      built ??= scanJsonKeyLines(text);
      return built.at(path);
    },
  };
}

interface Frame {
  readonly kind: 'object' | 'array';
  readonly path: KeyPath;
  readonly line: number;
  key: string | undefined;
  keyLine: number;
  index: number;
}

function scanJsonKeyLines(text: string): KeyLines {
  const lines = new LineIndex(text);
  const table = new Map<string, KeySpan>();
  const stack: Frame[] = [];
  let expectKey = false;
  const record = (path: KeyPath, line: number, endOffset: number): void => {
    if (path.length > 0 && line > 0) table.set(pathKey(path), { line, endLine: lines.lineOf(endOffset) });
  };
  /** The path and line of a value starting at `offset`. */
  const slot = (offset: number): { path: KeyPath; line: number } => {
    const parent = stack[stack.length - 1];
    if (!parent) return { path: [], line: 0 };
    if (parent.kind === 'array') return { path: [...parent.path, parent.index], line: lines.lineOf(offset) };
    return { path: [...parent.path, parent.key ?? ''], line: parent.keyLine };
  };
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      const at = slot(i);
      stack.push({ kind: c === 0x7b ? 'object' : 'array', path: at.path, line: at.line, key: undefined, keyLine: 0, index: 0 });
      expectKey = c === 0x7b;
      i++;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      const frame = stack.pop();
      if (frame) record(frame.path, frame.line, i);
      expectKey = false;
      i++;
    } else if (c === 0x2c /* , */) {
      const parent = stack[stack.length - 1];
      if (parent?.kind === 'array') parent.index += 1;
      expectKey = parent?.kind === 'object';
      i++;
    } else if (c === 0x22 /* " */) {
      const end = stringEnd(text, i);
      const parent = stack[stack.length - 1];
      if (expectKey && parent) {
        const raw = text.slice(i + 1, end);
        parent.key = raw.includes('\\') ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
        parent.keyLine = lines.lineOf(i);
        expectKey = false;
      } else {
        const at = slot(i);
        record(at.path, at.line, end);
      }
      i = end + 1;
    } else if (c === 0x3a /* : */ || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
      i++;
    } else {
      // A number, true, false or null.
      let end = i;
      while (end < text.length && !/[\s,\]}]/.test(text.charAt(end))) end++;
      const at = slot(i);
      record(at.path, at.line, end - 1);
      i = end;
    }
  }
  return tableKeyLines(table);
}

/** Offset of the closing quote of the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) i += 2;
    else if (c === 0x22) return i;
    else i++;
  }
  return text.length - 1;
}
