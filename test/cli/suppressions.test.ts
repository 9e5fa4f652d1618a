import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { jsonReportSchema, type JsonReport } from '../../src/report/json-schema';
import { runCli, type CliRun } from './run-cli';

/** A custom domain accepting TLS 1.0: one GW-TLS-001 finding (high) on line 2 of the block. */
function weakDomain(name: string, policy = 'TLS_1_0'): string {
  return `resource "aws_api_gateway_domain_name" "${name}" {
  domain_name              = "${name}.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/abc"
  security_policy          = "${policy}"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}
`;
}

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'gw-suppress-'));
  // The repository root: config discovery stops here.
  mkdirSync(path.join(root, '.git'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function write(rel: string, text: string): string {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** Runs a JSON scan of GW-TLS-001 only, with real file writes (baselines are read back by the next run). */
async function scanJson(args: readonly string[], cwd = root): Promise<{ run: CliRun; report: JsonReport }> {
  const run = await runCli(['scan', '--policy', 'GW-TLS-001', '--format', 'json', ...args], {
    cwd,
    writeFile: (file, text) => {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    },
  });
  if (run.code === 2) throw new Error(`scan failed: ${run.stderr}`);
  return { run, report: jsonReportSchema.parse(JSON.parse(run.stdout)) };
}

function summary(report: JsonReport): string[] {
  return report.findings.map((f) => `${f.resource.name} ${f.suppressed ? `suppressed(${f.suppression?.kind ?? ''}: ${f.suppression?.reason ?? ''})` : 'open'}`);
}

function warnings(report: JsonReport): string[] {
  return report.errors.filter((e) => e.severity === 'warning').map((e) => `${e.file ?? ''}:${e.line ?? ''} ${e.message}`);
}

describe('inline suppressions', () => {
  it('a comment directly above a block suppresses its finding; it stays in the JSON with the reason and exit 0', async () => {
    write('main.tf', `# gatewarden:ignore GW-TLS-001 legacy clients until the Q3 migration\n${weakDomain('legacy')}\n${weakDomain('other')}`);
    const { run, report } = await scanJson([]);
    expect(summary(report)).toEqual(['legacy suppressed(inline: legacy clients until the Q3 migration)', 'other open']);
    expect(report.summary).toMatchObject({ total: 1, suppressed: 1 });
    expect(run.code).toBe(1); // `other` is still open

    write('main.tf', `# gatewarden:ignore GW-TLS-001 legacy clients until the Q3 migration\n${weakDomain('legacy')}`);
    const only = await scanJson([]);
    expect(only.run.code).toBe(0);
    expect(only.report.findings[0]).toMatchObject({ suppressed: true, suppression: { kind: 'inline', reason: 'legacy clients until the Q3 migration' } });
    expect(warnings(only.report)).toEqual([]);
  });

  it('a // comment inside the block, by slug, with a future expiry', async () => {
    write('main.tf', weakDomain('legacy').replace('"TLS_1_0"', '"TLS_1_0" // gatewarden:ignore encryption/tls-version old Android clients exp:2999-12-31'));
    const { run, report } = await scanJson([]);
    expect(run.code).toBe(0);
    expect(report.findings[0]?.suppression).toEqual({ kind: 'inline', reason: 'old Android clients', expires: '2999-12-31' });
  });

  it('the text report lists suppressed findings apart and exits 0', async () => {
    write('main.tf', `# gatewarden:ignore GW-TLS-001 legacy clients until the Q3 migration\n${weakDomain('legacy')}`);
    const r = await runCli(['scan', '--policy', 'GW-TLS-001'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Suppressed \(1\)\n {2}main\.tf:5 {2}high {2}GW-TLS-001 {2}.*\[inline: legacy clients until the Q3 migration\]$/m);
    expect(r.stdout).toMatch(/^No findings in 1 file scanned; 1 suppressed\.$/m);
  });

  it('an expired comment does not apply and is a warning naming where it is', async () => {
    write('main.tf', `# gatewarden:ignore GW-TLS-001 legacy clients until the Q3 migration exp:2020-01-31\n${weakDomain('legacy')}`);
    const { run, report } = await scanJson([]);
    expect(run.code).toBe(1);
    expect(summary(report)).toEqual(['legacy open']);
    expect(warnings(report)).toEqual(['main.tf:1 gatewarden:ignore GW-TLS-001 expired on 2020-01-31; its findings are reported again']);
  });

  it('without a reason, or naming an unknown policy, a comment is a warning and does not apply', async () => {
    write('a.tf', `# gatewarden:ignore GW-TLS-001\n${weakDomain('a')}`);
    write('b.tf', `# gatewarden:ignore GW-TLS-01 legacy clients until the Q3 migration\n${weakDomain('b')}`);
    const { run, report } = await scanJson([]);
    expect(run.code).toBe(1);
    expect(summary(report)).toEqual(['a open', 'b open']);
    expect(warnings(report)).toEqual([
      expect.stringMatching(/^a\.tf:1 gatewarden:ignore comment not applied: GW-TLS-001 has no reason/),
      'b.tf:1 gatewarden:ignore names unknown policy "GW-TLS-01" (did you mean GW-TLS-001?); not applied',
    ]);
  });

  it('an unused comment is a warning', async () => {
    write('main.tf', `# gatewarden:ignore GW-TLS-001 legacy clients until the Q3 migration\n${weakDomain('modern', 'TLS_1_2')}`);
    const { run, report } = await scanJson([]);
    expect(run.code).toBe(0);
    expect(warnings(report)).toEqual(['main.tf:1 gatewarden:ignore GW-TLS-001 matches no finding; remove it if the problem is fixed']);
  });
});

describe('config file', () => {
  const CONFIG_SUPPRESSION = `suppressions:
  - policy: GW-TLS-001
    resource: "terraform:envs/*:aws_api_gateway_domain_name.legacy"
    reason: Legacy clients until the Q3 migration
`;

  it('is found upward from the working directory; a config suppression (glob on resource id) applies', async () => {
    write('.gatewarden.yml', CONFIG_SUPPRESSION);
    write('envs/prod/main.tf', weakDomain('legacy'));
    write('envs/staging/main.tf', weakDomain('legacy'));
    const { run, report } = await scanJson(['envs']);
    expect(run.code).toBe(0);
    expect(summary(report)).toEqual(['legacy suppressed(config: Legacy clients until the Q3 migration)', 'legacy suppressed(config: Legacy clients until the Q3 migration)']);

    // From a subdirectory, the same file applies (ids stay relative to the working directory).
    const below = await scanJson(['.'], path.join(root, 'envs', 'prod'));
    expect(below.report.findings[0]?.resource.id).toBe('terraform:.:aws_api_gateway_domain_name.legacy');
    expect(below.run.code).toBe(1);
    expect(warnings(below.report)).toEqual([expect.stringMatching(/^\.\.\/\.\.\/\.gatewarden\.yml:2 suppression of GW-TLS-001 .* matches no finding/)]);
  });

  it('is not searched for above the repository root', async () => {
    write('.gatewarden.yml', CONFIG_SUPPRESSION);
    write('project/.git/HEAD', 'ref: refs/heads/main\n');
    write('project/envs/prod/main.tf', weakDomain('legacy'));
    const { run } = await scanJson(['envs'], path.join(root, 'project'));
    expect(run.code).toBe(1);
  });

  it('--config names the file; an expired entry is a warning and does not apply', async () => {
    write('ci/gatewarden.yml', `${CONFIG_SUPPRESSION}    expires: 2021-06-30\n`);
    write('envs/prod/main.tf', weakDomain('legacy'));
    const { run, report } = await scanJson(['--config', 'ci/gatewarden.yml', 'envs']);
    expect(run.code).toBe(1);
    expect(warnings(report)).toEqual([
      'ci/gatewarden.yml:2 suppression of GW-TLS-001 for terraform:envs/*:aws_api_gateway_domain_name.legacy expired on 2021-06-30; its findings are reported again',
    ]);
  });

  it('overrides severities, disables categories and policies, and sets policy options', async () => {
    write('main.tf', weakDomain('legacy') + weakDomain('current', 'TLS_1_2'));
    write('.gatewarden.yml', 'severity:\n  GW-TLS-001: low\n');
    const lowered = await scanJson([]);
    expect([lowered.run.code, lowered.report.findings.map((f) => f.severity)]).toEqual([0, ['low']]);

    write('.gatewarden.yml', 'categories:\n  disable: [encryption]\n');
    expect((await runCli(['scan', '--format', 'json'], { cwd: root })).stdout).not.toContain('GW-TLS-001');
    write('.gatewarden.yml', 'policies:\n  disable: [tls-version]\n');
    expect((await runCli(['scan', '--format', 'json'], { cwd: root })).stdout).not.toContain('GW-TLS-001');

    write('.gatewarden.yml', 'options:\n  GW-TLS-001:\n    minimumVersion: 1.3\n');
    const strict = await scanJson([]);
    expect(strict.report.findings.map((f) => f.message)).toEqual([
      '`legacy` (legacy.example.com) accepts TLS 1.0 (security policy TLS_1_0); the configured minimum is TLS 1.3',
      '`current` (current.example.com) accepts TLS 1.2 (security policy TLS_1_2); the configured minimum is TLS 1.3',
    ]);
  });

  it('excluded paths (gitignore syntax, relative to the config file) are not scanned', async () => {
    write('.gatewarden.yml', 'exclude:\n  - legacy/\n  - "*.generated.tf"\n');
    write('infra/legacy/main.tf', weakDomain('old'));
    write('infra/api.generated.tf', weakDomain('generated'));
    write('infra/main.tf', weakDomain('kept'));
    const { report } = await scanJson(['infra']);
    expect([report.summary.filesScanned, report.findings.map((f) => f.resource.name)]).toEqual([1, ['kept']]);
  });

  it.each([
    ['an unknown policy ID suggests the nearest', 'severity:\n  GW-TLS-01: low\n', /^gatewarden: \.gatewarden\.yml:2: severity\.GW-TLS-01: unknown policy "GW-TLS-01" \(did you mean GW-TLS-001\?\)$/m],
    ['a mistyped slug in a suppression', `suppressions:\n  - policy: tls-versoin\n    resource: "*"\n    reason: because we have to\n`, /^gatewarden: \.gatewarden\.yml:2: suppressions\[0\]\.policy: unknown policy "tls-versoin" \(did you mean tls-version\?\)$/m],
    ['a reason that is too short', `suppressions:\n  - policy: GW-TLS-001\n    resource: "*"\n    reason: legacy\n`, /^gatewarden: \.gatewarden\.yml:4: suppressions\[0\]\.reason: say why the risk is accepted \(at least 10 characters\)$/m],
    ['a suppression without a reason', `suppressions:\n  - policy: GW-TLS-001\n    resource: "*"\n`, /^gatewarden: \.gatewarden\.yml:2: suppressions\[0\]\.reason: /m],
    ['a date that is not one', `suppressions:\n  - policy: GW-TLS-001\n    resource: "*"\n    reason: legacy clients until Q3\n    expires: 2026-02-30\n`, /^gatewarden: \.gatewarden\.yml:5: suppressions\[0\]\.expires: not a valid date$/m],
    ['an unknown key', 'supressions: []\n', /^gatewarden: \.gatewarden\.yml:1: supressions: unknown key \(did you mean "suppressions"\?\)$/m],
    ['an unknown severity', 'severity:\n  GW-TLS-001: severe\n', /^gatewarden: \.gatewarden\.yml:2: severity\.GW-TLS-001: Invalid option/m],
    ['an invalid policy option', 'options:\n  GW-TLS-001:\n    minimumVersion: "2.0"\n', /^gatewarden: \.gatewarden\.yml:3: options\.GW-TLS-001\.minimumVersion: Invalid option/m],
    ['an option a policy does not have', 'options:\n  GW-TLS-001:\n    maximumVersion: "1.3"\n', /^gatewarden: \.gatewarden\.yml:3: options\.GW-TLS-001\.maximumVersion: GW-TLS-001 has no option "maximumVersion"$/m],
    ['options for a policy without any', 'options:\n  GW-DOC-001:\n    strict: true\n', /^gatewarden: \.gatewarden\.yml:2: options\.GW-DOC-001: GW-DOC-001 has no options$/m],
    ['YAML that does not parse', 'severity: [\n', /^gatewarden: \.gatewarden\.yml:2: not valid YAML/m],
  ])('bad config: %s → exit 2 naming file, line and key', async (_name, text, message) => {
    write('.gatewarden.yml', text);
    write('main.tf', weakDomain('legacy'));
    const r = await runCli(['scan'], { cwd: root });
    expect([r.code, r.exitCode, r.stdout]).toEqual([2, 2, '']);
    expect(r.stderr).toMatch(message);
  });

  it('a --config file that does not exist → exit 2', async () => {
    const r = await runCli(['scan', '--config', 'missing.yml'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^gatewarden: cannot read config file missing\.yml$/m);
  });
});

describe('baseline', () => {
  it('--write-baseline records the findings; --baseline suppresses them even after the code moves, and only new ones fail', async () => {
    write('main.tf', weakDomain('legacy'));
    const written = await scanJson(['--write-baseline', 'baseline.json']);
    expect(written.run.code).toBe(0);
    expect(summary(written.report)).toEqual(['legacy suppressed(baseline: in baseline baseline.json)']);
    const baseline = JSON.parse(readFileSync(path.join(root, 'baseline.json'), 'utf8')) as Record<string, unknown>;
    expect(baseline).toMatchObject({ version: 1, tool: { name: 'gatewarden' }, created: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    expect(baseline.findings).toEqual([{
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/), policy: 'GW-TLS-001', resource: 'terraform:.:aws_api_gateway_domain_name.legacy',
      message: '`legacy` (legacy.example.com) accepts TLS 1.0 (security policy TLS_1_0)',
    }]);

    // Without the baseline the finding fails the run.
    expect((await scanJson([])).run.code).toBe(1);

    // Lines inserted above the resource: the fingerprint does not depend on lines.
    write('main.tf', `variable "region" {\n  default = "eu-west-1"\n}\n\n\n${weakDomain('legacy')}`);
    const moved = await scanJson(['--baseline', 'baseline.json']);
    expect(moved.run.code).toBe(0);
    expect(moved.report.findings[0]).toMatchObject({ location: { line: 9 }, suppressed: true, suppression: { kind: 'baseline', reason: 'in baseline baseline.json' } });

    // A new finding is not in the baseline.
    write('new.tf', weakDomain('fresh'));
    const added = await scanJson(['--baseline', 'baseline.json']);
    expect(added.run.code).toBe(1);
    expect(summary(added.report)).toEqual(['legacy suppressed(baseline: in baseline baseline.json)', 'fresh open']);
  });

  it('is written sorted and stable', async () => {
    write('main.tf', weakDomain('b') + weakDomain('a'));
    await scanJson(['--write-baseline', 'one.json']);
    await scanJson(['--write-baseline', 'two.json']);
    const read = (f: string): unknown => (JSON.parse(readFileSync(path.join(root, f), 'utf8')) as { findings: unknown }).findings;
    expect(read('one.json')).toEqual(read('two.json'));
    expect((read('one.json') as { resource: string }[]).map((f) => f.resource)).toEqual([
      'terraform:.:aws_api_gateway_domain_name.a', 'terraform:.:aws_api_gateway_domain_name.b',
    ]);
  });

  it.each([
    ['a newer version', '{ "version": 2, "findings": [] }', /^gatewarden: baseline base\.json has format version 2, newer than this gatewarden reads \(1\)/m],
    ['invalid JSON', '{ "version": 1, ', /^gatewarden: baseline base\.json is not valid JSON$/m],
    ['another kind of file', '{ "version": 1, "results": [] }', /^gatewarden: baseline base\.json is not a gatewarden baseline at findings/m],
  ])('a baseline with %s → exit 2 with a one-line reason', async (_name, text, message) => {
    write('base.json', text);
    write('main.tf', weakDomain('legacy'));
    const r = await runCli(['scan', '--baseline', 'base.json'], { cwd: root });
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(message);
  });
});
