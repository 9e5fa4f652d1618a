import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { InlineSuppression, ProviderOptions } from '../../src/graph/adapter';
import type { Diagnostic } from '../../src/graph/diagnostic';
import { DEFAULT_MAX_FILE_BYTES } from '../read-text-file';
import type { HclFile, TemplatePart } from './hcl/ast';
import { createBudget } from './hcl/context';
import { compareStrings } from './hcl/value';
import type { ModuleConfig } from './module-config';
import { buildModuleConfig, isLocalSource, moduleSource } from './module-config';
import type { ModuleEnvironment } from './module-instance';
import { ModuleInstance } from './module-instance';
import { readModuleManifest } from './module-manifest';
import type { TfResource } from './model';
import { loadHclParser, type HclParser } from './parse';
import { readInParallel } from './parse-pool';
import { readHclFile, type HclFileRead } from './read-hcl-file';
import { readVariableFiles, unloadedVariableFiles } from './tfvars';
import { ModuleFiles } from './module-files';
import { parseTemplateFile } from './template-file';

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
  /** `gatewarden:ignore` comments of every file read. */
  readonly suppressions?: readonly InlineSuppression[];
}

/**
 * Reads .tf files into evaluated resources. Each directory of .tf files is a root module, except
 * directories another scanned directory calls as a local module: those are read through their callers,
 * with the inputs the callers pass.
 *
 * With parse workers, a root module is evaluated as soon as its files and the scanned modules it calls are
 * parsed, while the workers parse the next ones; `whenEvaluated` is called then (the caller may adapt the
 * root at once). Whether a directory is a root is known only once every file is parsed (a later directory
 * may call it): a root evaluated early that turns out to be a module is dropped, and what each root reports
 * is replayed in root order, so the result is the same as reading everything first.
 */
export async function readTerraform(
  files: readonly string[],
  options: ProviderOptions,
  whenEvaluated?: (root: RootModuleResources) => void,
): Promise<TerraformReadResult> {
  const parser = await loadHclParser();
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const tfFiles = [...files].filter((path) => path.endsWith('.tf')).sort(compareStrings);
  const reader = new ConfigurationReader(tfFiles, { options, parser, maxBytes, whenEvaluated });
  await readInParallel(tfFiles, maxBytes, (file, read) => {
    reader.parsedInParallel(file, read);
  });
  const result = reader.finish();
  const unloaded = unloadedVariableFiles(files, options.varFiles ?? []);
  return unloaded.length === 0 ? result : { ...result, diagnostics: [...result.diagnostics, ...unloaded] };
}

/** A directory outside the scanned files read for a module call, and what reading it reported. */
interface ModuleDirectoryRead {
  readonly config: ModuleConfig | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly suppressions: readonly InlineSuppression[];
  readonly filesRead: number;
}

/**
 * One root module evaluated, with what it reported. The first read of a module directory outside the scanned
 * files is reported where the first root (in root order) to load it loads it: `moduleReads` says where.
 */
interface EvaluatedRoot {
  readonly root: RootModuleResources;
  readonly diagnostics: readonly Diagnostic[];
  readonly moduleReads: readonly { readonly dir: string; readonly at: number }[];
  readonly filesRead: number;
}

/** Thrown when an early evaluation reaches a scanned module directory whose files are still being parsed. */
class NotParsedYet extends Error {}

interface ReaderSettings {
  readonly options: ProviderOptions;
  readonly parser: HclParser;
  readonly maxBytes: number;
  readonly whenEvaluated: ((root: RootModuleResources) => void) | undefined;
}

class ConfigurationReader {
  private readonly tfFiles: readonly string[];
  private readonly settings: ReaderSettings;
  private readonly reads = new Map<string, HclFileRead>();
  /** Scanned directories and their .tf files, in order. */
  private readonly filesOf = new Map<string, string[]>();
  private readonly unread = new Map<string, number>();
  /** Configurations of the scanned directories whose files are all read. */
  private readonly configs = new Map<string, ModuleConfig | undefined>();
  /** Scanned directories a read file calls as a local module: not roots, so not evaluated early. */
  private readonly called = new Set<string>();
  private readonly moduleDirs = new Map<string, ModuleDirectoryRead>();
  private readonly evaluated = new Map<string, EvaluatedRoot>();
  /** Read scanned directories that may be roots, not evaluated yet. */
  private waiting: string[] = [];

  constructor(tfFiles: readonly string[], settings: ReaderSettings) {
    this.tfFiles = tfFiles;
    this.settings = settings;
    for (const file of tfFiles) {
      const dir = dirname(file);
      const list = this.filesOf.get(dir);
      if (list) list.push(file);
      else this.filesOf.set(dir, [file]);
      this.unread.set(dir, (this.unread.get(dir) ?? 0) + 1);
    }
  }

  /** A file from the parse workers: records it, then evaluates the roots that can be. */
  parsedInParallel(file: string, read: HclFileRead): void {
    this.record(file, read);
    this.evaluateReadyRoots();
  }

  finish(): TerraformReadResult {
    // Without workers (few files, or running from sources), files are read here, in order.
    for (const file of this.tfFiles) if (!this.reads.has(file)) this.record(file, readHclFile(file, this.settings.maxBytes, this.settings.parser));

    const diagnostics: Diagnostic[] = [];
    const suppressions: InlineSuppression[] = [];
    let filesRead = 0;
    for (const file of this.tfFiles) {
      const read = this.reads.get(file);
      if (!read) continue;
      for (const diagnostic of read.diagnostics) diagnostics.push(diagnostic);
      for (const suppression of read.suppressions ?? []) suppressions.push(suppression);
      if (read.wasRead) filesRead++;
    }
    for (const dir of this.filesOf.keys()) for (const diagnostic of this.configs.get(dir)?.diagnostics ?? []) diagnostics.push(diagnostic);

    const roots: RootModuleResources[] = [];
    const reportedModuleDirs = new Set<string>();
    for (const rootDir of rootModules(this.filesOf, this.configs)) {
      const config = this.configs.get(rootDir);
      if (!config) continue;
      const evaluated = this.evaluated.get(rootDir) ?? this.evaluate(rootDir, config);
      let next = 0;
      for (const { dir, at } of evaluated.moduleReads) {
        for (; next < at; next++) diagnostics.push(evaluated.diagnostics[next] as Diagnostic);
        const moduleRead = this.moduleDirs.get(dir);
        if (!moduleRead || reportedModuleDirs.has(dir)) continue;
        reportedModuleDirs.add(dir);
        for (const diagnostic of moduleRead.diagnostics) diagnostics.push(diagnostic);
        for (const suppression of moduleRead.suppressions) suppressions.push(suppression);
        filesRead += moduleRead.filesRead;
      }
      for (; next < evaluated.diagnostics.length; next++) diagnostics.push(evaluated.diagnostics[next] as Diagnostic);
      filesRead += evaluated.filesRead;
      roots.push(evaluated.root);
    }
    return { roots, resources: roots.flatMap((r) => r.resources), diagnostics, filesRead, suppressions };
  }

  private record(file: string, read: HclFileRead): void {
    this.reads.set(file, read);
    const dir = dirname(file);
    // Known as a module as soon as one file calls it, though the caller's directory is not all read yet.
    for (const block of read.file?.body.blocks ?? []) {
      if (block.type !== 'module' || block.labels[0] === undefined) continue;
      const source = moduleSource(block);
      if (source === undefined || !isLocalSource(source)) continue;
      const target = resolve(dir, source);
      if (target !== dir && this.filesOf.has(target)) this.called.add(target);
    }
    const unread = (this.unread.get(dir) ?? 1) - 1;
    this.unread.set(dir, unread);
    if (unread > 0) return;
    const parsed: HclFile[] = [];
    for (const path of this.filesOf.get(dir) ?? []) {
      const parsedFile = this.reads.get(path)?.file;
      if (parsedFile) parsed.push(parsedFile);
    }
    this.configs.set(dir, buildModuleConfig(dir, parsed));
    this.waiting.push(dir);
  }

  /** Evaluates each read directory no read directory calls, once the scanned modules it calls are read. */
  private evaluateReadyRoots(): void {
    const stillWaiting: string[] = [];
    for (const dir of this.waiting) {
      if (this.called.has(dir)) continue; // a module of another directory: evaluated through it
      const config = this.configs.get(dir);
      if (!config || !this.callsAreRead(dir)) {
        if (config) stillWaiting.push(dir);
        continue;
      }
      try {
        this.evaluated.set(dir, this.evaluate(dir, config));
      } catch (error) {
        if (!(error instanceof NotParsedYet)) throw error;
        // A module it loads in a way `callsAreRead` cannot see (e.g. a downloaded module): evaluated at the end.
      }
    }
    this.waiting = stillWaiting;
  }

  /** Every scanned directory `dir` reaches through local module calls is read. */
  private callsAreRead(dir: string, seen = new Set<string>()): boolean {
    if (seen.has(dir)) return true;
    seen.add(dir);
    for (const target of localCallTargets(dir, this.configs.get(dir))) {
      if (!this.filesOf.has(target)) continue;
      if (!this.configs.has(target) || !this.callsAreRead(target, seen)) return false;
    }
    return true;
  }

  private evaluate(rootDir: string, config: ModuleConfig): EvaluatedRoot {
    const { options, parser, maxBytes } = this.settings;
    const diagnostics: Diagnostic[] = [];
    const moduleReads: { dir: string; at: number }[] = [];
    const tfvars = readVariableFiles(rootDir, options.varFiles ?? [], parser, maxBytes);
    diagnostics.push(...tfvars.diagnostics);
    const manifest = readModuleManifest(rootDir);
    diagnostics.push(...manifest.diagnostics);
    const loadModule = (dir: string): ModuleConfig | undefined => {
      let loaded: ModuleConfig | undefined;
      if (this.filesOf.has(dir)) {
        if (!this.configs.has(dir)) throw new NotParsedYet(dir);
        loaded = this.configs.get(dir);
      } else {
        let read = this.moduleDirs.get(dir);
        if (!read) {
          read = this.readModuleDirectory(dir);
          this.moduleDirs.set(dir, read);
        }
        if (!moduleReads.some((m) => m.dir === dir)) moduleReads.push({ dir, at: diagnostics.length });
        loaded = read.config;
      }
      return loaded && hasDeclarations(loaded) ? loaded : undefined;
    };
    const templates = new Map<string, readonly TemplatePart[] | undefined>();
    const reported = new Set<string>();
    const files = new ModuleFiles(rootDir, options.scanRoots ?? [], maxBytes, diagnostics, reported);
    const env: ModuleEnvironment = {
      downloadedModules: manifest.dirs,
      budget: createBudget(),
      rootDir,
      diagnostics,
      loadModule,
      files,
      readTemplate: (path, moduleDir) => {
        // One parse per template file and calling module, however many instances render it (whether a module may
        // read the file depends on where the module is).
        const key = `${moduleDir}\u0000${path}`;
        if (!templates.has(key)) {
          const text = files.read(path, moduleDir);
          const parts = text === undefined ? undefined : parseTemplateFile(text, path, parser);
          if (text !== undefined && !parts) diagnostics.push({ severity: 'warning', message: 'named by templatefile() but not a template that parses; what it gives is not known', file: path, provider: 'terraform' });
          templates.set(key, parts);
        }
        return templates.get(key);
      },
      parseTemplate: (text, file) => parseTemplateFile(text, file, parser),
      reported,
    };
    const resources: TfResource[] = [];
    new ModuleInstance({ config, modulePath: '', env, variableValues: tfvars.values, variableSources: tfvars.sources }).collectResources(resources);
    if (env.budget.exhausted) {
      diagnostics.push({ severity: 'warning', message: 'evaluation stopped at its effort limit (very large or deeply nested expressions); remaining values are unknown', file: join(rootDir, '.'), provider: 'terraform' });
    }
    const root: RootModuleResources = { rootDir, resources };
    this.settings.whenEvaluated?.(root);
    return { root, diagnostics, moduleReads, filesRead: tfvars.filesRead };
  }

  /** A module directory outside the scanned files (e.g. `source = "../.."` from an example): read its .tf files. */
  private readModuleDirectory(dir: string): ModuleDirectoryRead {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      // Reported by the caller as a module directory without readable .tf files.
      return { config: undefined, diagnostics: [], suppressions: [], filesRead: 0 };
    }
    const diagnostics: Diagnostic[] = [];
    const suppressions: InlineSuppression[] = [];
    let filesRead = 0;
    const parsed: HclFile[] = [];
    for (const name of names.filter((n) => n.endsWith('.tf')).sort(compareStrings)) {
      const read = readHclFile(join(dir, name), this.settings.maxBytes, this.settings.parser);
      diagnostics.push(...read.diagnostics);
      suppressions.push(...(read.suppressions ?? []));
      if (read.wasRead) filesRead++;
      if (read.file) parsed.push(read.file);
    }
    const config = buildModuleConfig(dir, parsed);
    for (const diagnostic of config.diagnostics) diagnostics.push(diagnostic);
    return { config, diagnostics, suppressions, filesRead };
  }
}

/** Directories a module calls by local path (`source = "../modules/api"`). */
function localCallTargets(dir: string, config: ModuleConfig | undefined): string[] {
  const targets: string[] = [];
  for (const call of config?.moduleCalls.values() ?? []) {
    if (call.source !== undefined && isLocalSource(call.source)) targets.push(resolve(dir, call.source));
  }
  return targets;
}

/** Directories that are not called as a local module by another scanned directory (plus any left out by a call cycle). */
function rootModules(scanned: ReadonlyMap<string, unknown>, configs: ReadonlyMap<string, ModuleConfig | undefined>): string[] {
  const calls = new Map<string, string[]>();
  const called = new Set<string>();
  for (const dir of scanned.keys()) {
    const targets = localCallTargets(dir, configs.get(dir));
    for (const target of targets) if (target !== dir && scanned.has(target)) called.add(target);
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

function hasDeclarations(config: ModuleConfig): boolean {
  return config.resources.size + config.moduleCalls.size + config.variables.size + config.outputs.size + config.locals.size > 0;
}

