import type { TfValue } from '../model';
import type { Step, TemplatePart } from './ast';
import type { GlobPattern } from '../glob-pattern';

/** What an expression is evaluated against. Evaluation is synchronous and has no side effects beyond `readFile`. */
export interface EvalContext {
  /** Names the surrounding language defines: `var`, `local`, resources, `module`, `path`... */
  readonly resolver: RootResolver;
  /** Names bound by the expression itself or its block: for-expression variables, `each`, `count`, dynamic iterators. */
  readonly bindings: ReadonlyMap<string, TfValue>;
  /**
   * What a binding's value refers to, for the bindings whose values come from resources: `each` of
   * `for_each = aws_x.y` is instance `aws_x.y["key"]`, so `each.value.arn` refers to it.
   */
  readonly bindingRefs?: ReadonlyMap<string, readonly string[]>;
  /** Collects the resource addresses the expression refers to. */
  readonly refs: Set<string>;
  readonly budget: EvalBudget;
  /** Reads a file for `file()`; returns undefined when not allowed or unreadable. */
  readonly readFile?: (path: string) => string | undefined;
  /** `fileexists()`: whether a regular file is at the path; undefined when not allowed or not knowable. */
  readonly fileExists?: (path: string) => boolean | undefined;
  /**
   * `fileset()`: the regular files under a directory that `matches` takes (paths relative to it, with `/`), sorted;
   * undefined when not allowed or not knowable.
   */
  readonly listFiles?: (dir: string, pattern: GlobPattern) => readonly string[] | undefined;
  /** Reads and parses a template file for `templatefile()`; undefined when not allowed, unreadable or not a template. */
  readonly readTemplate?: (path: string) => readonly TemplatePart[] | undefined;
  /** Directory relative `file()` paths are read from: Terraform's working directory, the root module's (in every module). */
  readonly baseDir?: string;
}

export interface RootResolver {
  /**
   * The value of the traversal `name` + `steps` (e.g. `var` `.x`, `aws_s3_bucket` `.b` `.id`).
   * The resolver applies the steps it does not consume itself with `applySteps`.
   */
  resolve(name: string, steps: readonly Step[], text: string, context: EvalContext): TfValue;
}

/** Shared by every evaluation of one load, so a hostile configuration cannot hang the scan. */
export interface EvalBudget {
  /** Evaluation steps left. */
  remaining: number;
  /** Current nesting of lazy evaluations (locals referring to locals...). */
  depth: number;
  exhausted: boolean;
}

export const DEFAULT_EVAL_STEPS = 2_000_000;
export const MAX_LAZY_DEPTH = 150;

export function createBudget(steps = DEFAULT_EVAL_STEPS): EvalBudget {
  return { remaining: steps, depth: 0, exhausted: false };
}

/** Thrown when the budget runs out; not caught by `try()`, turns the attribute unknown. */
export class BudgetExceededError extends Error {}

export function withBindings(context: EvalContext, bindings: ReadonlyMap<string, TfValue>): EvalContext {
  return { ...context, bindings };
}

export function bind(context: EvalContext, entries: Iterable<readonly [string, TfValue]>): EvalContext {
  const bindings = new Map(context.bindings);
  for (const [name, value] of entries) bindings.set(name, value);
  return withBindings(context, bindings);
}
