import { CORE_SCHEMA, dump, load } from 'js-yaml';

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

/** YAML text of plain data (objects, arrays, scalars), in block style and without anchors. */
export function stringifyYaml(value: unknown): string {
  return dump(value, { schema: CORE_SCHEMA, noRefs: true });
}

function failure(error: unknown): YamlResult {
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
