import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import type { Report } from '../report/types';
import { processIo, type Io } from './io';
import { run } from './main';

/**
 * The GitHub Action (action.yml at the repository root): turns the action's inputs, passed as `INPUT_<NAME>`
 * environment variables, into a `gatewarden scan` command line, runs it in-process, and writes the step outputs
 * `findings` (failed checks not suppressed, all severities) and `sarif-file` to `$GITHUB_OUTPUT`.
 * Inputs come through the environment, never through `${{ }}` in a shell script, so no input can inject a command.
 */
export async function runAction(io: Partial<Io> = {}): Promise<number> {
  const resolved: Io = { ...processIo(), ...io };
  const input = (name: string): string => (resolved.env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
  const sarifFile = input('sarif-file');
  const argv = [
    'scan',
    ...list(input('paths')),
    ...list(input('plan')),
    ...(input('fail-on') !== '' ? ['--fail-on', input('fail-on')] : []),
    ...(input('config') !== '' ? ['--config', input('config')] : []),
    ...(input('baseline') !== '' ? ['--baseline', input('baseline')] : []),
    ...(sarifFile !== '' ? ['--format', `sarif=${sarifFile}`] : []),
    ...list(input('format')).flatMap((f) => ['--format', f]),
  ];
  let report: Report | undefined;
  const code = await run(argv, { ...resolved, env: { GITHUB_ACTIONS: 'true', ...resolved.env }, onReport: (r) => { report = r; } });
  const outputFile = resolved.env.GITHUB_OUTPUT;
  if (outputFile !== undefined && outputFile !== '' && report !== undefined) {
    const findings = report.summary.total;
    resolved.appendFile(outputFile, output('findings', String(findings)) + output('sarif-file', sarifFile !== '' ? path.resolve(resolved.cwd, sarifFile) : ''));
  }
  return code;
}

/** One input value per line, or several on a line separated by spaces (`paths: infra modules`). */
function list(value: string): string[] {
  return value.split(/\s+/).filter((v) => v !== '');
}

/** The multi-line form of @actions/core `setOutput`: a value cannot end the delimiter or start another output. */
function output(name: string, value: string): string {
  const delimiter = `ghadelimiter_${randomUUID()}`;
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}
