import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseYaml } from '../../providers/yaml/parse';
import { runAction } from '../../src/cli/action';
import { runCli } from './run-cli';

const repo = path.join(__dirname, '..', '..');
const insecure = 'examples/terraform/insecure-rest-api';
const cloudfront = 'examples/terraform/http-api-behind-cloudfront';

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'gw-ci-'));
});
afterEach(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('several outputs in one run', () => {
  it('writes each format=file and one format to standard output', async () => {
    const r = await runCli(['scan', insecure, '--format', 'text', '--format', 'sarif=out/results.sarif', '--format', 'junit=report.xml', '--format', 'markdown=pr.md'], { cwd: repo });
    expect(r.code).toBe(1);
    expect([...r.files.keys()].map((f) => path.relative(repo, f))).toEqual(['out/results.sarif', 'report.xml', 'pr.md']);
    expect(JSON.parse(r.files.get(path.join(repo, 'out/results.sarif')) ?? '{}')).toMatchObject({ version: '2.1.0' });
    expect(r.files.get(path.join(repo, 'report.xml'))).toMatch(/^<\?xml/);
    expect(r.stdout).toMatch(/^examples\/terraform\/insecure-rest-api\/main\.tf$/m);
  });

  it('prints GitHub annotations by default under GitHub Actions, text otherwise, also when only files are asked for', async () => {
    const actions = await runCli(['scan', insecure, '--format', 'sarif=r.sarif'], { cwd: repo, env: { GITHUB_ACTIONS: 'true' } });
    expect(actions.stdout).toMatch(/^::error file=examples\/terraform\/insecure-rest-api\/main\.tf,line=\d+/m);
    const local = await runCli(['scan', insecure, '--format', 'sarif=r.sarif'], { cwd: repo });
    expect(local.stdout).not.toContain('::error');
    expect(local.stdout).toMatch(/findings? \(/);
  });

  it('appends a job summary with a Mermaid diagram when GITHUB_STEP_SUMMARY is set', async () => {
    const summary = path.join(tmp, 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    await runCli(['scan', insecure], { cwd: repo, env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary } });
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('# earlier step\n## gatewarden')).toBe(true);
    expect(text).toContain('### Findings that fail the build');
    expect(text).toMatch(/```mermaid\nflowchart LR\n[\s\S]*internet\(\("Internet"\)\)[\s\S]*class [n\d,]+ flagged\n```/);
  });

  it.each([
    [['--format', 'yaml'], 'gatewarden: unknown format "yaml"; valid formats: text, json, sarif, github, junit, markdown (write one to a file with --format <format>=<file>)'],
    [['--format', 'sarif='], 'gatewarden: --format sarif= needs a file name after "="'],
    [['--format', 'json=a.json', '--format', 'sarif=a.json'], 'gatewarden: two reports would be written to a.json'],
  ])('exit 2 with one line for %j', async (args, line) => {
    const r = await runCli(['scan', insecure, ...args], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(line);
    expect(r.files.size).toBe(0);
  });
});

describe('gatewarden graph', () => {
  it('draws every API as Mermaid with the flagged nodes marked', async () => {
    const r = await runCli(['graph', cloudfront, insecure], { cwd: repo });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('flowchart LR\n')).toBe(true);
    expect(r.stdout.match(/subgraph api\d+/g)?.length).toBeGreaterThanOrEqual(2);
    expect(r.stdout).toMatch(/\{\{"CDN /);
    expect(r.stdout).toMatch(/classDef flagged/);
  });

  const hasDot = spawnSync('dot', ['-V']).status === 0;
  (hasDot ? it : it.skip)(`renders DOT to SVG with Graphviz${hasDot ? '' : ' — SKIPPED: Graphviz `dot` is not installed (apt-get install graphviz)'}`, async () => {
    const r = await runCli(['graph', cloudfront, insecure, '--format', 'dot'], { cwd: repo });
    expect(r.stdout.startsWith('digraph gatewarden {')).toBe(true);
    const svg = spawnSync('dot', ['-Tsvg'], { input: r.stdout, encoding: 'utf8' });
    expect(svg.stderr).toBe('');
    expect(svg.status).toBe(0);
    expect(svg.stdout).toContain('<svg');
    expect(svg.stdout).toContain('Internet');
  });
});

describe('the GitHub Action', () => {
  interface ActionYaml { inputs: Record<string, { default?: string }>; outputs: Record<string, { value: string }>; runs: { using: string; steps: Array<{ env?: Record<string, string> }> } }
  const parsed = parseYaml(readFileSync(path.join(repo, 'action.yml'), 'utf8'), 'action.yml');
  if (!parsed.ok) throw new Error(parsed.reason);
  const action = parsed.value as ActionYaml;

  it('declares the inputs and outputs, and passes every input to the entry point through the environment', () => {
    expect(Object.keys(action.inputs)).toEqual(['paths', 'plan', 'format', 'fail-on', 'config', 'baseline', 'sarif-file']);
    expect(Object.keys(action.outputs)).toEqual(['findings', 'sarif-file']);
    const env = action.runs.steps.flatMap((s) => Object.entries(s.env ?? {}));
    for (const name of Object.keys(action.inputs)) expect(env).toContainEqual([`INPUT_${name.toUpperCase()}`, `\${{ inputs.${name} }}`]);
  });

  it('runs a scan from its inputs and writes outputs, summary, SARIF and annotations', async () => {
    const outputFile = path.join(tmp, 'output');
    const summaryFile = path.join(tmp, 'summary');
    let stdout = '';
    let exitCode: number | undefined;
    const code = await runAction({
      cwd: tmp,
      env: {
        GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile,
        'INPUT_PATHS': path.join(repo, insecure), 'INPUT_FAIL-ON': 'critical', 'INPUT_SARIF-FILE': 'gatewarden.sarif', 'INPUT_FORMAT': 'junit=junit.xml',
      },
      stdout: (t) => { stdout += t; },
      stderr: () => undefined,
      isTTY: false,
      setExitCode: (c) => { exitCode = c; },
    });
    expect([code, exitCode]).toEqual([0, 0]); // nothing critical in the example
    const outputs = Object.fromEntries([...readFileSync(outputFile, 'utf8').matchAll(/^([\w-]+)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm)].map((m) => [m[1], m[3]]));
    const sarifPath = path.join(tmp, 'gatewarden.sarif');
    expect(outputs['sarif-file']).toBe(sarifPath);
    const sarif = JSON.parse(readFileSync(sarifPath, 'utf8')) as { runs: Array<{ results: Array<{ suppressions?: unknown[] }> }> };
    expect(Number(outputs.findings)).toBe(sarif.runs[0]?.results.filter((r) => r.suppressions === undefined).length);
    expect(Number(outputs.findings)).toBeGreaterThan(5);
    expect(readFileSync(path.join(tmp, 'junit.xml'), 'utf8')).toContain('<testsuites');
    expect(readFileSync(summaryFile, 'utf8')).toContain('```mermaid');
    expect(stdout).toMatch(/^::warning file=.*insecure-rest-api\/main\.tf,line=\d+/m);
  });
});
