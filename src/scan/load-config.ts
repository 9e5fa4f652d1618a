import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parseConfig, type GatewardenConfig, type YamlDocumentParser } from '../engine/config';
import type { AnyPolicy } from '../engine/policy';
import { ConfigError } from '../errors';

export const CONFIG_FILE_NAMES: readonly string[] = ['.gatewarden.yml', '.gatewarden.yaml'];

/**
 * The config file that applies to `cwd`: the nearest `.gatewarden.yml` (or `.yaml`) in it or a directory above,
 * looking no higher than the repository root (a directory holding `.git`) or the filesystem root.
 */
export function findConfigFile(cwd: string): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const found = CONFIG_FILE_NAMES.map((name) => path.join(dir, name)).filter(isFile);
    if (found.length > 1) throw new ConfigError(`both ${found.map((f) => path.basename(f)).join(' and ')} exist in ${dir}; keep one`);
    if (found[0] !== undefined) return found[0];
    if (existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) return undefined;
  }
}

export interface LoadConfigRequest {
  /** `--config FILE`, relative to `cwd`; else the file is searched for. */
  readonly file?: string;
  readonly cwd: string;
  readonly parseYaml: YamlDocumentParser;
  readonly policies: readonly AnyPolicy[];
}

/** Reads and validates the config; `undefined` when none is given or found. Bad files are a {@link ConfigError}. */
export function loadConfig(request: LoadConfigRequest): GatewardenConfig | undefined {
  const file = request.file !== undefined ? path.resolve(request.cwd, request.file) : findConfigFile(request.cwd);
  if (file === undefined) return undefined;
  const displayPath = displayed(file, request.cwd);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config file ${displayPath}`, { cause: error });
  }
  return parseConfig({ text, file, displayPath, parseYaml: request.parseYaml, policies: request.policies });
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false; // absent or unreadable: not a config file here
  }
}

/** Relative to the working directory when under it, else absolute. */
function displayed(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}
