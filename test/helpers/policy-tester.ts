import type { ReadonlyGraph } from '../../src/graph/graph';
import type { AnyPolicy, Severity } from '../../src/engine/policy';
import { parsePolicyOptions, runPolicies, type PolicyResult } from '../../src/engine/run';

export interface ExpectedFinding {
  /** Node name. */
  readonly node: string;
  readonly message: RegExp;
  readonly severity?: Severity;
}

interface Case { readonly name: string; readonly graph: ReadonlyGraph }
export interface InvalidCase extends Case { readonly findings: readonly ExpectedFinding[] }
/** `message`: what one of the "cannot verify" results must say (why it cannot be verified). */
export interface UnknownCase extends Case { readonly message?: RegExp }

export interface PolicyTable {
  /** Every result of the policy on these graphs is a pass. */
  readonly valid: readonly Case[];
  /** The failures are exactly the listed findings. */
  readonly invalid: readonly InvalidCase[];
  /** At least one unknown result and no failure. */
  readonly unknown?: readonly UnknownCase[];
  /** The time of the scan (`ctx.now`) for every case; default a fixed date, so that no table depends on the clock. */
  readonly now?: Date;
  /** The policy's options for every case, as `.gatewarden.yml` would give them (parsed by its schema); default none. */
  readonly options?: unknown;
}

/** The scan time of tables that do not choose one. */
export const TABLE_NOW = new Date('2025-06-01T00:00:00Z');

/** ESLint RuleTester-style table runner for one policy (STYLE.md §6). */
export const policyTester = {
  run(policy: AnyPolicy, table: PolicyTable): void {
    const names = [...table.valid, ...table.invalid, ...(table.unknown ?? [])].map((c) => c.name);
    describe(`${policy.id} ${policy.slug}`, () => {
      it('has a well-formed table', () => {
        expect(table.valid.length).toBeGreaterThan(0);
        expect(table.invalid.length).toBeGreaterThan(0);
        expect(new Set(names).size).toBe(names.length);
        for (const c of table.invalid) expect(c.findings.length).toBeGreaterThan(0);
      });

      it.each(table.valid.map((c) => [c.name, c] as const))('valid: %s', (_name, c) => {
        const results = run(policy, c.graph, table);
        expect(results.length).toBeGreaterThan(0);
        expect(results.filter((r) => r.status !== 'pass').map(describeResult)).toEqual([]);
      });

      it.each(table.invalid.map((c) => [c.name, c] as const))('invalid: %s', (_name, c) => {
        const failures = run(policy, c.graph, table).filter((r) => r.status !== 'pass');
        expect(failures.map((r) => r.status)).toEqual(c.findings.map(() => 'fail'));
        const remaining = [...failures];
        for (const expected of c.findings) {
          const index = remaining.findIndex(
            (r) => r.node.name === expected.node && expected.message.test(r.message) && (expected.severity === undefined || r.severity === expected.severity),
          );
          if (index < 0) throw new Error(`no finding on ${expected.node} matching ${expected.message}; got:\n${failures.map(describeResult).join('\n')}`);
          remaining.splice(index, 1);
        }
      });

      it.each((table.unknown ?? []).map((c) => [c.name, c] as const))('unknown: %s', (_name, c) => {
        const results = run(policy, c.graph, table);
        expect(results.filter((r) => r.status === 'fail' || r.status === 'error').map(describeResult)).toEqual([]);
        expect(results.some((r) => r.status === 'unknown')).toBe(true);
        const { message } = c;
        if (message) expect(results.filter((r) => r.status === 'unknown').map((r) => r.message)).toContainEqual(expect.stringMatching(message));
      });
    });
  },
};

function run(policy: AnyPolicy, graph: ReadonlyGraph, table: PolicyTable): PolicyResult[] {
  let policyOptions: ReadonlyMap<string, unknown> | undefined;
  if (table.options !== undefined) {
    const parsed = parsePolicyOptions(policy, table.options);
    if (!parsed.ok) throw new Error(`bad options for ${policy.id}: ${parsed.issues.map((i) => i.message).join('; ')}`);
    policyOptions = new Map([[policy.id, parsed.value]]);
  }
  return runPolicies(graph, [policy], { now: table.now ?? TABLE_NOW, ...(policyOptions && { policyOptions }) });
}

function describeResult(r: PolicyResult): string {
  return `${r.status} ${r.node.name}: ${r.message}`;
}
