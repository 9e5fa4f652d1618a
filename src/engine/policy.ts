import type { z } from 'zod';
import type { ReadonlyGraph } from '../graph/graph';
import type { GraphNode, NodeKind, ProviderId } from '../graph/kinds';
import type { Serving } from '../graph/serving';
import type { SourceRef } from '../graph/source';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** The practices of CONTROLS.md. */
export type Category =
  | 'discovery' | 'shadow-apis' | 'encryption' | 'authentication' | 'least-privilege' | 'documentation'
  | 'validation' | 'data-exposure' | 'api-management' | 'key-management' | 'exposure' | 'monitoring';

/** The control slugs of CONTROLS.md: public contract, never renamed or reused. */
export type Control =
  | 'tls-version' | 'https-only' | 'backend-tls' | 'client-certificate'
  | 'authorizer' | 'jwt-validation' | 'api-key-only'
  | 'resource-policy' | 'config-snippet'
  | 'request-validation' | 'body-size-limit'
  | 'data-trace' | 'cache-encryption' | 'cors'
  | 'throttling' | 'quota' | 'waf' | 'waf-rules' | 'cdn' | 'policy-inheritance'
  | 'api-key-in-code' | 'api-key-rotation' | 'api-key-scope'
  | 'public-endpoint' | 'default-endpoint'
  | 'access-logging' | 'execution-logging' | 'tracing'
  | 'undocumented-route' | 'api-spec'
  | 'shadow-api' | 'deprecated-route' | 'stale-stage'
  | 'inventory';

/** OWASP API Security Top 10 (2023). */
export type OwaspApi2023 =
  | 'API1:2023' | 'API2:2023' | 'API3:2023' | 'API4:2023' | 'API5:2023'
  | 'API6:2023' | 'API7:2023' | 'API8:2023' | 'API9:2023' | 'API10:2023';

export interface PolicyContext<O = unknown> {
  readonly graph: ReadonlyGraph;
  /**
   * The policy's options: its `options` schema applied to `.gatewarden.yml` `options.<ID>` (or to `{}`, giving the
   * defaults). `undefined` for a policy without options.
   */
  readonly options: O;
  /**
   * The time of the scan or audit, the same for every policy of a run: policies that judge ages (key rotation) read
   * it here, never the clock, so that a run is consistent and tests are repeatable.
   */
  readonly now: Date;
}

export type Outcome =
  | { readonly status: 'pass' }
  | {
      readonly status: 'fail';
      readonly message: string;
      /** The attribute's location, else the node's. */
      readonly source?: SourceRef;
      /** Distinguishes several findings on one node (for suppressions and fingerprints). */
      readonly key?: string;
      /** Overrides the policy's severity for this finding (e.g. public endpoint without auth or WAF). */
      readonly severity?: Severity;
    }
  | { readonly status: 'unknown'; readonly message: string; readonly source?: SourceRef; readonly key?: string };

export interface Policy<K extends NodeKind = NodeKind, O = unknown> {
  /** `GW-<AREA>-<NNN>`: stable forever, never reused. */
  readonly id: string;
  /** kebab-case, equals the file name. */
  readonly slug: string;
  /** The desired state, sentence case. */
  readonly title: string;
  readonly severity: Severity;
  readonly category: Category;
  readonly control: Control;
  readonly owasp: readonly OwaspApi2023[];
  readonly target: K;
  readonly rationale: string;
  /** Copy-pasteable fix per source kind the policy has fixtures for. */
  readonly remediation: Partial<Record<ProviderId, string>>;
  readonly references: readonly string[];
  readonly frameworks?: Readonly<Record<string, readonly string[]>>;
  /** Former IDs. */
  readonly aliases?: readonly string[];
  /**
   * Settings users may change per policy (`.gatewarden.yml` `options.<ID>`): a zod schema whose `.default()`s give the
   * values used when nothing is configured (it must accept `{}`), with `.describe()` on each field for the docs.
   */
  readonly options?: z.ZodType<O>;
  evaluate(node: GraphNode<K>, ctx: PolicyContext<O>): Outcome | readonly Outcome[];
}

/** Identity function that infers the node type of `evaluate` from `target`, and of `ctx.options` from `options`. */
export function definePolicy<K extends NodeKind, O = unknown>(policy: Policy<K, O>): Policy<K, O> {
  return policy;
}

/** One pass for every policy and node: most results of a large scan are passes. */
const PASS: Outcome = Object.freeze({ status: 'pass' });

export function pass(): Outcome {
  return PASS;
}

// Literals rather than spreads of optional parts: a large scan has tens of thousands of findings, and each spread
// builds a throwaway object.

export function fail(message: string, source?: SourceRef, extra?: { key?: string; severity?: Severity }): Outcome {
  const outcome: Outcome = source ? { status: 'fail', message, source } : { status: 'fail', message };
  return extra ? { ...outcome, ...extra } : outcome;
}

export function unknown(message: string, source?: SourceRef, key?: string): Outcome {
  if (key === undefined) return source ? { status: 'unknown', message, source } : { status: 'unknown', message };
  return source ? { status: 'unknown', message, source, key } : { status: 'unknown', message, key };
}

/**
 * The outcomes of `judge` on an endpoint as it serves requests: all of them when it does; a pass when it serves none (a
 * disabled distribution: its settings protect nothing until it is enabled, and the scan of that change judges them);
 * when that is not known statically, its failures become "cannot verify", saying why.
 */
export function whileServing(serving: Serving, judge: () => Outcome | readonly Outcome[]): Outcome | readonly Outcome[] {
  switch (serving.state) {
    case 'no':
      return pass();
    case 'yes':
      return judge();
    case 'maybe': {
      const outcomes = judge();
      const list: readonly Outcome[] = 'status' in outcomes ? [outcomes] : outcomes;
      return list.map((o) => (o.status === 'fail' ? unknown(`${o.message}; but ${serving.why}`, o.source, o.key) : o));
    }
  }
}

/** Type-erased policy, as registries hold them. */
export type AnyPolicy = { [K in NodeKind]: Policy<K> }[NodeKind];
