import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { applyCliV8Flags } from '../src/cli/v8-flags';
import { scan } from '../src/scan/scan';
import { generateTerraformPlan } from './generate-terraform-plan';

/**
 * `npm run bench:plan`: generates a ~50 MB plan (`terraform show -json`), then measures, in the same run and in
 * separate child processes (so each has a fresh heap and its own peak RSS), `JSON.parse` of the file and the full
 * scan of it (discovery, read, parse, conversion, adapters, graph, every built-in policy). Each is run RUNS times;
 * the fastest run of each is compared. Target: scan <= 3x JSON.parse. The scan runs with the V8 settings of the CLI
 * (`gatewarden scan`, the GitHub Action), as users run it; the same scan with node's defaults, as a program calling
 * the library gets it, is measured alongside for comparison.
 */

type Mode = 'json-parse' | 'scan' | 'scan-node-defaults';

interface Measurement { readonly mode: Mode; readonly seconds: number; readonly readSeconds?: number; readonly peakRssMb: number; readonly findings?: number; readonly nodes?: number }

const TARGET_BYTES = Number(process.env.BENCH_PLAN_MB ?? 50) * 1e6;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const workDir = resolve(__dirname, '..', '..', 'bench', '.work', 'terraform-plan');
const planFile = join(workDir, 'plan.json');

async function measure(mode: Mode, file: string): Promise<Measurement> {
  switch (mode) {
    case 'json-parse': {
      const readStarted = performance.now();
      const text = readFileSync(file, 'utf8');
      const started = performance.now();
      const parsed: unknown = JSON.parse(text);
      const seconds = (performance.now() - started) / 1000;
      if (typeof parsed !== 'object') throw new Error('not a plan');
      return { mode, seconds, readSeconds: (started - readStarted) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024 };
    }
    case 'scan':
    case 'scan-node-defaults': {
      if (mode === 'scan') applyCliV8Flags();
      const started = performance.now();
      const result = await scan({ paths: [file], cwd: workDir });
      const seconds = (performance.now() - started) / 1000;
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0) throw new Error(`scan reported errors: ${errors.map((d) => d.message).join('; ')}`);
      return { mode, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, findings: result.results.filter((r) => r.status === 'fail').length, nodes: result.graph.nodes().length };
    }
  }
}

function runChild(mode: Mode): Measurement {
  const out = execFileSync(process.execPath, ['--max-old-space-size=4096', __filename, '--child', mode, planFile], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Measurement;
}

function fastest(runs: readonly Measurement[]): Measurement {
  return runs.reduce((best, m) => (m.seconds < best.seconds ? m : best));
}

function fastestBy(runs: readonly Measurement[], seconds: (m: Measurement) => number): number {
  return Math.min(...runs.map(seconds));
}

function main(): void {
  mkdirSync(workDir, { recursive: true });
  const generated = generateTerraformPlan(planFile, TARGET_BYTES);
  const mb = generated.bytes / 1e6;
  console.log(`generated ${planFile}: ${mb.toFixed(1)} MB, ${generated.resources} resource instances`);
  const parses: Measurement[] = [];
  const scans: Measurement[] = [];
  const defaultScans: Measurement[] = [];
  // Interleaved, so that a burst of load on the machine hits all alike.
  for (let i = 0; i < RUNS; i++) {
    parses.push(runChild('json-parse'));
    scans.push(runChild('scan'));
    defaultScans.push(runChild('scan-node-defaults'));
  }
  const parse = fastest(parses);
  const full = fastest(scans);
  const defaults = fastest(defaultScans);
  const row = (label: string, m: Measurement, note: string) =>
    `${label.padEnd(11)} ${m.seconds.toFixed(2).padStart(6)} s  ${(mb / m.seconds).toFixed(0).padStart(4)} MB/s  peak RSS ${m.peakRssMb.toFixed(0).padStart(5)} MB  ${note}`;
  console.log(row('JSON.parse', parse, `(file read ${parse.readSeconds?.toFixed(2) ?? '?'} s not included; runs: ${parses.map((m) => m.seconds.toFixed(2)).join(', ')})`));
  const runs = (ms: readonly Measurement[]) => ms.map((m) => m.seconds.toFixed(2)).join(', ');
  console.log(row('full scan', full, `(CLI's V8 settings; ${full.nodes ?? 0} graph nodes, ${full.findings ?? 0} findings; runs: ${runs(scans)})`));
  console.log(row('node dflt', defaults, `(the same scan with node's default V8 settings; runs: ${runs(defaultScans)})`));
  console.log(`scan / JSON.parse = ${(full.seconds / parse.seconds).toFixed(2)} (target <= 3)`);
  console.log(`scan with node's defaults / JSON.parse = ${(defaults.seconds / parse.seconds).toFixed(2)} (for comparison; not the target)`);
  // The scan reads the file and JSON.parse above does not: the same comparison with the read on both sides.
  const parseWithRead = fastestBy(parses, (m) => m.seconds + (m.readSeconds ?? 0));
  console.log(`scan / (file read + JSON.parse) = ${(full.seconds / parseWithRead).toFixed(2)} (for comparison; not the target)`);
}

if (process.argv[2] === '--child') {
  measure(process.argv[3] as Mode, process.argv[4] ?? planFile).then(
    (m) => {
      console.log(JSON.stringify(m));
    },
    (error: unknown) => { console.error(error); process.exitCode = 1; },
  );
} else {
  main();
}
