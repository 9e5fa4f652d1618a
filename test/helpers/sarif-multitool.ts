import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/**
 * The Microsoft SARIF Multitool (`@microsoft/sarif-multitool`, a native .NET binary per platform), the reference
 * validator for SARIF 2.1.0. Run directly, not through its `npx` shim, which passes arguments through a shell.
 */
export interface Multitool {
  readonly binary?: string;
  readonly schema?: string;
  /** Why it cannot run here, when it cannot. */
  readonly unavailable?: string;
}

export function findMultitool(): Multitool {
  let dir: string;
  try {
    dir = path.dirname(require.resolve(`@microsoft/sarif-multitool-${process.platform}/package.json`));
  } catch {
    return { unavailable: `@microsoft/sarif-multitool-${process.platform} is not installed` };
  }
  const binary = path.join(dir, process.platform === 'win32' ? 'Sarif.Multitool.exe' : 'Sarif.Multitool');
  const schema = path.join(dir, 'sarif-2.1.0.json');
  if (!existsSync(binary)) return { unavailable: `${binary} is missing` };
  const probe = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (probe.error !== undefined || probe.status !== 0) {
    return { unavailable: `${binary} does not run on this platform: ${probe.error?.message ?? probe.stderr.slice(0, 200)}` };
  }
  return { binary, ...(existsSync(schema) && { schema }) };
}

export interface ValidationIssue {
  readonly rule: string;
  readonly level: string;
  readonly message: string;
}

/**
 * Validates one SARIF log against the official 2.1.0 JSON schema shipped with the tool and the SARIF and GitHub
 * ingestion rules (`--rule-kind Gh;Sarif`); returns the errors and warnings (notes are advice, e.g. "use message ids").
 */
export function validateSarif(tool: Multitool, sarif: string): ValidationIssue[] {
  if (tool.binary === undefined) throw new Error(tool.unavailable);
  const dir = mkdtempSync(path.join(tmpdir(), 'gw-sarif-'));
  try {
    const input = path.join(dir, 'report.sarif');
    const output = path.join(dir, 'validation.sarif');
    writeFileSync(input, sarif);
    const args = ['validate', input, '--output', output, '--log', 'ForceOverwrite', '--rule-kind', 'Gh;Sarif', '--level', 'Error;Warning',
      ...(tool.schema !== undefined ? ['--json-schema', tool.schema] : [])];
    const run = spawnSync(tool.binary, args, { encoding: 'utf8', timeout: 120_000 });
    if (!existsSync(output)) throw new Error(`the multitool wrote no result (exit ${String(run.status)}):\n${run.stdout}${run.stderr}`);
    const log = JSON.parse(readFileSync(output, 'utf8')) as { runs: Array<{ results?: Array<{ ruleId: string; level?: string; message: { text?: string; id?: string; arguments?: string[] } }> }> };
    return log.runs.flatMap((r) => r.results ?? []).map((r) => ({
      rule: r.ruleId,
      level: r.level ?? 'warning',
      message: r.message.text ?? `${r.message.id ?? ''} ${(r.message.arguments ?? []).join(' | ')}`,
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
