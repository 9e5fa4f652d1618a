import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { builtinPolicies } from '../../policies';
import { jsonReportSchema } from '../../src/report/json-schema';
import { runCli } from './run-cli';

const ANSI = /\u001b\[/;
const version = (JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;

/** TLS 1.0 on a custom domain: GW-TLS-001, high. Nothing else in the file fails a policy at high or above. */
const WEAK_DOMAIN = `resource "aws_api_gateway_domain_name" "legacy" {
  domain_name              = "legacy.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/abc"
  security_policy          = "TLS_1_0"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}
`;

const STRONG_DOMAIN = WEAK_DOMAIN.replace('"legacy"', '"modern"').replace('legacy.example.com', 'modern.example.com').replace('TLS_1_0', 'TLS_1_2');

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'gw-cli-'));
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

describe('gatewarden CLI', () => {
  describe('exit 0', () => {
    it('prints the version', async () => {
      const r = await runCli(['--version']);
      expect([r.code, r.exitCode, r.stdout]).toEqual([0, 0, `${version}\n`]);
    });

    it('prints help', async () => {
      const r = await runCli(['scan', '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('--fail-on <severity>');
      expect(r.stdout).toContain('--allow-unreadable');
    });

    it('scans a tree with nothing at or above the threshold', async () => {
      write('infra/main.tf', STRONG_DOMAIN);
      const r = await runCli(['scan', '--policy', 'GW-TLS-001', 'infra'], { cwd: root });
      expect(r.stderr).toBe('');
      expect([r.code, r.exitCode]).toEqual([0, 0]);
      expect(r.stdout).toBe('No findings in 1 file scanned.\n');
    });

    it('scans the working directory by default, and an empty one finds nothing', async () => {
      const r = await runCli(['scan'], { cwd: root });
      expect([r.code, r.stdout]).toEqual([0, 'No findings in 0 files scanned.\n']);
    });

    it('does not fail below --fail-on, or with --fail-on none', async () => {
      write('main.tf', WEAK_DOMAIN);
      expect((await runCli(['scan', '--fail-on', 'critical'], { cwd: root })).code).toBe(0);
      expect((await runCli(['scan', '--fail-on', 'none'], { cwd: root })).code).toBe(0);
    });
  });

  describe('exit 1', () => {
    it('reports a finding at or above --fail-on (default high) with file:line, severity, policy and message', async () => {
      write('infra/domains.tf', WEAK_DOMAIN);
      const r = await runCli(['scan', 'infra'], { cwd: root });
      expect([r.code, r.exitCode]).toEqual([1, 1]);
      expect(r.stdout).toMatch(/^infra\/domains\.tf$/m);
      expect(r.stdout).toMatch(/^ {2}infra\/domains\.tf:4 {2}high {2}GW-TLS-001 {2}`legacy` \(legacy\.example\.com\) accepts TLS 1\.0/m);
      expect(r.stdout).toMatch(/^ {6}fix: .*gatewarden policies show GW-TLS-001$/m);
      expect(r.stdout).toMatch(/1 file scanned.* at or above high\.$/m);
      expect(r.stdout).not.toMatch(ANSI);
    });

    it('writes the JSON report, valid against the schema, to --output', async () => {
      write('main.tf', WEAK_DOMAIN);
      const r = await runCli(['scan', '--format', 'json', '--output', 'out/report.json', '--policy', 'encryption/tls-version'], { cwd: root });
      expect([r.code, r.stdout]).toEqual([1, '']);
      const written = r.files.get(path.join(root, 'out/report.json'));
      const report = jsonReportSchema.parse(JSON.parse(written ?? 'null'));
      expect(report.findings.map((f) => [f.policy, f.severity, f.location])).toEqual([
        ['GW-TLS-001', 'high', { file: 'main.tf', line: 4, endLine: 4, address: 'aws_api_gateway_domain_name.legacy' }],
      ]);
      expect(report.findings[0]?.resource).toEqual({ id: 'terraform:.:aws_api_gateway_domain_name.legacy', type: 'aws_api_gateway_domain_name', name: 'legacy', provider: 'terraform' });
      expect(report.summary.filesScanned).toBe(1);
    });

    it('colours a TTY unless NO_COLOR is set', async () => {
      write('main.tf', WEAK_DOMAIN);
      expect((await runCli(['scan'], { cwd: root, isTTY: true })).stdout).toMatch(ANSI);
      expect((await runCli(['scan'], { cwd: root, isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
    });
  });

  describe('exit 2', () => {
    it.each([
      [['scan', '--bogus'], /unknown option '--bogus'/],
      [['scan', '--fail-on', 'severe'], /argument 'severe' is invalid/],
      [['scan', '--format', 'xml'], /^gatewarden: unknown format "xml"; valid formats: text, json, sarif, github, junit, markdown/],
      [['scan', '--format', 'xml=out.xml'], /^gatewarden: unknown format "xml"; valid formats: text, json, sarif/],
      [['scan', '--format', 'text', '--format', 'json'], /^gatewarden: only one --format may write to standard output, got text and json/],
      [['scan', '--max-file-size', '10MB'], /expected a positive number of bytes/],
      [['launch'], /unknown command 'launch'/],
      [[], /Usage: gatewarden/],
    ])('usage error: %j', async (argv, message) => {
      const r = await runCli(argv, { cwd: root });
      expect([r.code, r.exitCode]).toEqual([2, 2]);
      expect(r.stderr).toMatch(message);
    });

    it('a path that does not exist: one line and the reason, no stack', async () => {
      const r = await runCli(['scan', 'nowhere'], { cwd: root });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^gatewarden: path does not exist: nowhere\nReason: ENOENT: no such file or directory, stat '.*nowhere'\n$/);
    });

    it('prints the stack of a known error only with --debug', async () => {
      const r = await runCli(['--debug', 'scan', 'nowhere'], { cwd: root });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^gatewarden: path does not exist: nowhere\nReason: .*\nUsageError: path does not exist: nowhere\n {4}at /);
    });

    it('an unknown policy name', async () => {
      const r = await runCli(['scan', '--skip-policy', 'GW-NOPE-001'], { cwd: root });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('gatewarden: unknown policy "GW-NOPE-001" (see `gatewarden policies list`)');
    });

    it('a missing --var-file', async () => {
      const r = await runCli(['scan', '--var-file', 'prod.tfvars'], { cwd: root });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^gatewarden: --var-file prod\.tfvars cannot be read\nReason: ENOENT/);
    });

    it('an input error, even without findings; --allow-unreadable lists it but decides on findings alone', async () => {
      write('good.tf', STRONG_DOMAIN);
      write('broken.tf', 'resource "aws_api_gateway_rest_api" "x" {\n  name = \n');
      const strict = await runCli(['scan'], { cwd: root });
      expect(strict.code).toBe(2);
      expect(strict.stdout).toMatch(/^ {2}broken\.tf:\d+ {2}error {2}.+/m);
      const lenient = await runCli(['scan', '--allow-unreadable'], { cwd: root });
      expect(lenient.code).toBe(0);
      expect(lenient.stdout).toMatch(/^ {2}broken\.tf:\d+ {2}error {2}.+/m);
    });

    it('an --output file that cannot be written', async () => {
      write('main.tf', STRONG_DOMAIN);
      const r = await runCli(['scan', '--output', 'r.txt'], {
        cwd: root,
        writeFile: () => {
          throw Object.assign(new Error("EACCES: permission denied, open 'r.txt'"), { code: 'EACCES' });
        },
      });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe("gatewarden: cannot write the report to r.txt\nReason: EACCES: permission denied, open 'r.txt'\n");
    });
  });

  describe('policies', () => {
    it('list: one row per built-in policy with id, severity, category, control, title', async () => {
      const r = await runCli(['policies', 'list']);
      expect(r.code).toBe(0);
      const rows = r.stdout.trimEnd().split('\n');
      expect(rows[0]).toMatch(/^ID +SEVERITY +CATEGORY +CONTROL +TITLE$/);
      expect(rows).toHaveLength(builtinPolicies.length + 1);
      for (const p of builtinPolicies) {
        expect(rows.some((row) => new RegExp(`^${p.id} +${p.severity} +${p.category} +${p.control} +${escape(p.title)}$`).test(row))).toBe(true);
      }
      expect((await runCli(['policies'])).stdout).toBe(r.stdout);
    });

    it('show: every piece of metadata, by ID or by <category>/<slug>', async () => {
      const policy = builtinPolicies[0];
      if (!policy) throw new Error('no built-in policies');
      const byId = await runCli(['policies', 'show', policy.id]);
      expect(byId.code).toBe(0);
      for (const text of [policy.title, policy.severity, policy.control, policy.target, ...policy.owasp, ...policy.references]) expect(byId.stdout).toContain(text);
      expect(byId.stdout).toContain(policy.rationale.trim().split('\n')[0]);
      for (const remediation of Object.values(policy.remediation)) {
        for (const line of remediation.split('\n').filter((l) => l.trim() !== '')) expect(byId.stdout).toContain(line);
      }
      expect((await runCli(['policies', 'show', `${policy.category}/${policy.slug}`])).stdout).toBe(byId.stdout);
    });

    it('show: an unknown policy is a usage error', async () => {
      const r = await runCli(['policies', 'show', 'GW-NOPE-001']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^gatewarden: unknown policy "GW-NOPE-001"/);
    });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
