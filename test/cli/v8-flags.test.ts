import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { CLI_V8_FLAGS, flagsToSet } from '../../src/cli/v8-flags';
import { ensureDist, repo } from './ensure-dist';

describe('flagsToSet', () => {
  it.each([
    { case: 'nothing chosen', execArgv: [], env: {}, expected: ['--no-turbo-inlining'] },
    { case: 'other flags chosen', execArgv: ['--max-old-space-size=4096', '--enable-source-maps'], env: {}, expected: ['--no-turbo-inlining'] },
    { case: 'inlining on', execArgv: ['--turbo-inlining'], env: {}, expected: [] },
    { case: 'inlining off', execArgv: ['--no-turbo-inlining'], env: {}, expected: [] },
    { case: 'underscores and a value', execArgv: ['--turbo_inlining=false'], env: {}, expected: [] },
    { case: 'a flag whose name only starts alike', execArgv: ['--trace-turbo-inlining', '--turbo-inlining-budget=3'], env: {}, expected: ['--no-turbo-inlining'] },
    { case: 'node defaults asked for', execArgv: [], env: { GATEWARDEN_V8_DEFAULTS: '1' }, expected: [] },
    { case: 'node defaults not asked for', execArgv: [], env: { GATEWARDEN_V8_DEFAULTS: '0' }, expected: ['--no-turbo-inlining'] },
  ])('$case', ({ execArgv, env, expected }) => {
    expect(flagsToSet(execArgv, env)).toEqual(expected);
  });

  it('sets nothing but the listed flags', () => {
    expect(flagsToSet([], {})).toEqual(CLI_V8_FLAGS);
  });
});

/** The flag reaches V8 through the real bin: V8 traces each inlining it does (`--trace-turbo-inlining`) on stdout. */
describe('the CLI V8 flags, end to end', () => {
  beforeAll(() => {
    ensureDist();
  }, 120_000);

  function inlinings(nodeArgs: readonly string[], env: Readonly<Record<string, string>> = {}): { count: number; stderr: string } {
    const input = path.join(repo, 'policies', 'api-management', '__fixtures__', 'throttling', 'terraform');
    const r = spawnSync(process.execPath, [...nodeArgs, '--trace-turbo-inlining', 'bin/gatewarden.js', 'scan', input, '--fail-on', 'none', '--format', 'json'], {
      cwd: repo, encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 28, env: { ...process.env, ...env },
    });
    return { count: (r.stdout.match(/^Inlining /gm) ?? []).length, stderr: r.stderr };
  }

  it('the bin runs with inlining off, and V8 takes the flag without complaint', () => {
    const { count, stderr } = inlinings([]);
    expect(stderr).toBe('');
    expect(count).toBe(0);
  });

  it.each<{ case: string; nodeArgs: string[]; env: Record<string, string> }>([
    { case: 'node --turbo-inlining', nodeArgs: ['--turbo-inlining'], env: {} },
    { case: 'GATEWARDEN_V8_DEFAULTS=1', nodeArgs: [], env: { GATEWARDEN_V8_DEFAULTS: '1' } },
  ])('$case keeps inlining on', ({ nodeArgs, env }) => {
    expect(inlinings(nodeArgs, env).count).toBeGreaterThan(0);
  });
});
