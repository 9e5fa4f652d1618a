import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { jsonReportSchema, type JsonReport } from '../../src/report/json-schema';
import { runCli } from './run-cli';

const GOOD = `resource "aws_api_gateway_domain_name" "legacy" {
  domain_name              = "legacy.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/abc"
  security_policy          = "TLS_1_0"
}
`;

const isRoot = process.getuid?.() === 0;

/**
 * One tree with every kind of bad input beside one good file. The per-file checks are the Terraform reader's
 * (providers/read-text-file.ts), the symlink loop is discovery's: end to end, each is an error entry naming the
 * file, the good file's finding is still reported, and the run exits 2 (1 with --allow-unreadable).
 */
describe('bad input, end to end', () => {
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'gw-bad-'));
    const put = (rel: string, content: string | Buffer): void => {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), content);
    };
    put('good.tf', GOOD);
    put('unparsable.tf', 'resource "aws_api_gateway_rest_api" "x" {\n  name = "x"\n  body = \n');
    put('binary.tf', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00, 0x3d, 0x0a]));
    put('empty.tf', '');
    put('latin1.tf', Buffer.from('# caf\u00e9 cr\u00e8me\nlocals { a = 1 }\n', 'latin1'));
    put('unreadable.tf', GOOD.replace('legacy', 'hidden'));
    chmodSync(path.join(root, 'unreadable.tf'), 0o000);
    put('huge.tf', `# ${'x'.repeat(20 * 1024 * 1024)}\n`);
    mkdirSync(path.join(root, 'loop'));
    symlinkSync(path.join(root, 'loop'), path.join(root, 'loop', 'again'));
  });

  afterAll(() => {
    chmodSync(path.join(root, 'unreadable.tf'), 0o644);
    rmSync(root, { recursive: true, force: true });
  });

  async function scanJson(...extra: string[]): Promise<{ code: number; report: JsonReport }> {
    const r = await runCli(['scan', '.', '--format', 'json', ...extra], { cwd: root });
    expect(r.stderr).toBe('');
    return { code: r.code, report: jsonReportSchema.parse(JSON.parse(r.stdout)) };
  }

  it('reports the good file, lists every bad one with its reason, and exits 2', async () => {
    const { code, report } = await scanJson();
    expect(code).toBe(2);
    expect(report.findings.filter((f) => f.policy === 'GW-TLS-001').map((f) => 'file' in f.location && f.location.file)).toContain('good.tf');

    const reasonFor = (file: string): string => {
      const entries = report.errors.filter((e) => e.file === file && e.kind === 'input');
      expect(entries.map((e) => e.file)).toContain(file);
      return entries.map((e) => `${e.severity}: ${e.message}`).join('\n');
    };
    expect(reasonFor('unparsable.tf')).toMatch(/^error: .*(syntax|parse)/im);
    expect(reasonFor('binary.tf')).toMatch(/^error: .*binary/im);
    expect(reasonFor('latin1.tf')).toMatch(/^error: .*UTF-8/im);
    expect(reasonFor('huge.tf')).toMatch(/^error: .*larger than/im);
    expect(reasonFor('loop/again')).toMatch(/^error: symbolic link loop/im);
    // An empty .tf is legal Terraform: listed, but only as a warning.
    expect(reasonFor('empty.tf')).toMatch(/^warning: .*empty/im);
    if (!isRoot) expect(reasonFor('unreadable.tf')).toMatch(/^error: .*permission denied/im);
    // As root, chmod 000 does not stop reading; the unreadable-directory path is covered in test/scan/discover.test.ts.
  });

  it('with --allow-unreadable, exits on findings alone (1: the finding is high) and still lists the errors', async () => {
    const { code, report } = await scanJson('--allow-unreadable');
    expect(code).toBe(1);
    expect(report.summary.errors).toBeGreaterThanOrEqual(5);
  });

  it('the text report names each bad file with its reason too', async () => {
    const r = await runCli(['scan', '.'], { cwd: root });
    expect(r.code).toBe(2);
    for (const file of ['unparsable.tf', 'binary.tf', 'latin1.tf', 'huge.tf', 'loop/again', 'empty.tf']) {
      expect(r.stdout).toMatch(new RegExp(`^ {2}${file.replace('.', '\\.')}(:\\d+)? {2}(error|warning) {2}\\S`, 'm'));
    }
    expect(r.stdout).toMatch(/^ {2}good\.tf:4 {2}high {2}GW-TLS-001 {2}/m);
  });
});
