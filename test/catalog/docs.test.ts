import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { builtinPolicies } from '../../policies';
import { definePolicy, pass } from '../../src/engine/policy';
import { renderCatalog } from '../../src/report/catalog';
import { GENERATED_DOCS } from '../../src/report/generated-docs';

const repo = path.join(__dirname, '..', '..');

describe('generated docs', () => {
  it.each(GENERATED_DOCS.map((d) => [d.file, d] as const))('%s is up to date', (file, doc) => {
    const target = path.join(repo, file);
    const expected = doc.render();
    const actual = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    if (actual !== expected) {
      throw new Error(`${file} is ${actual === undefined ? 'missing' : 'stale'}: run \`npm run docs\` and commit the result`);
    }
  });
});

describe('policy catalog', () => {
  const catalog = renderCatalog(builtinPolicies);

  it('has an index row and a section for every built-in policy', () => {
    expect(builtinPolicies.length).toBeGreaterThan(0);
    for (const p of builtinPolicies) {
      expect(catalog).toContain(`| [${p.id}](#`);
      expect(catalog).toContain(`### ${p.id}: ${p.title}\n`);
      expect(catalog).toContain(p.rationale.trim());
      for (const reference of p.references) expect(catalog).toContain(`- <${reference}>`);
    }
  });

  const sample = definePolicy({
    id: 'GW-TLS-901', slug: 'sample', title: 'Sample | with a pipe', severity: 'medium', category: 'encryption', control: 'tls-version',
    owasp: ['API8:2023'], target: 'api.domain', rationale: 'Because.', aliases: ['GW-OLD-001'], frameworks: { 'nist-800-53': ['SC-8'] },
    remediation: { terraform: 'resource "x" "y" {\n  a = 1\n}', cloudformation: 'Set `SecurityPolicy: TLS_1_2` on the domain.' },
    references: ['https://example.com/doc'],
    evaluate: () => pass(),
  });
  const rendered = renderCatalog([sample]);

  it('renders code remediations as fenced blocks and sentences as text, per provider', () => {
    expect(rendered).toContain('Terraform:\n\n```hcl\nresource "x" "y" {\n  a = 1\n}\n```\n');
    expect(rendered).toContain('CloudFormation / SAM:\n\nSet `SecurityPolicy: TLS_1_2` on the domain.\n');
  });

  it('renders metadata: OWASP with its title, aliases, frameworks; escapes pipes in the table', () => {
    expect(rendered).toContain('- OWASP API Security Top 10 (2023): API8:2023 Security Misconfiguration');
    expect(rendered).toContain('- Former IDs: GW-OLD-001');
    expect(rendered).toContain('- nist-800-53: SC-8');
    expect(rendered).toContain('| [GW-TLS-901](#gw-tls-901-sample--with-a-pipe) | Sample \\| with a pipe | medium | encryption | tls-version | API8:2023 |');
  });
});
