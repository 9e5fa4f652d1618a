import type { Diagnostic } from '../../src/graph/diagnostic';
import type { FileSource } from '../../src/graph/source';
import type { KeyPath } from '../key-lines';
import { CfnUnknown, isCfnUnknown, type CfnRef, type CfnValue } from './template';

/**
 * Evaluates intrinsic functions over what a template knows statically: parameter values (defaults and overrides),
 * Mappings, decidable Conditions, and the string functions. Pseudo parameters, resource attributes, imports and
 * everything else stay unknown: a value is never guessed. References to resources are collected as they are met.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html
 */

/** `Ref: AWS::NoValue` (possibly through `Fn::If`): the property or list item is removed. */
const NO_VALUE: unique symbol = Symbol('AWS::NoValue');
type Evaluated = CfnValue | typeof NO_VALUE;

/** Where a raw value sits, to report problems on the right line. */
export interface Position {
  readonly path: KeyPath;
  readonly locate: (path: KeyPath) => FileSource;
}

export interface ResolverInput {
  readonly parameters: ReadonlyMap<string, CfnValue>;
  readonly mappings: Readonly<Record<string, unknown>>;
  readonly conditions: Readonly<Record<string, unknown>>;
  /** Where `Conditions` and `Mappings` entries are written. */
  readonly locate: (path: KeyPath) => FileSource;
}

/** Functions that exist but cannot be evaluated statically. */
const NOT_STATIC = new Set(['Fn::GetAZs', 'Fn::ImportValue', 'Fn::Cidr', 'Fn::Transform', 'Fn::ForEach', 'Fn::GetStackOutput']);

export class Resolver {
  private readonly input: ResolverInput;
  private readonly conditionValues = new Map<string, boolean | undefined>();
  private readonly evaluating = new Set<string>();
  private readonly reported = new Set<string>();
  readonly diagnostics: Diagnostic[] = [];

  constructor(input: ResolverInput) {
    this.input = input;
  }

  /** The value of a raw template value; `undefined` when it is `AWS::NoValue`. Resource references go to `refs`. */
  evaluate(raw: unknown, at: Position, refs: CfnRef[]): CfnValue | undefined {
    const value = this.eval(raw, at, refs);
    return value === NO_VALUE ? undefined : value;
  }

  /**
   * Follows the structure of a raw value without evaluating it: a decidable `Fn::If` is replaced by its branch,
   * `AWS::NoValue` is absence. Used to walk into nested property mappings and lists.
   */
  structure(raw: unknown, at: Position): { readonly kind: 'raw'; readonly raw: unknown; readonly at: Position } | { readonly kind: 'absent' } | { readonly kind: 'unknown'; readonly expr: string } {
    let current = raw;
    let position = at;
    for (let depth = 0; depth < 50; depth++) {
      const fn = intrinsicName(current);
      if (fn === undefined) return { kind: 'raw', raw: current, at: position };
      const arg = (current as Record<string, unknown>)[fn];
      if (fn === 'Ref' && arg === 'AWS::NoValue') return { kind: 'absent' };
      if (fn !== 'Fn::If' || !Array.isArray(arg) || arg.length !== 3 || typeof arg[0] !== 'string') return { kind: 'unknown', expr: describe(current) };
      const decided = this.condition(arg[0], { ...position, path: [...position.path, fn, 0] });
      if (decided === undefined) return { kind: 'unknown', expr: describe(current) };
      const branch = decided ? 1 : 2;
      current = arg[branch];
      position = { ...position, path: [...position.path, fn, branch] };
    }
    return { kind: 'unknown', expr: describe(raw) };
  }

  /** A named condition: `true`, `false`, or `undefined` when it depends on something unknown. */
  condition(name: string, at: Position): boolean | undefined {
    if (this.conditionValues.has(name)) return this.conditionValues.get(name);
    if (!Object.prototype.hasOwnProperty.call(this.input.conditions, name)) {
      this.report(`condition ${name} is not defined in Conditions`, at);
      return undefined;
    }
    if (this.evaluating.has(name)) {
      this.report(`condition ${name} depends on itself`, at);
      return undefined;
    }
    this.evaluating.add(name);
    const value = this.eval(this.input.conditions[name], { path: ['Conditions', name], locate: this.input.locate }, []);
    this.evaluating.delete(name);
    const decided = typeof value === 'boolean' ? value : value === 'true' ? true : value === 'false' ? false : undefined;
    this.conditionValues.set(name, decided);
    return decided;
  }

  private eval(raw: unknown, at: Position, refs: CfnRef[]): Evaluated {
    if (raw === null || raw === undefined) return null;
    if (typeof raw === 'string') return raw.includes('{{resolve:') ? new CfnUnknown(raw, raw.slice(0, raw.indexOf('{{resolve:'))) : raw;
    if (typeof raw === 'number' || typeof raw === 'boolean') return raw;
    if (Array.isArray(raw)) {
      const items: CfnValue[] = [];
      raw.forEach((item, index) => {
        const value = this.eval(item, child(at, index), refs);
        if (value !== NO_VALUE) items.push(value);
      });
      return items;
    }
    if (typeof raw !== 'object') return new CfnUnknown(`unsupported ${typeof raw} value`);
    const fn = intrinsicName(raw);
    if (fn !== undefined) return this.intrinsic(fn, (raw as Record<string, unknown>)[fn], raw, child(at, fn), refs);
    const result: Record<string, CfnValue> = {};
    for (const [key, item] of Object.entries(raw)) {
      const value = this.eval(item, child(at, key), refs);
      if (value !== NO_VALUE) Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return result;
  }

  private intrinsic(fn: string, arg: unknown, whole: unknown, at: Position, refs: CfnRef[]): Evaluated {
    switch (fn) {
      case 'Ref':
        return typeof arg === 'string' ? this.ref(arg, refs) : this.invalid(fn, 'a parameter or resource name', whole, at);
      case 'Condition':
        return typeof arg === 'string' ? unknownIfUndefined(this.condition(arg, at), whole) : this.invalid(fn, 'a condition name', whole, at);
      case 'Fn::GetAtt':
        return this.getAtt(arg, whole, at, refs);
      case 'Fn::Sub':
        return this.sub(arg, whole, at, refs);
      case 'Fn::Join':
        return this.join(arg, whole, at, refs);
      case 'Fn::Select':
        return this.select(arg, whole, at, refs);
      case 'Fn::Split': {
        if (!Array.isArray(arg) || arg.length !== 2) return this.invalid(fn, '[delimiter, string]', whole, at);
        const delimiter = this.eval(arg[0], child(at, 0), refs);
        const source = this.eval(arg[1], child(at, 1), refs);
        if (typeof delimiter === 'string' && typeof source === 'string') return source.split(delimiter);
        return new CfnUnknown(describe(whole));
      }
      case 'Fn::FindInMap':
        return this.findInMap(arg, whole, at, refs);
      case 'Fn::If':
        return this.fnIf(arg, whole, at, refs);
      case 'Fn::Equals': {
        if (!Array.isArray(arg) || arg.length !== 2) return this.invalid(fn, '[value, value]', whole, at);
        const left = this.eval(arg[0], child(at, 0), refs);
        const right = this.eval(arg[1], child(at, 1), refs);
        if (hasUnknown(left) || hasUnknown(right)) return new CfnUnknown(describe(whole));
        // CloudFormation compares the string forms: `!Equals [!Ref Count, 1]`.
        return JSON.stringify(scalarString(left)) === JSON.stringify(scalarString(right));
      }
      case 'Fn::And':
      case 'Fn::Or': {
        if (!Array.isArray(arg) || arg.length === 0) return this.invalid(fn, 'a list of conditions', whole, at);
        const values = arg.map((item, index) => this.eval(item, child(at, index), refs));
        const decisive = fn === 'Fn::And' ? false : true;
        if (values.some((v) => v === decisive)) return decisive;
        return values.every((v) => v === !decisive) ? !decisive : new CfnUnknown(describe(whole));
      }
      case 'Fn::Not': {
        const list = Array.isArray(arg) ? arg : [arg];
        const value = this.eval(list[0], child(at, 0), refs);
        return typeof value === 'boolean' ? !value : new CfnUnknown(describe(whole));
      }
      case 'Fn::Base64': {
        const value = this.eval(arg, at, refs);
        return typeof value === 'string' ? Buffer.from(value, 'utf8').toString('base64') : new CfnUnknown(describe(whole));
      }
      case 'Fn::ToJsonString': {
        const value = this.eval(arg, at, refs);
        return value === NO_VALUE || hasUnknown(value) ? new CfnUnknown(describe(whole)) : JSON.stringify(value);
      }
      case 'Fn::Length': {
        const value = this.eval(arg, at, refs);
        return Array.isArray(value) ? value.length : new CfnUnknown(describe(whole));
      }
      default:
        if (NOT_STATIC.has(fn)) {
          // Still collect references inside (e.g. `Fn::Cidr` of a VPC's block), for links.
          this.eval(arg, at, refs);
          return new CfnUnknown(describe(whole));
        }
        this.report(`unknown intrinsic function ${fn}`, at);
        return new CfnUnknown(describe(whole));
    }
  }

  private ref(name: string, refs: CfnRef[]): Evaluated {
    if (name === 'AWS::NoValue') return NO_VALUE;
    const parameter = this.input.parameters.get(name);
    if (parameter !== undefined) return parameter;
    // Pseudo parameters (AWS::Region, AWS::AccountId, AWS::StackName...) depend on where the stack is deployed.
    if (name.startsWith('AWS::')) return new CfnUnknown(name);
    // A resource (or one a transform such as SAM generates): its physical id is known after deployment.
    refs.push({ logicalId: name });
    return new CfnUnknown(`!Ref ${name}`, '', true);
  }

  private getAtt(arg: unknown, whole: unknown, at: Position, refs: CfnRef[]): Evaluated {
    let parts: unknown[] | undefined = Array.isArray(arg) ? arg : undefined;
    if (typeof arg === 'string') {
      const dot = arg.indexOf('.');
      parts = dot === -1 ? [arg] : [arg.slice(0, dot), arg.slice(dot + 1)];
    }
    const [resource, attribute] = parts ?? [];
    if (typeof resource !== 'string' || parts?.length !== 2) return this.invalid('Fn::GetAtt', '[resource, attribute]', whole, at);
    const name = this.eval(attribute, child(at, 1), refs);
    refs.push(typeof name === 'string' ? { logicalId: resource, attribute: name } : { logicalId: resource });
    return new CfnUnknown(`!GetAtt ${resource}.${typeof name === 'string' ? name : '?'}`, '', true);
  }

  /** `${Name}`, `${Resource.Attribute}`, `${!Literal}`, with optional variables: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-sub.html */
  private sub(arg: unknown, whole: unknown, at: Position, refs: CfnRef[]): Evaluated {
    const [text, variables]: unknown[] = Array.isArray(arg) ? (arg as unknown[]) : [arg, undefined];
    if (typeof text !== 'string' || (variables !== undefined && (typeof variables !== 'object' || variables === null || Array.isArray(variables)))) {
      return this.invalid('Fn::Sub', 'a string, or [string, variables]', whole, at);
    }
    const vars = (variables ?? {}) as Record<string, unknown>;
    const pieces: Evaluated[] = [];
    let last = 0;
    for (const match of text.matchAll(/\$\{([^}]*)\}/g)) {
      const start = match.index;
      pieces.push(text.slice(last, start));
      last = start + match[0].length;
      const name = (match[1] ?? '').trim();
      if (name.startsWith('!')) {
        pieces.push(`\${${name.slice(1)}}`);
      } else if (Object.prototype.hasOwnProperty.call(vars, name)) {
        pieces.push(this.eval(vars[name], child(child(at, 1), name), refs));
      } else if (name.includes('.') && !name.startsWith('AWS::')) {
        const dot = name.indexOf('.');
        refs.push({ logicalId: name.slice(0, dot), attribute: name.slice(dot + 1) });
        pieces.push(new CfnUnknown(`\${${name}}`, '', true));
      } else {
        pieces.push(this.ref(name, refs));
      }
    }
    pieces.push(text.slice(last));
    return concatenate(pieces, text);
  }

  private join(arg: unknown, whole: unknown, at: Position, refs: CfnRef[]): Evaluated {
    if (!Array.isArray(arg) || arg.length !== 2) return this.invalid('Fn::Join', '[delimiter, list]', whole, at);
    const delimiter = this.eval(arg[0], child(at, 0), refs);
    const list = this.eval(arg[1], child(at, 1), refs);
    if (typeof delimiter !== 'string' || !Array.isArray(list)) return new CfnUnknown(describe(whole));
    const pieces: Evaluated[] = [];
    (list as readonly CfnValue[]).forEach((item, index) => {
      if (index > 0) pieces.push(delimiter);
      pieces.push(item);
    });
    return concatenate(pieces, describe(whole));
  }

  private select(arg: unknown, whole: unknown, at: Position, refs: CfnRef[]): Evaluated {
    if (!Array.isArray(arg) || arg.length !== 2) return this.invalid('Fn::Select', '[index, list]', whole, at);
    const index = this.eval(arg[0], child(at, 0), refs);
    const list = this.eval(arg[1], child(at, 1), refs);
    const i = typeof index === 'number' ? index : typeof index === 'string' && /^\d+$/.test(index) ? Number(index) : undefined;
    if (i === undefined || !Array.isArray(list)) return new CfnUnknown(describe(whole));
    const item = (list as readonly CfnValue[])[i];
    if (item === undefined) {
      this.report(`Fn::Select index ${i} is out of range for a list of ${list.length}`, at);
      return new CfnUnknown(describe(whole));
    }
    return item;
  }

  private findInMap(arg: unknown, whole: unknown, at: Position, refs: CfnRef[]): Evaluated {
    if (!Array.isArray(arg) || arg.length < 3) return this.invalid('Fn::FindInMap', '[map, top-level key, second-level key]', whole, at);
    const keys = arg.slice(0, 3).map((item, index) => this.eval(item, child(at, index), refs));
    // AWS::LanguageExtensions adds a fourth element: { DefaultValue: ... }.
    const fallback = arg[3] !== null && typeof arg[3] === 'object' && !Array.isArray(arg[3]) ? (arg[3] as Record<string, unknown>)['DefaultValue'] : undefined;
    if (keys.some((k) => typeof k !== 'string' && typeof k !== 'number')) return new CfnUnknown(describe(whole));
    const [map, top, second] = keys.map(String) as [string, string, string];
    const table = own(this.input.mappings, map);
    const row = own(table, top);
    const found = own(row, second);
    if (found !== undefined) return this.eval(found, { path: ['Mappings', map, top, second], locate: this.input.locate }, refs);
    if (fallback !== undefined) return this.eval(fallback, child(at, 3), refs);
    this.report(`Fn::FindInMap: Mappings has no ${map} / ${top} / ${second}`, at);
    return new CfnUnknown(describe(whole));
  }

  private fnIf(arg: unknown, whole: unknown, at: Position, refs: CfnRef[]): Evaluated {
    if (!Array.isArray(arg) || arg.length !== 3 || typeof arg[0] !== 'string') return this.invalid('Fn::If', '[condition, value if true, value if false]', whole, at);
    const decided = this.condition(arg[0], child(at, 0));
    if (decided !== undefined) return this.eval(decided ? arg[1] : arg[2], child(at, decided ? 1 : 2), refs);
    // Undecidable: the value is known only when both branches agree. References of either branch are not
    // recorded, so that a link (a WAF association, a domain mapping) is never assumed from a branch that may not apply.
    const whenTrue = this.eval(arg[1], child(at, 1), []);
    const whenFalse = this.eval(arg[2], child(at, 2), []);
    if (whenTrue !== NO_VALUE && whenFalse !== NO_VALUE && !hasUnknown(whenTrue) && JSON.stringify(whenTrue) === JSON.stringify(whenFalse)) return whenTrue;
    return new CfnUnknown(describe(whole), '', false, true);
  }

  private invalid(fn: string, expected: string, whole: unknown, at: Position): CfnUnknown {
    this.report(`${fn} expects ${expected}, not ${describe(whole)}`, at);
    return new CfnUnknown(describe(whole));
  }

  private report(message: string, at: Position): void {
    const source = at.locate(at.path);
    const key = `${source.line ?? 0} ${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.diagnostics.push({
      severity: 'error', message, file: source.file, ...(source.line !== undefined && { line: source.line }), provider: 'cloudformation',
    });
  }
}

/** The intrinsic a raw value calls: an object with one key, `Ref`, `Condition` or `Fn::*`. */
export function intrinsicName(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const keys = Object.keys(raw);
  if (keys.length !== 1) return undefined;
  const key = keys[0] ?? '';
  return key === 'Ref' || key === 'Condition' || key.startsWith('Fn::') ? key : undefined;
}

function child(at: Position, key: string | number): Position {
  return { path: [...at.path, key], locate: at.locate };
}

function own(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

function unknownIfUndefined(value: boolean | undefined, whole: unknown): Evaluated {
  return value === undefined ? new CfnUnknown(describe(whole)) : value;
}

/** Joins string pieces; any unknown piece makes the whole unknown, keeping the known text before it. */
function concatenate(pieces: readonly Evaluated[], expr: string): Evaluated {
  let text = '';
  for (const [index, piece] of pieces.entries()) {
    if (typeof piece === 'string' || typeof piece === 'number' || typeof piece === 'boolean') text += String(piece);
    else if (isCfnUnknown(piece)) return new CfnUnknown(expr, text + piece.prefix, text !== '' || pieces.slice(index).some(isNonEmpty));
    else return new CfnUnknown(expr, text);
  }
  return text;
}

/** A piece that makes the text it is joined into non-empty. */
function isNonEmpty(piece: Evaluated): boolean {
  return isCfnUnknown(piece) ? piece.nonEmpty : (typeof piece === 'string' && piece !== '') || typeof piece === 'number' || typeof piece === 'boolean';
}

function hasUnknown(value: Evaluated): boolean {
  if (value === NO_VALUE || isCfnUnknown(value)) return true;
  if (Array.isArray(value)) return (value as readonly CfnValue[]).some(hasUnknown);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(hasUnknown);
  return false;
}

function scalarString(value: Evaluated): unknown {
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
}

/** Short text of a raw value for messages: `!Sub https://${Host}/`, `{"Fn::GetAZs":""}`. */
export function describe(raw: unknown): string {
  const fn = intrinsicName(raw);
  const arg = fn === undefined ? undefined : (raw as Record<string, unknown>)[fn];
  let text: string;
  if (fn === 'Ref' && typeof arg === 'string') text = `!Ref ${arg}`;
  else if (fn === 'Fn::Sub' && typeof arg === 'string') text = `!Sub ${arg}`;
  else if (fn === 'Fn::GetAtt' && Array.isArray(arg)) text = `!GetAtt ${arg.map((a) => (typeof a === 'string' ? a : '?')).join('.')}`;
  else if (fn !== undefined) text = `!${fn.replace(/^Fn::/, '')} ${encode(arg)}`;
  else text = encode(raw);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** JSON text of a value; `JSON.stringify` gives `undefined` for `undefined`. */
function encode(value: unknown): string {
  return value === undefined ? 'undefined' : JSON.stringify(value);
}
