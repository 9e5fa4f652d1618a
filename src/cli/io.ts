import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Report } from '../report/types';

/** Everything the CLI does to the outside world, injectable so tests run it in-process. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Standard output is a terminal (colours are used only then, and not under NO_COLOR). */
  readonly isTTY: boolean;
  /** Standard error is a terminal: live audits draw a progress line there only then. Absent: not a terminal. */
  readonly stderrIsTTY?: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Writes a report file, creating its directory. */
  readonly writeFile: (file: string, text: string) => void;
  /** Appends to a file the CI runner owns (`$GITHUB_STEP_SUMMARY`, `$GITHUB_OUTPUT`). */
  readonly appendFile: (file: string, text: string) => void;
  /** Receives each report a command builds, for callers that run the CLI in-process (the GitHub Action entry). */
  readonly onReport?: (report: Report) => void;
  /** The process's exit status; the CLI never calls `process.exit()`, so pending output is flushed. */
  readonly setExitCode: (code: number) => void;
}

export function processIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: isTerminal(process.stdout),
    stderrIsTTY: isTerminal(process.stderr),
    env: process.env,
    cwd: process.cwd(),
    writeFile: (file, text) => {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text, 'utf8');
    },
    appendFile: (file, text) => {
      appendFileSync(file, text, 'utf8');
    },
    setExitCode: (code) => {
      process.exitCode = code;
    },
  };
}

/** NO_COLOR counts only when set to a non-empty value (https://no-color.org). */
export function useColor(io: Io): boolean {
  const noColor = io.env.NO_COLOR;
  return io.isTTY && (noColor === undefined || noColor === '');
}

/** Node types `isTTY` as always present, but it is undefined on pipes and files. */
function isTerminal(stream: { readonly isTTY?: boolean }): boolean {
  return stream.isTTY ?? false;
}
