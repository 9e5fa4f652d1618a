import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as hcl2jsonParse } from '@cdktf/hcl2json';
import { parseOnly } from '../providers/terraform/parse';
import { applyCliV8Flags } from '../src/cli/v8-flags';
import { scan } from '../src/scan/scan';
import { generateTerraformTree } from './generate-terraform';

/**
 * `npm run bench`: generates 2,000 API Gateway .tf files, then times in separate processes (so that
 * peak RSS is each phase's own) the full scan (with the CLI's V8 settings), the chosen parser alone
 * (tree-sitter-hcl) and @cdktf/hcl2json alone, over the same files in the same run.
 */

type Mode = 'scan' | 'tree-sitter' | 'hcl2json';

interface Measurement { readonly mode: Mode; readonly seconds: number; readonly peakRssMb: number; readonly findings?: number }

const FILE_COUNT = Number(process.env.BENCH_FILES ?? 2000);
const workDir = resolve(__dirname, '..', '..', 'bench', '.work', 'terraform');

function listTf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listTf(path) : name.endsWith('.tf') ? [path] : [];
  });
}

async function measure(mode: Mode, dir: string): Promise<Measurement> {
  const files = listTf(dir);
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const started = performance.now();
  let findings: number | undefined;
  switch (mode) {
    case 'scan': {
      // As `gatewarden scan` runs it.
      applyCliV8Flags();
      const result = await scan({ paths: [dir], cwd: dir });
      findings = result.results.filter((r) => r.status === 'fail').length;
      break;
    }
    case 'tree-sitter': {
      for (const text of texts) await parseOnly(text);
      break;
    }
    case 'hcl2json': {
      for (let i = 0; i < files.length; i++) await hcl2jsonParse(files[i] ?? '', texts[i] ?? '');
      break;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return { mode, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, ...(findings !== undefined && { findings }) };
}

function runChild(mode: Mode): Measurement {
  const out = execFileSync(process.execPath, [__filename, '--child', mode, workDir], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Measurement;
}

function main(): void {
  const { files, bytes } = generateTerraformTree(workDir, FILE_COUNT);
  const mb = bytes / 1e6;
  const lines = listTf(workDir).map((f) => readFileSync(f, 'utf8').split('\n').length);
  console.log(`generated ${files} .tf files, ${mb.toFixed(2)} MB, ${Math.min(...lines)}–${Math.max(...lines)} lines each, in ${workDir}`);
  const scanRun = runChild('scan');
  const parseRun = runChild('tree-sitter');
  const hclRun = runChild('hcl2json');
  const row = (m: Measurement) =>
    `${m.mode.padEnd(12)} ${m.seconds.toFixed(2).padStart(7)} s  ${(files / m.seconds).toFixed(0).padStart(6)} files/s  ${(mb / m.seconds).toFixed(2).padStart(6)} MB/s  peak RSS ${m.peakRssMb.toFixed(0)} MB`;
  console.log(row(scanRun) + `  (${scanRun.findings ?? 0} findings)`);
  console.log(row(parseRun) + '  (parse only, the chosen parser)');
  console.log(row(hclRun) + '  (parse only, @cdktf/hcl2json)');
  const ratio = scanRun.seconds / parseRun.seconds;
  const speedup = hclRun.seconds / scanRun.seconds;
  console.log(`scan / tree-sitter parse-only = ${ratio.toFixed(2)} (target <= 1.5)`);
  console.log(`hcl2json parse-only / scan    = ${speedup.toFixed(2)} (target >= 3)`);
}

if (process.argv[2] === '--child') {
  measure(process.argv[3] as Mode, process.argv[4] ?? workDir).then(
    (m) => {
      console.log(JSON.stringify(m));
    },
    (error: unknown) => { console.error(error); process.exitCode = 1; },
  );
} else {
  main();
}
