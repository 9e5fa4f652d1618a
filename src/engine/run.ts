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

/** Runs each policy on every node of its target kind. A policy that throws yields an `error` result for that node. */
export function runPolicies(graph: ReadonlyGraph, policies: readonly AnyPolicy[]): PolicyResult[] {
  const results: PolicyResult[] = [];
  for (const policy of policies) {
    for (const node of graph.nodesOf(policy.target)) {
      results.push(...evaluateOne(policy, node as AnyNode, graph));
    }
  }
  return results;
}

function evaluateOne(policy: AnyPolicy, node: AnyNode, graph: ReadonlyGraph): PolicyResult[] {
  let outcomes: readonly Outcome[];
  try {
    // The registry pairs each policy with nodes of its own target kind, which TypeScript cannot see through the union.
    const evaluated = (policy as Policy).evaluate(node, { graph });
    outcomes = isOutcomeList(evaluated) ? evaluated : [evaluated];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [{ policy, node, status: 'error', message: `${policy.id} failed on ${node.name}: ${reason}`, location: node.source, severity: policy.severity }];
  }
  if (outcomes.length === 0) outcomes = [{ status: 'pass' }];
  return outcomes.map((o) => toResult(policy, node, o));
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
