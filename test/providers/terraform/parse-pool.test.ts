import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
    const child = spawnSync(process.execPath, ['-e', script, root], { cwd: repo, encoding: 'utf8', maxBuffer: 64 << 20, timeout: 60_000 });
    expect(child.stderr).toBe('');
    const pooled = JSON.parse(child.stdout) as Comparable & { files: number; readByWorkers: number };
    expect(pooled.files).toBe(103);
    expect(pooled.readByWorkers).toBe(pooled.files);

    const inProcess = await scan({ paths: [root], cwd: root });
    const expected = comparable(inProcess);
    expect(expected.filesScanned).toBeGreaterThanOrEqual(101);
    expect((expected.results as unknown[]).length).toBeGreaterThan(100);
    expect(comparable(pooled)).toEqual(expected);
  }, 120_000);
});
