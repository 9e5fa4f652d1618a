import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinPolicies } from '../../../policies';
import policy from '../../../policies/key-management/api-key-in-code';
import { builtinProviders } from '../../../providers';
import { runPolicies } from '../../../src/engine/run';
import { buildGraph } from '../../../src/graph/build';

const FIXTURES = join(__dirname, '../../../policies/key-management/__fixtures__/api-key-in-code/terraform');

/** Every string literal assigned to `value` in the fixture: the secrets no report may show. */
function literalValues(text: string): string[] {
  return [...text.matchAll(/^\s*value\s*=\s*"([^"$]+)"/gm)].flatMap((m) => (m[1] === undefined ? [] : [m[1]]));
}

describe('GW-KEY-001 never prints a key value', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.tf')).map((f) => join(FIXTURES, f));

  it.each(files.map((f) => [f.slice(FIXTURES.length + 1), f] as const))('%s', async (_name, file) => {
    const secrets = literalValues(readFileSync(file, 'utf8'));
    expect(secrets.length).toBeGreaterThan(0);

    const terraform = builtinProviders.find((p) => p.id === 'terraform');
    if (!terraform) throw new Error('terraform provider not registered');
    const loaded = await terraform.load({ files: [file], options: {} });
    const { graph } = buildGraph([loaded]);
    const results = runPolicies(graph, builtinPolicies);

    // The key policy did fire on the literal, so the absence below is not vacuous.
    const findings = results.filter((r) => r.policy.id === policy.id && r.status === 'fail');
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) expect(finding.message).toMatch(/…/);

    const printed = results.map((r) => r.message).join('\n');
    for (const secret of secrets) {
      expect(printed).not.toContain(secret);
      // Nor a long prefix of it: a preview shows only a few characters.
      expect(printed).not.toContain(secret.slice(0, 8));
    }
  });
});
