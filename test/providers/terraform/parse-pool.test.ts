import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateTerraformTree } from '../../../bench/generate-terraform';
import { scan } from '../../../src/scan/scan';
import { ensureDist, repo } from '../../cli/ensure-dist';

/**
 * The worker-thread parser (used from the compiled dist/ for 64 files or more) must give exactly what the
 * in-process parser gives (used here, from TypeScript sources). A child process runs the compiled scan
 * over the same tree, checks that its workers read every file, and prints its results.
 */
let root: string;

beforeAll(() => {
  ensureDist();
  root = mkdtempSync(join(tmpdir(), 'gw-pool-'));
  generateTerraformTree(join(root, 'apis'), 100);
  // Files that take the other paths through a worker: a syntax error, an empty file, a binary file.
  writeFileSync(join(root, 'apis', 'team-000', 'broken.tf'), 'resource "aws_api_gateway_rest_api" "broken" {\n  name = \n}\n\nresource "aws_api_gateway_stage" "ok" {\n  stage_name = "x"\n}\n');
  writeFileSync(join(root, 'apis', 'team-001', 'empty.tf'), '\n');
  writeFileSync(join(root, 'apis', 'team-001', 'binary.tf'), Buffer.from([0x72, 0x00, 0x01, 0x02]));
  // Roots are evaluated while the workers parse on: a root waits for the scanned module it calls (parsed after it),
  // a directory parsed early and called by one parsed later is a module, not a root, and a module directory outside
  // the scanned tree (with a syntax error) is read by the roots that call it and reported once.
  const write = (path: string, text: string): void => {
    mkdirSync(join(root, ...path.split('/').slice(0, -1)), { recursive: true });
    writeFileSync(join(root, ...path.split('/')), text);
  };
  const domain = (name: string) =>
    `variable "tls" {\n  default = "TLS_1_0"\n}\n\nresource "aws_api_gateway_domain_name" "${name}" {\n  domain_name     = "${name}.example.com"\n  security_policy = var.tls\n}\n`;
  write('apis/aaa-base/main.tf', domain('fail_base'));
  write('apis/zzz-example/main.tf', 'module "base" {\n  source = "../aaa-base"\n  tls    = "TLS_1_2"\n}\n');
  write('apis/team-000/uses-module.tf', 'module "mod" {\n  source = "../modules/api"\n}\n');
  write('apis/modules/api/main.tf', domain('fail_module'));
  write('apis/team-001/uses-shared.tf', 'module "shared" {\n  source = "../../shared"\n}\n');
  write('apis/team-000/uses-shared.tf', 'module "shared" {\n  source = "../../shared"\n}\n');
  write('shared/main.tf', domain('fail_shared'));
  write('shared/broken.tf', 'resource "aws_api_gateway_rest_api" "x" {\n  name = \n}\n');
}, 120_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

interface Comparable { results: unknown; diagnostics: unknown; filesScanned: number }

function comparable(result: { results: unknown; diagnostics: unknown; filesScanned: number }): Comparable {
  return JSON.parse(JSON.stringify({ results: result.results, diagnostics: result.diagnostics, filesScanned: result.filesScanned })) as Comparable;
}

describe('parse workers', () => {
  it('give the same scan as the in-process parser', async () => {
    const script = `
      const { readdirSync, statSync } = require('node:fs');
      const { join } = require('node:path');
      const { readInParallel } = require('./dist/providers/terraform/parse-pool.js');
      const { scan } = require('./dist/src/scan/scan.js');
      const root = process.argv[1];
      const list = (dir) => readdirSync(dir).flatMap((n) => statSync(join(dir, n)).isDirectory() ? list(join(dir, n)) : n.endsWith('.tf') ? [join(dir, n)] : []);
      (async () => {
        const files = list(root);
        const reads = await readInParallel(files, 10 * 1024 * 1024);
        const result = await scan({ paths: [root], cwd: root });
        process.stdout.write(JSON.stringify({ files: files.length, readByWorkers: reads.size, results: result.results, diagnostics: result.diagnostics, filesScanned: result.filesScanned }));
      })().catch((error) => { console.error(error); process.exitCode = 1; });
    `;
    const scanned = join(root, 'apis');
    const child = spawnSync(process.execPath, ['-e', script, scanned], { cwd: repo, encoding: 'utf8', maxBuffer: 64 << 20, timeout: 60_000 });
    expect(child.stderr).toBe('');
    const pooled = JSON.parse(child.stdout) as Comparable & { files: number; readByWorkers: number };
    expect(pooled.files).toBe(109);
    expect(pooled.readByWorkers).toBe(pooled.files);

    const inProcess = await scan({ paths: [scanned], cwd: scanned });
    const failingDomains = inProcess.results.filter((r) => r.status === 'fail' && r.node.kind === 'api.domain').map((r) => r.node.id);
    expect(failingDomains).toEqual(expect.arrayContaining([
      'terraform:team-000:module.mod.aws_api_gateway_domain_name.fail_module',
      'terraform:team-000:module.shared.aws_api_gateway_domain_name.fail_shared',
      'terraform:team-001:module.shared.aws_api_gateway_domain_name.fail_shared',
    ]));
    // aaa-base is read through zzz-example, which passes TLS_1_2: never as a root of its own.
    expect(failingDomains.filter((id) => id.includes('fail_base'))).toEqual([]);
    expect(inProcess.graph.get('terraform:zzz-example:module.base.aws_api_gateway_domain_name.fail_base')).toBeDefined();
    expect(inProcess.diagnostics.filter((d) => d.file === join(root, 'shared', 'broken.tf'))).toHaveLength(1);
    const expected = comparable(inProcess);
    expect(expected.filesScanned).toBeGreaterThanOrEqual(101);
    expect((expected.results as unknown[]).length).toBeGreaterThan(100);
    expect(comparable(pooled)).toEqual(expected);
  }, 120_000);
});
