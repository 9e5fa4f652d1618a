import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../../src/graph/diagnostic';
import { readTextFile } from '../read-text-file';

/**
 * `terraform init` downloads registry and git modules under `.terraform/modules/` and records where in
 * `.terraform/modules/modules.json`: `{"Modules":[{"Key":"api","Source":"registry.terraform.io/acme/api/aws","Version":"1.2.0","Dir":".terraform/modules/api"}]}`.
 * `Key` is the module call path (`api`, nested `api.stage`), `Dir` is relative to the root module.
 * Nothing is downloaded here: only what `terraform init` left on disk is read.
 */
export interface ModuleManifest {
  /** Absolute directory of each downloaded module call, by `Key`. */
  readonly dirs: ReadonlyMap<string, string>;
  readonly diagnostics: readonly Diagnostic[];
}

const MANIFEST_PATH = join('.terraform', 'modules', 'modules.json');
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

export function readModuleManifest(rootDir: string): ModuleManifest {
  const file = join(rootDir, MANIFEST_PATH);
  if (!existsSync(file)) return { dirs: new Map(), diagnostics: [] };
  const read = readTextFile(file, MAX_MANIFEST_BYTES);
  if ('diagnostic' in read) return { dirs: new Map(), diagnostics: [{ ...read.diagnostic, severity: 'warning', provider: 'terraform' }] };
  let json: unknown;
  try {
    json = JSON.parse(read.text);
  } catch (error) {
    return { dirs: new Map(), diagnostics: [warning(file, `cannot read the module manifest of terraform init: ${error instanceof Error ? error.message : String(error)}; downloaded modules are not checked`)] };
  }
  const modules = typeof json === 'object' && json !== null && 'Modules' in json && Array.isArray(json.Modules) ? (json.Modules as unknown[]) : undefined;
  if (!modules) return { dirs: new Map(), diagnostics: [warning(file, 'the module manifest of terraform init has no "Modules" list; downloaded modules are not checked')] };
  const dirs = new Map<string, string>();
  for (const entry of modules) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { Key: key, Dir: dir } = entry as { Key?: unknown; Dir?: unknown };
    // The root module is listed with an empty key.
    if (typeof key === 'string' && key !== '' && typeof dir === 'string') dirs.set(key, resolve(rootDir, dir));
  }
  return { dirs, diagnostics: [] };
}

function warning(file: string, message: string): Diagnostic {
  return { severity: 'warning', message, file, provider: 'terraform' };
}
