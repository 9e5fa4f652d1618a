import type { Io } from '../../src/cli/io';
import { run } from '../../src/cli/main';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** What the CLI set as the process exit code (must equal `code`). */
  readonly exitCode: number | undefined;
  readonly files: ReadonlyMap<string, string>;
}

/** Runs the CLI in-process with captured streams; `io` overrides (cwd, isTTY, env...). */
export async function runCli(argv: readonly string[], io: Partial<Io> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  let exitCode: number | undefined;
  const files = new Map<string, string>();
  const code = await run(argv, {
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    isTTY: false,
    env: {},
    writeFile: (file, text) => { files.set(file, text); },
    setExitCode: (c) => { exitCode = c; },
    ...io,
  });
  return { code, stdout, stderr, exitCode, files };
}
