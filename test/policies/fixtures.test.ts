import type { AnyPolicy } from '../../src/engine/policy';
import { runPolicies } from '../../src/engine/run';
import { formatSource } from '../../src/graph/source';
import { builtinPolicies } from '../../policies';
import { discoverFixtures, loadFixture } from '../helpers/load-fixture';

/**
 * Tier 2 (STYLE.md §6): every file under policies/<area>/__fixtures__/<slug>/<provider>/ goes through the real
 * provider adapter, and only the policy of that slug runs on it. Resource labels state the expectation:
 * the nodes that fail are exactly the ones labelled `fail…`, and no `pass…` node fails (case-insensitive: CloudFormation
 * logical ids cannot hold `_`, so they read `PassXxx` / `FailXxx`). `aws` fixtures are recorded responses of a live
 * audit; their resources are labelled by name (`pass-…` / `fail-…`: API, key, domain names).
 */

const fixtures = discoverFixtures();
const policiesBySlug = new Map<string, AnyPolicy>(builtinPolicies.map((p) => [p.slug, p]));

/**
 * The resource label: the node name without its instance key (`fail_x["eu"]` → `fail_x`) or what tells apart nodes of
 * one resource (`fail_x (every operation)` → `fail_x`).
 */
function label(name: string): string {
  const end = name.search(/\[| \(/);
  return end === -1 ? name : name.slice(0, end);
}

describe('policy fixtures', () => {
  it('finds fixture files', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  const slugs = [...new Set(fixtures.map((f) => `${f.area}/${f.slug}`))];
  describe.each(slugs)('%s', (areaSlug) => {
    const files = fixtures.filter((f) => `${f.area}/${f.slug}` === areaSlug);

    it.each(files.map((f) => [`${f.provider}/${f.relativePath.split('/').pop() ?? f.file}`, f] as const))('%s', async (_name, fixture) => {
      const policy = policiesBySlug.get(fixture.slug);
      if (!policy) throw new Error(`no built-in policy has slug "${fixture.slug}" (fixture ${fixture.relativePath})`);
      expect(policy.category).toBe(fixture.area);

      const { graph, diagnostics, now } = await loadFixture([fixture.file], fixture.provider);
      expect(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line ?? ''} ${d.message}`)).toEqual([]);

      const targets = graph.nodesOf(policy.target);
      expect({ [`nodes of kind ${policy.target}`]: targets.length > 0 }).toEqual({ [`nodes of kind ${policy.target}`]: true });

      const results = runPolicies(graph, [policy], now ? { now } : {});
      expect(results.filter((r) => r.status === 'error').map((r) => r.message)).toEqual([]);

      const failing = new Set(results.filter((r) => r.status === 'fail').map((r) => label(r.node.name)));
      const expectedFailing = new Set(targets.map((n) => label(n.name)).filter((l) => /^fail/i.test(l)));
      const describeFailures = results.filter((r) => r.status === 'fail').map((r) => `${r.node.name}: ${r.message} (${formatSource(r.location)})`);
      expect({ failing: [...failing].sort(), details: describeFailures }).toEqual({ failing: [...expectedFailing].sort(), details: expect.anything() });

      const passingLabelsThatFail = [...failing].filter((l) => /^pass/i.test(l));
      expect(passingLabelsThatFail).toEqual([]);
    });
  });
});
