import {
  CORE_SCHEMA, constructFromEvents, defineMappingTag, defineScalarTag, defineSequenceTag, dump, EVENT_ID, getScalarValue, load, parseEvents,
  type Event, type Schema, type TagDefinition,
} from 'js-yaml';
import { LineIndex, pathKey, tableKeyLines, type KeyLines, type KeyPath, type KeySpan } from '../key-lines';
import { isRecord } from '../is-record';

/**
 * The one reader and writer of YAML (STYLE.md rule 8: js-yaml is imported here only). Scanned files are data:
 * the YAML 1.2 core schema builds plain objects, arrays, strings, numbers, booleans and null, and rejects every
 * other tag, so nothing in a file can make us construct or run anything.
 */

export type YamlResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly reason: string; /** 1-based, when the parser knows it. */ readonly line?: number };

/**
 * Aliases per document. js-yaml 5 has no limit by default; real OpenAPI and CloudFormation files use a handful.
 * https://github.com/nodeca/js-yaml/blob/master/docs/safety.md
 */
const MAX_ALIASES = 100;

/**
 * Aliases share one object, so loading an alias bomb is cheap but walking its result is exponential:
 * the expanded document (every alias counted as many times as it is reached) is bounded too.
 */
const MAX_EXPANDED_NODES = 1_000_000;

/** Parses one YAML document. Never throws on bad input. */
export function parseYaml(text: string, filename?: string): YamlResult {
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA, maxAliases: MAX_ALIASES, ...(filename !== undefined && { filename }) });
  } catch (error) {
    return failure(error);
  }
  if (expandedSize(value, MAX_EXPANDED_NODES) > MAX_EXPANDED_NODES) {
    return { ok: false, reason: `the document expands to more than ${MAX_EXPANDED_NODES.toLocaleString('en')} values through its aliases` };
  }
  return { ok: true, value };
}

/**
 * A local tag the reader accepts on top of the core schema (CloudFormation's `!Ref`, `!Sub`...), turned into plain
 * data by `construct`: a tag only ever builds data, never an object with behaviour.
 */
export interface YamlTag {
  /** e.g. `!Ref`. */
  readonly tag: string;
  /** The value of a node that carries the tag, from its plain content (a string, an array or an object). */
  construct(content: unknown, kind: 'scalar' | 'sequence' | 'mapping'): unknown;
  /**
   * The key `construct` wraps the content in (`Fn::If` for `!If`), if any: key lines then record the content of a
   * tagged list or mapping under it too, so that paths of the short and the long form find the same lines.
   */
  readonly wrapsIn?: string;
}

export type YamlDocumentResult =
  | { readonly ok: true; readonly value: unknown; readonly lines: KeyLines }
  | { readonly ok: false; readonly reason: string; readonly line?: number };

/**
 * Parses a single-document YAML file with the lines of every mapping key and list item (from js-yaml's parse
 * events: one parse serves both the values and the positions). `tags` adds local tags to the core schema; any other
 * tag is an error. Never throws on bad input.
 */
export function parseYamlDocument(text: string, options: { readonly filename?: string; readonly tags?: readonly YamlTag[] } = {}): YamlDocumentResult {
  let events: Event[];
  let documents: unknown[];
  try {
    events = parseEvents(text, { ...(options.filename !== undefined && { filename: options.filename }) });
    documents = constructFromEvents(events, {
      source: text,
      schema: schemaWith(options.tags ?? []),
      maxAliases: MAX_ALIASES,
      ...(options.filename !== undefined && { filename: options.filename }),
    });
  } catch (error) {
    return failure(error);
  }
  if (documents.length === 0) return { ok: false, reason: 'the file holds no YAML document' };
  if (documents.length > 1) return { ok: false, reason: `the file holds ${documents.length} YAML documents where one is expected` };
  const value = documents[0];
  if (expandedSize(value, MAX_EXPANDED_NODES) > MAX_EXPANDED_NODES) {
    return { ok: false, reason: `the document expands to more than ${MAX_EXPANDED_NODES.toLocaleString('en')} values through its aliases` };
  }
  return { ok: true, value, lines: keyLinesOf(events, text, options.tags ?? []) };
}

const schemas = new WeakMap<readonly YamlTag[], Schema>();

function schemaWith(tags: readonly YamlTag[]): Schema {
  if (tags.length === 0) return CORE_SCHEMA;
  const cached = schemas.get(tags);
  if (cached) return cached;
  const definitions: TagDefinition[] = tags.flatMap((tag) => [
    defineScalarTag<unknown>(tag.tag, { resolve: (source) => tag.construct(source, 'scalar'), identify: () => false }),
    defineSequenceTag<unknown[], unknown>(tag.tag, {
      create: () => [],
      addItem: (items, item) => {
        items.push(item);
      },
      finalize: (items) => tag.construct(items, 'sequence'),
      identify: () => false,
    }),
    defineMappingTag<Record<string, unknown>, unknown>(tag.tag, {
      create: () => ({}),
      addPair: (carrier, key, item) => {
        if (typeof key !== 'string' && typeof key !== 'number' && typeof key !== 'boolean') return 'keys of a tagged mapping must be scalars';
        // defineProperty: a `__proto__` key stays a plain key.
        Object.defineProperty(carrier, String(key), { value: item, enumerable: true, writable: true, configurable: true });
        return '';
      },
      has: (carrier, key) => Object.prototype.hasOwnProperty.call(carrier, String(key)),
      keys: (result) => (isRecord(result) ? Object.keys(result) : []),
      get: (result, key) => (isRecord(result) ? result[String(key)] : undefined),
      finalize: (carrier) => tag.construct(carrier, 'mapping'),
      identify: () => false,
    }),
  ]);
  const schema = CORE_SCHEMA.withTags(definitions);
  schemas.set(tags, schema);
  return schema;
}


interface Frame {
  readonly kind: 'mapping' | 'sequence';
  readonly path: KeyPath;
  /** Line where the collection's key (or list item) starts; 0 for the root and for complex keys. */
  readonly line: number;
  /** Mappings: the key waiting for its value; `null` while a key is expected; `undefined` for a complex key. */
  pending: string | null | undefined;
  pendingLine: number;
  index: number;
  /** Inside a complex (non-scalar) key: nothing below is recorded. */
  readonly ignored: boolean;
  /** A tagged collection is recorded at its own path and under the key its tag wraps it in. */
  readonly outerPath?: KeyPath;
}

/** Walks the first document's events and records the span of every mapping key and list item. */
function keyLinesOf(events: readonly Event[], text: string, tags: readonly YamlTag[]): KeyLines {
  const lines = new LineIndex(text);
  const wrapping = new Map(tags.flatMap((t) => (t.wrapsIn === undefined ? [] : [[t.tag, t.wrapsIn] as const])));
  const table = new Map<string, KeySpan>();
  const stack: Frame[] = [];
  let lastOffset = 0;
  let documents = 0;
  const record = (path: KeyPath, line: number, endOffset: number): void => {
    if (path.length > 0 && line > 0) table.set(pathKey(path), { line, endLine: Math.max(line, lines.lineOf(endOffset)) });
  };
  /** Where the value about to open belongs: its path and the line of its key or item. */
  const slot = (startOffset: number): { path: KeyPath; line: number; ignored: boolean } => {
    const parent = stack[stack.length - 1];
    if (!parent) return { path: [], line: 0, ignored: false };
    if (parent.ignored) return { path: parent.path, line: 0, ignored: true };
    if (parent.kind === 'sequence') return { path: [...parent.path, parent.index], line: lines.lineOf(startOffset), ignored: false };
    // A complex key, or the value of one: not recorded.
    if (parent.pending === null || parent.pending === undefined) return { path: parent.path, line: 0, ignored: true };
    return { path: [...parent.path, parent.pending], line: parent.pendingLine, ignored: false };
  };
  const advance = (): void => {
    const parent = stack[stack.length - 1];
    if (!parent) return;
    if (parent.kind === 'sequence') parent.index += 1;
    // After a key comes its value; after a value, the next key.
    else parent.pending = parent.pending === null ? undefined : null;
  };
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        documents += 1;
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        if (documents > 1) break;
        const at = slot(event.start);
        lastOffset = Math.max(lastOffset, event.start);
        const wrap = event.tagStart >= 0 ? wrapping.get(text.slice(event.tagStart, event.tagEnd)) : undefined;
        stack.push({
          kind: event.type === EVENT_ID.MAPPING ? 'mapping' : 'sequence',
          path: wrap === undefined ? at.path : [...at.path, wrap],
          line: at.line, pending: null, pendingLine: 0, index: 0, ignored: at.ignored,
          ...(wrap !== undefined && { outerPath: at.path }),
        });
        break;
      }
      case EVENT_ID.SCALAR:
      case EVENT_ID.ALIAS: {
        if (documents > 1) break;
        const start = event.type === EVENT_ID.SCALAR ? (event.valueStart >= 0 ? event.valueStart : Math.max(event.tagStart, lastOffset)) : event.anchorStart;
        const end = event.type === EVENT_ID.SCALAR ? (event.valueEnd > event.valueStart ? event.valueEnd - 1 : Math.max(event.tagEnd - 1, start)) : event.anchorEnd - 1;
        lastOffset = Math.max(lastOffset, end);
        const parent = stack[stack.length - 1];
        if (parent && parent.kind === 'mapping' && parent.pending === null && !parent.ignored) {
          // A key: its value comes next.
          parent.pending = event.type === EVENT_ID.SCALAR ? getScalarValue(text, event) : undefined;
          parent.pendingLine = lines.lineOf(start);
          break;
        }
        const at = slot(start);
        if (!at.ignored) record(at.path, at.line, end);
        advance();
        break;
      }
      case EVENT_ID.POP: {
        if (documents > 1) break;
        const frame = stack.pop();
        if (!frame) break;
        if (!frame.ignored) record(frame.path, frame.line, lastOffset);
        if (!frame.ignored && frame.outerPath) record(frame.outerPath, frame.line, lastOffset);
        const parent = stack[stack.length - 1];
        // A collection used as a key: the value that follows is not recorded.
        if (parent && parent.kind === 'mapping' && parent.pending === null) parent.pending = undefined;
        else advance();
        break;
      }
      default:
        break;
    }
  }
  return tableKeyLines(table);
}

/** YAML text of plain data (objects, arrays, scalars), in block style and without anchors. */
export function stringifyYaml(value: unknown): string {
  return dump(value, { schema: CORE_SCHEMA, noRefs: true });
}

function failure(error: unknown): { readonly ok: false; readonly reason: string; readonly line?: number } {
  const line = lineOf(error);
  const reason = reasonOf(error);
  return { ok: false, reason, ...(line !== undefined && { line }) };
}

/** js-yaml's `YAMLException` carries `reason` and a 0-based `mark.line`. */
function lineOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('mark' in error)) return undefined;
  const mark = error.mark;
  if (typeof mark !== 'object' || mark === null || !('line' in mark) || typeof mark.line !== 'number') return undefined;
  return mark.line + 1;
}

function reasonOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'reason' in error && typeof error.reason === 'string') return error.reason;
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
}

/** Counts values as a walk of the document would meet them, stopping past `limit`. */
function expandedSize(root: unknown, limit: number): number {
  let count = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0 && count <= limit) {
    const value = stack.pop();
    count++;
    // One push per child: spreading a huge array into push() would overflow the call stack.
    const children: unknown[] = Array.isArray(value) ? value : typeof value === 'object' && value !== null ? Object.values(value) : [];
    for (const child of children) stack.push(child);
  }
  return count;
}

/** One document of a multi-document YAML stream, with lines counted from the start of the whole text. */
export type YamlStreamDocument =
  | {
      readonly ok: true; readonly value: unknown; readonly lines: KeyLines;
      /** 1-based lines of the document's first and last content (markers, comments and blank lines around excluded). */
      readonly line: number; readonly endLine: number;
    }
  | { readonly ok: false; readonly reason: string; readonly line: number };

/** `---` at the start of a line, alone or followed by a space (a directives end marker, possibly with content). */
const DOCUMENT_START = /^---(?=[ \t\r\n]|$)/gm;

/**
 * Parses a multi-document YAML stream (`---`-separated, as `kubectl`, `helm template` and `kustomize build` write them):
 * each document is parsed on its own, so that a broken document is one error and the others are still read. Lines
 * (of keys and of errors) count from the start of the whole text. Documents holding only comments are skipped.
 * Never throws on bad input.
 */
export function parseYamlStream(text: string, options: { readonly filename?: string } = {}): YamlStreamDocument[] {
  const starts = [0];
  for (const match of text.matchAll(DOCUMENT_START)) if (match.index > 0) starts.push(match.index);
  const lineIndex = new LineIndex(text);
  const documents: YamlStreamDocument[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i] ?? 0;
    const chunk = text.slice(start, starts[i + 1] ?? text.length);
    if (isEmptyDocument(chunk)) continue;
    const offset = lineIndex.lineOf(start) - 1;
    const parsed = parseYamlDocument(chunk, options);
    if (!parsed.ok) {
      documents.push({ ok: false, reason: parsed.reason, line: (parsed.line ?? 1) + offset });
      continue;
    }
    const lines = parsed.lines;
    documents.push({
      ok: true,
      value: parsed.value,
      line: offset + firstContentLine(chunk),
      endLine: offset + lastContentLine(chunk),
      lines: offset === 0 ? lines : {
        at(path) {
          const span = lines.at(path);
          return span ? { line: span.line + offset, endLine: span.endLine + offset } : undefined;
        },
      },
    });
  }
  return documents;
}

/** Only the `---` / `...` markers, comments and blank lines: nothing to read (a trailing `---`, a commented-out manifest). */
function isEmptyDocument(chunk: string): boolean {
  for (const raw of chunk.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line === '---' || line === '...') continue;
    return false;
  }
  return true;
}

/** 1-based line of the last line that is not a marker, a comment or blank. */
function lastContentLine(chunk: string): number {
  const lines = chunk.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = (lines[i] ?? '').trim();
    if (line !== '' && !line.startsWith('#') && line !== '---' && line !== '...') return i + 1;
  }
  return 1;
}

/** 1-based line of the first line that is not a marker, a comment or blank. */
function firstContentLine(chunk: string): number {
  const lines = chunk.split('\n');
  const index = lines.findIndex((raw) => {
    const line = raw.trim();
    return line !== '' && !line.startsWith('#') && line !== '---';
  });
  return index < 0 ? 1 : index + 1;
}
