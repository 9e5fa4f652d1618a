import type { ReadonlyGraph } from '../graph/graph';
import type { AnyNode } from '../graph/kinds';
import type { SourceRef } from '../graph/source';
import { pass, type AnyPolicy, type Outcome, type Policy, type PolicyContext, type Severity } from './policy';

export type ResultStatus = 'pass' | 'fail' | 'unknown' | 'error';

/** One policy's verdict on one node (several when the policy reports findings by key). */
export interface PolicyResult {
  readonly policy: AnyPolicy;
  readonly node: AnyNode;
  readonly status: ResultStatus;
  /** Empty for passes. */
  readonly message: string;
  /** Where the finding points: the attribute when known, else the node. */
  readonly location: SourceRef;
  readonly severity: Severity;
  readonly key?: string;
  /**
   * Set when a failing result was accepted: inline comment or annotation, config file entry, or baseline.
   * Suppressed findings stay in every output and never fail the build.
   */
  readonly suppression?: Suppression;
}

export interface Suppression {
  readonly kind: 'inline' | 'config' | 'baseline';
  readonly reason: string;
  /** ISO date (YYYY-MM-DD) after which the suppression no longer applies. */
  readonly expires?: string;
  /** Where the suppression is written (comment, config entry, baseline file). */
  readonly source?: SourceRef;
}

export interface RunOptions {
  /**
   * Options per policy ID, already parsed by the policy's own schema (see {@link parsePolicyOptions}); a policy not
   * listed gets its defaults.
   */
  readonly policyOptions?: ReadonlyMap<string, unknown>;
  /** The time of the scan, handed to every policy as `ctx.now`; default: the clock, read once per run. */
  readonly now?: Date;
}

/** Runs each policy on every node of its target kind. A policy that throws yields an `error` result for that node. */
export function runPolicies(graph: ReadonlyGraph, policies: readonly AnyPolicy[], options: RunOptions = {}): PolicyResult[] {
  const results: PolicyResult[] = [];
  const now = options.now ?? new Date();
  for (const policy of policies) {
    const nodes = graph.nodesOf(policy.target) as readonly AnyNode[];
    let policyOptions: unknown;
    try {
      policyOptions = options.policyOptions?.has(policy.id) === true ? options.policyOptions.get(policy.id) : defaultPolicyOptions(policy);
    } catch (error) {
      // A schema that rejects `{}` is a bug in the policy: reported like a policy that throws.
      results.push(...nodes.map((node) => errorResult(policy, node, error)));
      continue;
    }
    const ctx: PolicyContext = { graph, options: policyOptions, now };
    for (const node of nodes) evaluateOne(policy, node, ctx, results);
  }
  return results;
}

/** The policy's options with nothing configured: its schema's defaults, or `undefined` when it has no options. */
export function defaultPolicyOptions(policy: AnyPolicy): unknown {
  const parsed = parsePolicyOptions(policy, {});
  if (!parsed.ok) throw new Error(`${policy.id} has an options schema without defaults: ${parsed.issues.map((i) => i.message).join('; ')}`);
  return parsed.value;
}

export interface OptionIssue {
  /** Path inside the policy's options, e.g. `['minimumVersion']`. */
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** Applies a policy's options schema to user input; a policy without options accepts nothing but an empty object. */
export function parsePolicyOptions(policy: AnyPolicy, input: unknown): { ok: true; value: unknown } | { ok: false; issues: readonly OptionIssue[] } {
  const schema = policy.options;
  if (schema === undefined) {
    const empty = typeof input === 'object' && input !== null && !Array.isArray(input) && Object.keys(input).length === 0;
    return empty ? { ok: true, value: undefined } : { ok: false, issues: [{ path: [], message: `${policy.id} has no options` }] };
  }
  const parsed = schema.safeParse(input);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : {
        ok: false,
        // An unknown key is reported at the key itself, so that the config error points at its line.
        issues: parsed.error.issues.map((i) => (i.code === 'unrecognized_keys'
          ? { path: [...i.path, i.keys[0] ?? ''], message: `${policy.id} has no option "${i.keys[0] ?? ''}"` }
          : { path: i.path, message: i.message })),
      };
}

/** Adds the results of one policy on one node to `results`, in place: a large graph has tens of thousands. */
function evaluateOne(policy: AnyPolicy, node: AnyNode, ctx: PolicyContext, results: PolicyResult[]): void {
  let evaluated: Outcome | readonly Outcome[];
  try {
    // The registry pairs each policy with nodes of its own target kind, and its options with its own schema's
    // output, which TypeScript cannot see through the union.
    evaluated = (policy as Policy).evaluate(node, ctx);
  } catch (error) {
    results.push(errorResult(policy, node, error));
    return;
  }
  if (!isOutcomeList(evaluated)) results.push(toResult(policy, node, evaluated));
  else if (evaluated.length === 0) results.push(toResult(policy, node, pass()));
  else for (const outcome of evaluated) results.push(toResult(policy, node, outcome));
}

function errorResult(policy: AnyPolicy, node: AnyNode, error: unknown): PolicyResult {
  const reason = error instanceof Error ? error.message : String(error);
  return { policy, node, status: 'error', message: `${policy.id} failed on ${node.name}: ${reason}`, location: node.source, severity: policy.severity };
}

function isOutcomeList(value: Outcome | readonly Outcome[]): value is readonly Outcome[] {
  return Array.isArray(value);
}

function toResult(policy: AnyPolicy, node: AnyNode, outcome: Outcome): PolicyResult {
  switch (outcome.status) {
    case 'pass':
      return { policy, node, status: 'pass', message: '', location: node.source, severity: policy.severity };
    case 'fail':
      return withKey({
        policy, node, status: 'fail', message: outcome.message, location: outcome.source ?? node.source, severity: outcome.severity ?? policy.severity,
      }, outcome.key);
    case 'unknown':
      return withKey({ policy, node, status: 'unknown', message: outcome.message, location: outcome.source ?? node.source, severity: 'info' }, outcome.key);
  }
}

/**
 * The result with its finding key when it has one. Assigned rather than spread: a spread copies the result into a
 * new, larger object, and a large scan keeps tens of thousands of results.
 */
function withKey(result: PolicyResult, key: string | undefined): PolicyResult {
  return key === undefined ? result : Object.assign(result, { key });
}
