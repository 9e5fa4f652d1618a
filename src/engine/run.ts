import type { ReadonlyGraph } from '../graph/graph';
import type { AnyNode } from '../graph/kinds';
import type { SourceRef } from '../graph/source';
import type { AnyPolicy, Outcome, Policy, Severity } from './policy';

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
}

/** Runs each policy on every node of its target kind. A policy that throws yields an `error` result for that node. */
export function runPolicies(graph: ReadonlyGraph, policies: readonly AnyPolicy[], options: RunOptions = {}): PolicyResult[] {
  const results: PolicyResult[] = [];
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
    for (const node of nodes) results.push(...evaluateOne(policy, node, graph, policyOptions));
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

function evaluateOne(policy: AnyPolicy, node: AnyNode, graph: ReadonlyGraph, options: unknown): PolicyResult[] {
  let outcomes: readonly Outcome[];
  try {
    // The registry pairs each policy with nodes of its own target kind, and its options with its own schema's
    // output, which TypeScript cannot see through the union.
    const evaluated = (policy as Policy).evaluate(node, { graph, options });
    outcomes = isOutcomeList(evaluated) ? evaluated : [evaluated];
  } catch (error) {
    return [errorResult(policy, node, error)];
  }
  if (outcomes.length === 0) outcomes = [{ status: 'pass' }];
  return outcomes.map((o) => toResult(policy, node, o));
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
      return {
        policy, node, status: 'fail', message: outcome.message, location: outcome.source ?? node.source,
        severity: outcome.severity ?? policy.severity, ...(outcome.key !== undefined && { key: outcome.key }),
      };
    case 'unknown':
      return {
        policy, node, status: 'unknown', message: outcome.message, location: outcome.source ?? node.source,
        severity: 'info', ...(outcome.key !== undefined && { key: outcome.key }),
      };
  }
}
