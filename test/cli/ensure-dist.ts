import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

export const repo = path.join(__dirname, '..', '..');
const entry = path.join(repo, 'dist', 'src', 'cli', 'main.js');

/**
 * Builds dist/ when it is missing or older than a source file, so tests can run the real `bin/gatewarden.js`.
 * tsc emits even when some file has a type error (another test or `npm run typecheck` reports those).
 */
export function ensureDist(): void {
  if (existsSync(entry) && statSync(entry).mtimeMs >= newestSource()) return;
  const result = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: repo, encoding: 'utf8' });
  if (!existsSync(entry)) throw new Error(`build produced no ${entry}:\n${result.stdout}${result.stderr}`);
}

function newestSource(): number {
  let newest = statSync(path.join(repo, 'package.json')).mtimeMs;
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== '__fixtures__' && e.name !== 'node_modules') walk(full);
      } else if (e.name.endsWith('.ts')) {
        newest = Math.max(newest, statSync(full).mtimeMs);
      }
    }
  };
  for (const dir of ['src', 'providers', 'policies']) if (existsSync(path.join(repo, dir))) walk(path.join(repo, dir));
  return newest;
}
