import { readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { ProviderOptions } from '../../src/graph/adapter';
import type { Diagnostic } from '../../src/graph/diagnostic';
import { DEFAULT_MAX_FILE_BYTES, readTextFile } from '../read-text-file';
import type { HclFile } from './hcl/ast';
import { createBudget } from './hcl/context';
import { compareStrings } from './hcl/value';
import type { ModuleConfig } from './module-config';
import { buildModuleConfig, isLocalSource } from './module-config';
import type { ModuleEnvironment } from './module-instance';
import { ModuleInstance } from './module-instance';
import { readModuleManifest } from './module-manifest';
import type { TfResource } from './model';
import { loadHclParser } from './parse';
import { readInParallel } from './parse-pool';
import { readHclFile } from './read-hcl-file';
import { readVariableFiles } from './tfvars';

/** The resources of one root module (a directory Terraform would be run in), including those of its local modules. */
export interface RootModuleResources {
  readonly rootDir: string;
  readonly resources: readonly TfResource[];
}

export interface TerraformReadResult {
  /** Every root module's resources; addresses are unique only within one root. */
  readonly roots: readonly RootModuleResources[];
  readonly resources: readonly TfResource[];
  readonly diagnostics: readonly Diagnostic[];
  readonly filesRead: number;
}

/**
 * Reads .tf files into evaluated resources. Each directory of .tf files is a root module, except
 * directories another scanned directory calls as a local module: those are read through their callers,
 * with the inputs the callers pass.
 */
export async function readTerraform(files: readonly string[], options: ProviderOptions): Promise<TerraformReadResult> {
  const parser = await loadHclParser();
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const diagnostics: Diagnostic[] = [];
  let filesRead = 0;

  const tfFiles = [...files].filter((path) => path.endsWith('.tf')).sort(compareStrings);
  const prepared = await readInParallel(tfFiles, maxBytes);
  const readModuleFile = (file: string): HclFile | undefined => {
    const read = prepared.get(file) ?? readHclFile(file, maxBytes, parser);
    diagnostics.push(...read.diagnostics);
    if (read.wasRead) filesRead++;
    return read.file;
  };

  const scanned = new Map<string, HclFile[]>();
  for (const file of tfFiles) {
    const dir = dirname(file);
    const list = scanned.get(dir) ?? [];
    scanned.set(dir, list);
    const parsed = readModuleFile(file);
    if (parsed) list.push(parsed);
  }

  const configs = new Map<string, ModuleConfig | undefined>();
  for (const [dir, parsed] of scanned) configs.set(dir, buildModuleConfig(dir, parsed));
  const loadModule = (dir: string): ModuleConfig | undefined => {
    if (!configs.has(dir)) configs.set(dir, readModuleDirectory(dir, readModuleFile));
    const config = configs.get(dir);
    return config && hasDeclarations(config) ? config : undefined;
  };

  const roots: RootModuleResources[] = [];
  for (const rootDir of rootModules(scanned, configs)) {
    const config = configs.get(rootDir);
    if (!config) continue;
    const tfvars = readVariableFiles(rootDir, options.varFiles ?? [], parser, maxBytes);
    diagnostics.push(...tfvars.diagnostics);
    filesRead += tfvars.filesRead;
    const manifest = readModuleManifest(rootDir);
    diagnostics.push(...manifest.diagnostics);
    const env: ModuleEnvironment = {
      downloadedModules: manifest.dirs,
      budget: createBudget(),
      rootDir,
      diagnostics,
      loadModule,
      readFile: (path, moduleDir) => readAllowedFile(path, moduleDir, rootDir, maxBytes),
      reported: new Set(),
    };
    const resources: TfResource[] = [];
    new ModuleInstance({ config, modulePath: '', env, variableValues: tfvars.values }).collectResources(resources);
    roots.push({ rootDir, resources });
    if (env.budget.exhausted) {
      diagnostics.push({ severity: 'warning', message: 'evaluation stopped at its effort limit (very large or deeply nested expressions); remaining values are unknown', file: join(rootDir, '.'), provider: 'terraform' });
    }
  }
  return { roots, resources: roots.flatMap((r) => r.resources), diagnostics, filesRead };
}

/** Directories that are not called as a local module by another scanned directory (plus any left out by a call cycle). */
function rootModules(scanned: ReadonlyMap<string, readonly HclFile[]>, configs: ReadonlyMap<string, ModuleConfig | undefined>): string[] {
  const calls = new Map<string, string[]>();
  const called = new Set<string>();
  for (const dir of scanned.keys()) {
    const targets: string[] = [];
    for (const call of configs.get(dir)?.moduleCalls.values() ?? []) {
      if (call.source === undefined || !isLocalSource(call.source)) continue;
      const target = resolve(dir, call.source);
      targets.push(target);
      if (target !== dir && scanned.has(target)) called.add(target);
    }
    calls.set(dir, targets);
  }
  const dirs = [...scanned.keys()].sort(compareStrings);
  const roots = dirs.filter((dir) => !called.has(dir));
  const reached = new Set<string>();
  const visit = (dir: string): void => {
    if (reached.has(dir)) return;
    reached.add(dir);
    for (const target of calls.get(dir) ?? []) visit(target);
  };
  for (const root of roots) visit(root);
  for (const dir of dirs) {
    if (reached.has(dir)) continue;
    roots.push(dir);
    visit(dir);
  }
  return roots;
}

/** A module directory outside the scanned files (e.g. `source = "../.."` from an example): read its .tf files. */
function readModuleDirectory(dir: string, readModuleFile: (file: string) => HclFile | undefined): ModuleConfig | undefined {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    // Reported by the caller as a module directory without readable .tf files.
    return undefined;
  }
  const parsed = names
    .filter((name) => name.endsWith('.tf'))
    .sort(compareStrings)
    .map((name) => readModuleFile(join(dir, name)))
    .filter((file): file is HclFile => file !== undefined);
  return buildModuleConfig(dir, parsed);
}

function hasDeclarations(config: ModuleConfig): boolean {
  return config.resources.size + config.moduleCalls.size + config.variables.size + config.outputs.size + config.locals.size > 0;
}

/** `file()` may read only under the module's or the root module's directory, never elsewhere. */
function readAllowedFile(path: string, moduleDir: string, rootDir: string, maxBytes: number): string | undefined {
  const inside = (dir: string): boolean => {
    const rel = relative(dir, path);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  };
  if (!inside(moduleDir) && !inside(rootDir)) return undefined;
  const read = readTextFile(path, maxBytes);
  return 'text' in read ? read.text : undefined;
}
