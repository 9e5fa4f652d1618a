import { isRecord } from '../../is-record';
import { jsonStringEnd } from './json-string-end';

/**
 * `JSON.parse` of a plan (`terraform show -json tfplan`) that builds only the parts gatewarden reads.
 *
 * Most of a plan of running infrastructure is copies of each resource's values: `before` and `after` of every change,
 * `prior_state`, `resource_drift`. Building those objects is most of the cost of parsing a large plan, and keeping
 * them alive through the scan is much of the garbage collector's work. The resources are read from `planned_values`;
 * of `resource_changes` only `address`, `deposed` and the change's `actions` and `after_unknown` are read.
 *
 * A plan as Terraform writes it (no spaces between tokens) takes the lean path: the top-level object is walked; each
 * member is parsed by `JSON.parse` on its own, except `resource_drift`, `output_changes` and `prior_state`, which are
 * skipped, and `resource_changes`, whose changes are reduced to the fields above. What is skipped is still checked to
 * be well-formed as far as strings and brackets go (every string closed, brackets balanced).
 * Anything else (a pretty-printed plan, a state, changes without planned values of a root module before them, input
 * that does not walk as expected) is parsed whole by `JSON.parse`, which also reports the error of invalid JSON with its position.
 */
export function parsePlanJson(text: string): ParsedPlanJson {
  const changeAddressOffsets: number[] = [];
  let lean: Record<string, unknown> | undefined;
  try {
    lean = leanPlan(text, changeAddressOffsets);
  } catch {
    // A member that does not parse: JSON.parse of the whole text says where.
    lean = undefined;
  }
  return lean ? { json: lean, changeAddressOffsets } : { json: JSON.parse(text) as unknown };
}

export interface ParsedPlanJson {
  readonly json: unknown;
  /**
   * For a plan parsed leanly, where each change of `resource_changes` names its resource: the offset in the text of
   * its `"address"` key, by index (-1 for a change without one). Found on the way, so that a large plan's resources
   * need not be looked for in the text again to say where they are.
   */
  readonly changeAddressOffsets?: readonly number[];
}

/** Members never read from a plan: skipped, not built. */
const SKIPPED = new Set(['resource_drift', 'output_changes', 'prior_state']);

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

function leanPlan(text: string, changeAddressOffsets: number[]): Record<string, unknown> | undefined {
  if (!text.startsWith('{"format_version":')) return undefined;
  const plan: Record<string, unknown> = {};
  const end = walkObject(text, 0, (keyStart, valueStart) => {
    const key = text.slice(keyStart + 1, valueStart - 2);
    // Not expected in a plan's structure; JSON.parse of the whole text treats them exactly.
    if (key.includes('\\') || key === '__proto__') return -1;
    // A state: nothing in it is skipped.
    if (key === 'values') return -1;
    if (key === 'resource_changes') {
      // Without planned values (a root module) before them, which is not how Terraform writes a plan, the resources
      // are read from the changes' `after`: parsed whole.
      const planned = plan['planned_values'];
      if (!isRecord(planned) || !isRecord(planned['root_module'])) return -1;
      const changes: Record<string, unknown>[] = [];
      const changesEnd = reduceChanges(text, valueStart, changes, changeAddressOffsets);
      plan[key] = changes;
      return changesEnd;
    }
    if (key === 'planned_values') {
      const parsed = plannedValues(text, valueStart);
      if (parsed) plan[key] = parsed.value;
      return parsed ? parsed.end : -1;
    }
    const valueEnd = skipValue(text, valueStart);
    if (valueEnd >= 0 && !SKIPPED.has(key)) plan[key] = JSON.parse(text.slice(valueStart, valueEnd));
    return valueEnd;
  });
  if (end < 0 || text.slice(end).trim() !== '' || plan['planned_values'] === undefined) return undefined;
  return plan;
}

/**
 * Walks the members of the object at `start`, handing the start of each key (its opening quote) and of its value to
 * `onMember`, which returns the end of the value (-1: not as expected, stop). Returns the end of the object, or -1.
 */
function walkObject(text: string, start: number, onMember: (keyStart: number, valueStart: number) => number): number {
  if (text.charCodeAt(start) !== OPEN_BRACE) return -1;
  let at = start + 1;
  if (text.charCodeAt(at) === CLOSE_BRACE) return at + 1;
  for (;;) {
    if (text.charCodeAt(at) !== QUOTE) return -1;
    const keyEnd = jsonStringEnd(text, at);
    if (keyEnd < 0 || text.charCodeAt(keyEnd) !== COLON) return -1;
    const valueEnd = onMember(at, keyEnd + 1);
    if (valueEnd < 0) return -1;
    const next = text.charCodeAt(valueEnd);
    if (next === CLOSE_BRACE) return valueEnd + 1;
    if (next !== COMMA) return -1;
    at = valueEnd + 1;
  }
}

/** Whether the key whose opening quote is at `keyStart`, and whose value starts at `valueStart`, is `name`. */
function keyIs(text: string, keyStart: number, valueStart: number, name: string): boolean {
  return valueStart - keyStart === name.length + 3 && text.startsWith(name, keyStart + 1);
}

/**
 * `planned_values`, parsed, and its end. The end is looked for where `resource_changes` start when they follow it (a
 * `}` before them; `resource_drift` may come between), and confirmed by the value up to there parsing: a JSON value is
 * never a proper prefix of another. A planned value that holds a key named `resource_changes` makes that guess fail;
 * the value is then walked to its end.
 */
function plannedValues(text: string, start: number): { value: unknown; end: number } | undefined {
  const changes = text.indexOf(',"resource_changes":[', start);
  if (changes > start && text.charCodeAt(changes - 1) === CLOSE_BRACE) {
    try {
      return { value: JSON.parse(text.slice(start, changes)) as unknown, end: changes };
    } catch {
      // Not the end of the planned values: walk them.
    }
  }
  const end = skipValue(text, start);
  return end < 0 ? undefined : { value: JSON.parse(text.slice(start, end)) as unknown, end };
}

/**
 * Adds each change of the `resource_changes` array at `start` to `changes`, reduced to what is read: `address`,
 * `deposed`, and `actions` and `after_unknown` of `change`; and the offset of its `"address"` key to `addressOffsets`.
 * Returns the end of the array, or -1.
 * Equal `actions` and `after_unknown` texts (most resources of a type have the same) are parsed once and shared:
 * nothing changes the parsed plan.
 */
function reduceChanges(text: string, start: number, changes: Record<string, unknown>[], addressOffsets: number[]): number {
  if (text.charCodeAt(start) !== OPEN_BRACKET) return -1;
  if (text.charCodeAt(start + 1) === CLOSE_BRACKET) return start + 2;
  const parsed = new Map<string, unknown>();
  const parseShared = (from: number, to: number): unknown => {
    const json = text.slice(from, to);
    let value = parsed.get(json);
    if (value === undefined) {
      value = JSON.parse(json) as unknown;
      parsed.set(json, value);
    }
    return value;
  };
  let at = start + 1;
  for (;;) {
    const change: Record<string, unknown> = {};
    let addressOffset = -1;
    const end = walkObject(text, at, (keyStart, valueStart) => {
      if (keyIs(text, keyStart, valueStart, 'change')) {
        const body: Record<string, unknown> = {};
        change['change'] = body;
        return walkObject(text, valueStart, (innerKeyStart, innerValueStart) => {
          const innerEnd = skipValue(text, innerValueStart);
          if (innerEnd < 0) return -1;
          if (keyIs(text, innerKeyStart, innerValueStart, 'actions')) body['actions'] = parseShared(innerValueStart, innerEnd);
          else if (keyIs(text, innerKeyStart, innerValueStart, 'after_unknown')) body['after_unknown'] = parseShared(innerValueStart, innerEnd);
          return innerEnd;
        });
      }
      const valueEnd = skipValue(text, valueStart);
      if (valueEnd < 0) return -1;
      // Parsed rather than sliced: a slice of the text is slower to hash and compare as a map key, which an address is.
      if (keyIs(text, keyStart, valueStart, 'address')) {
        change['address'] = JSON.parse(text.slice(valueStart, valueEnd));
        addressOffset = keyStart;
      } else if (keyIs(text, keyStart, valueStart, 'deposed')) change['deposed'] = JSON.parse(text.slice(valueStart, valueEnd));
      return valueEnd;
    });
    if (end < 0) return -1;
    changes.push(change);
    addressOffsets.push(addressOffset);
    const next = text.charCodeAt(end);
    if (next === CLOSE_BRACKET) return end + 1;
    if (next !== COMMA) return -1;
    at = end + 1;
  }
}

/** The end of the JSON value at `start`, checked only as far as strings and brackets go; -1 when not well-formed. */
function skipValue(text: string, start: number): number {
  const first = text.charCodeAt(start);
  if (first === QUOTE) return jsonStringEnd(text, start);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    // A number, true, false or null: up to the next delimiter.
    let at = start;
    for (let c = first; at < text.length && c !== COMMA && c !== CLOSE_BRACE && c !== CLOSE_BRACKET; c = text.charCodeAt(++at));
    return at > start ? at : -1;
  }
  // The hot loop of a large plan: a character at a time outside strings, a whole string at a time inside.
  let depth = 0;
  for (let at = start; at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (c === QUOTE) {
      const end = jsonStringEnd(text, at);
      if (end < 0) return -1;
      at = end - 1;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) return at + 1;
  }
  return -1;
}
