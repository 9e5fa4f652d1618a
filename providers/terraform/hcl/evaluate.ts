import { isAbsolute, resolve as resolvePath } from 'node:path';
import type { TfValue } from '../model';
import { isUnknown } from '../model';
import type { Expr, Step, TemplatePart } from './ast';
import type { EvalBudget, EvalContext, RootResolver } from './context';
import { BudgetExceededError, bind } from './context';
import { callFunction } from './functions';
import {
  HclEvalError,
  hasKey,
  isKnownUnequal,
  isList,
  isObject,
  isWhollyKnown,
  objectFrom,
  placeholderOf,
  sortedKeys,
  toBoolValue,
  toNumberValue,
  toStringValue,
  typeName,
  unknownValue,
  valuesEqual,
} from './value';

/** Longest text a template may render (10 MiB), so a file cannot exhaust memory. */
const MAX_TEMPLATE_LENGTH = 10 * 1024 * 1024;

/** Largest collection a for-expression or splat may produce. */
export const MAX_COLLECTION_LENGTH = 100_000;

/**
 * Evaluates an expression. Unknown inputs give unknown results (with the expression text);
 * type and lookup errors throw `HclEvalError`, which `evaluateOrUnknown` turns into an unknown.
 */
export function evaluate(expr: Expr, context: EvalContext): TfValue {
  charge(context);
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'template':
      return evaluateTemplate(expr.parts, expr.text, context);
    case 'tuple':
      return expr.items.map((item) => evaluate(item, context));
    case 'object':
      return evaluateObject(expr, context);
    case 'variable':
      return lookup(expr.name, [], expr.text, context);
    case 'traversal':
      if (expr.base.kind === 'variable') return lookup(expr.base.name, expr.steps, expr.text, context);
      return applySteps(evaluate(expr.base, context), expr.steps, expr.text, context);
    case 'call':
      return evaluateCall(expr, context);
    case 'conditional':
      return evaluateConditional(expr, context);
    case 'unary':
      return evaluateUnary(expr, context);
    case 'binary':
      return evaluateBinary(expr, context);
    case 'for':
      return evaluateFor(expr, context);
    case 'parenthesized':
      return evaluate(expr.inner, context);
    case 'unsupported':
      return unknownValue(expr.text);
  }
}

/** Evaluates and turns evaluation errors into an unknown value; only the budget error escapes. */
export function evaluateOrUnknown(expr: Expr, context: EvalContext): TfValue {
  try {
    return evaluate(expr, context);
  } catch (error) {
    if (error instanceof HclEvalError) return unknownValue(expr.text);
    throw error;
  }
}

/** Evaluates only to collect references (a branch not taken, a loop body never run). */
export function collectRefs(expr: Expr, context: EvalContext): void {
  try {
    evaluate(expr, context);
  } catch (error) {
    if (!(error instanceof HclEvalError)) throw error;
  }
}

function charge(context: EvalContext): void {
  if (!takeStep(context.budget)) throw new BudgetExceededError('evaluation budget exhausted');
}

/** Takes one evaluation step from the budget; false (and the budget marked exhausted) when none is left. */
export function takeStep(budget: EvalBudget): boolean {
  budget.remaining--;
  if (budget.remaining > 0) return true;
  budget.exhausted = true;
  return false;
}

function lookup(name: string, steps: readonly Step[], text: string, context: EvalContext): TfValue {
  const bound = context.bindings.get(name);
  if (bound !== undefined || context.bindings.has(name)) {
    // `each.value...` refers to what the value came from; `each.key` and `count.index` are only names and numbers.
    const first = steps[0];
    const named = first?.kind === 'attr' && (first.name === 'key' || first.name === 'index');
    if (!named) for (const ref of context.bindingRefs?.get(name) ?? []) context.refs.add(ref);
    return applySteps(bound ?? null, steps, text, context);
  }
  return context.resolver.resolve(name, steps, text, context);
}

/**
 * Applies attribute, index and splat steps. `lenient` turns a missing attribute into an unknown
 * (for resource attributes that are computed when not configured) instead of an error.
 */
export function applySteps(value: TfValue, steps: readonly Step[], text: string, context: EvalContext, lenient = false): TfValue {
  let current = value;
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index];
    if (!step) break;
    if (isUnknown(current)) {
      for (const rest of steps.slice(index)) if (rest.kind === 'index') collectRefs(rest.key, context);
      return unknownValue(text);
    }
    switch (step.kind) {
      case 'attr':
        current = getAttribute(current, step.name, text, lenient);
        break;
      case 'index': {
        const key = evaluate(step.key, context);
        if (isUnknown(key)) return unknownValue(text);
        current = getIndex(current, key, text, lenient);
        break;
      }
      case 'splat': {
        if (current === null) return [];
        const items = isList(current) ? current : [current];
        if (items.length > MAX_COLLECTION_LENGTH) throw new HclEvalError('splat over too many elements');
        current = items.map((item) => applySteps(item, step.steps, text, context, lenient));
        // The splat consumed every step that followed it.
        return current;
      }
    }
  }
  return current;
}

function getAttribute(value: TfValue, name: string, text: string, lenient: boolean): TfValue {
  if (isObject(value)) {
    if (hasKey(value, name)) return value[name] ?? null;
    if (lenient) return unknownValue(text);
    throw new HclEvalError(`object has no attribute ${JSON.stringify(name)}`);
  }
  throw new HclEvalError(`cannot read attribute ${JSON.stringify(name)} of ${typeName(value)}`);
}

function getIndex(value: TfValue, key: TfValue, text: string, lenient: boolean): TfValue {
  if (isList(value)) {
    const position = toNumberValue(key);
    if (!Number.isInteger(position) || position < 0 || position >= value.length) throw new HclEvalError(`index ${position} out of range`);
    return value[position] ?? null;
  }
  if (isObject(value)) {
    const name = toStringValue(key);
    if (hasKey(value, name)) return value[name] ?? null;
    if (lenient) return unknownValue(text);
    throw new HclEvalError(`no element ${JSON.stringify(name)}`);
  }
  throw new HclEvalError(`cannot index ${typeName(value)}`);
}

function evaluateTemplate(parts: readonly TemplatePart[], text: string, context: EvalContext): TfValue {
  // "${x}" alone yields x itself, not its string form: https://developer.hashicorp.com/terraform/language/expressions/strings#interpolation
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only?.kind === 'interpolation') return evaluate(only.expr, context);
  return renderedValue(renderParts(parts, context), text);
}

/**
 * A rendered template as a value: the text when every part is known; else unknown, keeping the text as far as it is
 * known (see `TfUnknown.encoded`) when only interpolations are unknown.
 */
export function renderedValue(rendered: Rendered | undefined, text: string): TfValue {
  if (rendered === undefined) return unknownValue(text);
  return rendered.exact ? rendered.text : { ...unknownValue(text), encoded: rendered.text };
}

/**
 * A template rendered: `exact` when every interpolation was known; else each unknown one is written as it is in the
 * template (`${aws_lambda_function.fn.invoke_arn}`), so that what the text is known to be (an OpenAPI document, a
 * policy) can still be read. Undefined when a directive (`%{if}`, `%{for}`) depends on an unknown value: then not
 * even the shape of the text is known.
 */
export interface Rendered {
  readonly text: string;
  readonly exact: boolean;
}

/** The rendered parts, or undefined when a directive is unknown. Every part is evaluated, for refs. */
export function renderParts(parts: readonly TemplatePart[], context: EvalContext): Rendered | undefined {
  const out = new RenderedText();
  for (const part of parts) out.add(renderPart(part, context));
  return out.result();
}

/** Rendered pieces joined as they come: no longer shaped once one is not, and never longer than the limit. */
class RenderedText {
  private text = '';
  private exact = true;
  private shaped = true;

  add(piece: Rendered | undefined): void {
    if (piece === undefined) this.shaped = false;
    else if (this.shaped) {
      this.text += piece.text;
      this.exact &&= piece.exact;
    }
    if (this.text.length > MAX_TEMPLATE_LENGTH) throw new HclEvalError('template result too large');
  }

  result(): Rendered | undefined {
    return this.shaped ? { text: this.text, exact: this.exact } : undefined;
  }
}

function renderPart(part: TemplatePart, context: EvalContext): Rendered | undefined {
  switch (part.kind) {
    case 'literal':
      return { text: part.value, exact: true };
    case 'interpolation': {
      const value = evaluate(part.expr, context);
      if (!isUnknown(value)) return { text: toStringValue(value), exact: true };
      // A partly known text (`"https://${aws_x.y.host}/api"`) is written as far as it is known.
      return { text: typeof value.encoded === 'string' ? value.encoded : placeholderOf(part.expr.text), exact: false };
    }
    case 'if': {
      const condition = evaluate(part.condition, context);
      if (isUnknown(condition)) {
        renderForRefs(part.then, context);
        renderForRefs(part.otherwise, context);
        return undefined;
      }
      const chosen = toBoolValue(condition);
      renderForRefs(chosen ? part.otherwise : part.then, context);
      return renderParts(chosen ? part.then : part.otherwise, context);
    }
    case 'for': {
      const collection = evaluate(part.collection, context);
      const names = part.keyVar !== undefined ? [part.keyVar, part.valueVar] : [part.valueVar];
      if (isUnknown(collection) || !isWhollyKnownShallow(collection)) {
        renderForRefs(part.body, bind(context, names.map((name) => [name, unknownValue(name)] as const)));
        return undefined;
      }
      const out = new RenderedText();
      for (const [key, value] of iterate(collection)) {
        const inner = bind(context, part.keyVar !== undefined ? [[part.keyVar, key], [part.valueVar, value]] : [[part.valueVar, value]]);
        out.add(renderParts(part.body, inner));
      }
      return out.result();
    }
  }
}

/**
 * `templatefile(path, vars)`: the file rendered as a template whose only names are the keys of `vars` (see
 * {@link renderTemplate}). https://developer.hashicorp.com/terraform/language/functions/templatefile
 */
function evaluateTemplateFile(expr: Extract<Expr, { kind: 'call' }>, context: EvalContext): TfValue {
  const [path, vars] = expr.args.map((arg) => evaluate(arg, context));
  if (expr.args.length !== 2 || typeof path !== 'string' || vars === undefined || !context.readTemplate) return unknownValue(expr.text);
  const parts = context.readTemplate(isAbsolute(path) ? path : resolvePath(context.baseDir ?? '.', path));
  return parts ? renderTemplate(parts, vars, context, expr.text) : unknownValue(expr.text);
}

/**
 * A template read from a file (`templatefile`, the `template_file` data source) rendered with `vars`, its only names
 * (it may not call `templatefile` itself). Unknown `vars` values render as in any template: the result keeps its text
 * as far as it is known. `text` names the result when it is unknown.
 */
export function renderTemplate(parts: readonly TemplatePart[], vars: TfValue, context: EvalContext, text: string): TfValue {
  if (!isObject(vars)) return unknownValue(text);
  const scope: EvalContext = { ...context, resolver: TEMPLATE_VARIABLES_ONLY, bindings: new Map(Object.entries(vars)), readTemplate: undefined };
  try {
    return renderedValue(renderParts(parts, scope), text);
  } catch (error) {
    if (error instanceof HclEvalError) return unknownValue(text);
    throw error;
  }
}

/** In a template file, a name that is not one of its `vars` is an error, as in Terraform. */
const TEMPLATE_VARIABLES_ONLY: RootResolver = {
  resolve(name) {
    throw new HclEvalError(`templatefile: the template has no variable "${name}"`);
  },
};

function renderForRefs(parts: readonly TemplatePart[], context: EvalContext): void {
  try {
    renderParts(parts, context);
  } catch (error) {
    if (!(error instanceof HclEvalError)) throw error;
  }
}

function isWhollyKnownShallow(value: TfValue): boolean {
  return isList(value) || isObject(value);
}

function evaluateObject(expr: Extract<Expr, { kind: 'object' }>, context: EvalContext): TfValue {
  const entries: [string, TfValue][] = [];
  let keysKnown = true;
  for (const item of expr.items) {
    const value = evaluate(item.value, context);
    if (item.keyIsIdentifier) {
      entries.push([item.key.text, value]);
      continue;
    }
    const key = evaluate(item.key, context);
    if (isUnknown(key)) {
      keysKnown = false;
      continue;
    }
    entries.push([toStringValue(key), value]);
  }
  return keysKnown ? objectFrom(entries) : unknownValue(expr.text);
}

function evaluateCall(expr: Extract<Expr, { kind: 'call' }>, context: EvalContext): TfValue {
  // try() and can() need their arguments unevaluated, to catch each one's errors.
  if (expr.name === 'try') return evaluateTry(expr, context);
  if (expr.name === 'can') return evaluateCan(expr, context);
  if (expr.name === 'templatefile') return evaluateTemplateFile(expr, context);
  let args = expr.args.map((arg) => evaluate(arg, context));
  if (expr.expandFinal) {
    const last = args[args.length - 1];
    if (last === undefined || isUnknown(last)) return unknownValue(expr.text);
    if (!isList(last)) throw new HclEvalError('the last argument before ... must be a list');
    args = [...args.slice(0, -1), ...last];
  }
  return callFunction(expr.name, args, expr.text, context);
}

/**
 * The first argument that evaluates without error. An unknown argument makes the result unknown,
 * as in Terraform: it might fail once known, so falling through to a default would be a guess.
 * https://developer.hashicorp.com/terraform/language/functions/try
 */
function evaluateTry(expr: Extract<Expr, { kind: 'call' }>, context: EvalContext): TfValue {
  for (const [index, arg] of expr.args.entries()) {
    try {
      const value = evaluate(arg, context);
      for (const rest of expr.args.slice(index + 1)) collectRefs(rest, context);
      return isWhollyKnown(value) ? value : unknownValue(expr.text);
    } catch (error) {
      if (!(error instanceof HclEvalError)) throw error;
    }
  }
  throw new HclEvalError('no argument of try() could be evaluated');
}

function evaluateCan(expr: Extract<Expr, { kind: 'call' }>, context: EvalContext): TfValue {
  const arg = expr.args[0];
  if (!arg || expr.args.length !== 1) throw new HclEvalError('can() takes one argument');
  try {
    const value = evaluate(arg, context);
    return isWhollyKnown(value) ? true : unknownValue(expr.text);
  } catch (error) {
    if (error instanceof HclEvalError) return false;
    throw error;
  }
}

function evaluateConditional(expr: Extract<Expr, { kind: 'conditional' }>, context: EvalContext): TfValue {
  const condition = evaluate(expr.condition, context);
  if (isUnknown(condition)) {
    collectRefs(expr.then, context);
    collectRefs(expr.otherwise, context);
    return unknownValue(expr.text);
  }
  const chosen = toBoolValue(condition);
  // Both branches are dependencies in Terraform's graph, so both contribute refs.
  collectRefs(chosen ? expr.otherwise : expr.then, context);
  return evaluate(chosen ? expr.then : expr.otherwise, context);
}

function evaluateUnary(expr: Extract<Expr, { kind: 'unary' }>, context: EvalContext): TfValue {
  const operand = evaluate(expr.operand, context);
  if (isUnknown(operand)) return unknownValue(expr.text);
  return expr.operator === '-' ? -toNumberValue(operand) : !toBoolValue(operand);
}

function evaluateBinary(expr: Extract<Expr, { kind: 'binary' }>, context: EvalContext): TfValue {
  const left = evaluate(expr.left, context);
  if (expr.operator === '&&' || expr.operator === '||') return evaluateLogical(expr, left, context);
  const right = evaluate(expr.right, context);
  switch (expr.operator) {
    case '==':
    case '!=': {
      if (isKnownUnequal(left, right)) return expr.operator === '!=';
      if (!isWhollyKnown(left) || !isWhollyKnown(right)) return unknownValue(expr.text);
      const equal = valuesEqual(left, right);
      return expr.operator === '==' ? equal : !equal;
    }
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
    case '>':
    case '>=':
    case '<':
    case '<=':
      if (isUnknown(left) || isUnknown(right)) return unknownValue(expr.text);
      return arithmetic(expr.operator, toNumberValue(left), toNumberValue(right));
  }
}

/**
 * `&&` and `||` as Terraform (1.12+) decides them: a left side that decides alone leaves the right one unevaluated (the
 * `var.x == null || var.x.y` guard), though its references still count; and one known side decides even when the other
 * is unknown: `unknown && false` is false (the `count = local.enabled && var.x ? 1 : 0` switch of modules).
 */
function evaluateLogical(expr: Extract<Expr, { kind: 'binary' }>, left: TfValue, context: EvalContext): TfValue {
  const deciding = expr.operator === '||';
  if (!isUnknown(left) && toBoolValue(left) === deciding) {
    collectRefs(expr.right, context);
    return deciding;
  }
  const right = evaluate(expr.right, context);
  if (!isUnknown(right) && toBoolValue(right) === deciding) return deciding;
  if (isUnknown(left) || isUnknown(right)) return unknownValue(expr.text);
  return !deciding;
}

function arithmetic(operator: '+' | '-' | '*' | '/' | '%' | '>' | '>=' | '<' | '<=', a: number, b: number): TfValue {
  switch (operator) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      if (b === 0) throw new HclEvalError('division by zero');
      return a / b;
    case '%':
      if (b === 0) throw new HclEvalError('modulo by zero');
      return a % b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
  }
}

function evaluateFor(expr: Extract<Expr, { kind: 'for' }>, context: EvalContext): TfValue {
  const collection = evaluate(expr.collection, context);
  const names = expr.keyVar !== undefined ? [expr.keyVar, expr.valueVar] : [expr.valueVar];
  const refsOnly = (): void => {
    const inner = bind(context, names.map((name) => [name, unknownValue(name)] as const));
    if (expr.keyExpr) collectRefs(expr.keyExpr, inner);
    collectRefs(expr.valueExpr, inner);
    if (expr.condition) collectRefs(expr.condition, inner);
  };
  if (isUnknown(collection)) {
    refsOnly();
    return unknownValue(expr.text);
  }
  const pairs = iterate(collection);
  if (pairs.length === 0) refsOnly();
  if (pairs.length > MAX_COLLECTION_LENGTH) throw new HclEvalError('for expression over too many elements');
  const list: TfValue[] = [];
  const grouped = new Map<string, TfValue[]>();
  const single = new Map<string, TfValue>();
  let known = true;
  for (const [key, value] of pairs) {
    const inner = bind(context, expr.keyVar !== undefined ? [[expr.keyVar, key], [expr.valueVar, value]] : [[expr.valueVar, value]]);
    if (expr.condition) {
      const keep = evaluate(expr.condition, inner);
      if (isUnknown(keep)) {
        known = false;
        continue;
      }
      if (!toBoolValue(keep)) continue;
    }
    const item = evaluate(expr.valueExpr, inner);
    if (!expr.keyExpr) {
      list.push(item);
      continue;
    }
    const outKey = evaluate(expr.keyExpr, inner);
    if (isUnknown(outKey)) {
      known = false;
      continue;
    }
    const name = toStringValue(outKey);
    if (expr.group) grouped.set(name, [...(grouped.get(name) ?? []), item]);
    else if (single.has(name)) throw new HclEvalError(`duplicate key ${JSON.stringify(name)} in for expression`);
    else single.set(name, item);
  }
  if (!known) return unknownValue(expr.text);
  if (!expr.keyExpr) return list;
  return objectFrom(expr.group ? grouped : single);
}

/** Key/value pairs of a collection: index and element of a list, key and value of an object (lexical order). */
export function iterate(collection: TfValue): [TfValue, TfValue][] {
  if (isList(collection)) return collection.map((item, index) => [index, item]);
  if (isObject(collection)) return sortedKeys(collection).map((key) => [key, collection[key] ?? null]);
  throw new HclEvalError(`cannot iterate over ${typeName(collection)}`);
}
