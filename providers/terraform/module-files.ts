import { lstatSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { GlobPattern } from './glob-pattern';
import type { Diagnostic } from '../../src/graph/diagnostic';
import { isInsideDirectory } from '../inside-directory';
import { readTextFile } from '../read-text-file';

/** Most entries `fileset()` looks at: past this many (or this deep), what it gives is not known. */
const MAX_LISTED_FILES = 10_000;
const MAX_LISTED_DEPTH = 32;

/**
 * What `file()`, `templatefile()`, `fileexists()` and `fileset()` may see: only what is under the module's or the
 * root module's directory or a path given to scan (a `policies/` folder beside `terraform/`), never elsewhere. A path
 * they name that is outside, or cannot be read (Terraform would stop there), is said once, at the path; what the
 * function gives is then not known (undefined).
 */
export class ModuleFiles {
  private readonly rootDir: string;
  private readonly scanRoots: readonly string[];
  private readonly maxBytes: number;
  private readonly diagnostics: Diagnostic[];
  private readonly reported: Set<string>;
  private readonly listings = new Map<string, readonly string[] | undefined>();

  constructor(rootDir: string, scanRoots: readonly string[], maxBytes: number, diagnostics: Diagnostic[], reported: Set<string>) {
    this.rootDir = rootDir;
    this.scanRoots = scanRoots;
    this.maxBytes = maxBytes;
    this.diagnostics = diagnostics;
    this.reported = reported;
  }

  /** The text of the file at `path` (absolute), read from `moduleDir`. */
  read(path: string, moduleDir: string): string | undefined {
    if (!this.allowed(path, moduleDir, 'file() or templatefile()')) return undefined;
    const read = readTextFile(path, this.maxBytes);
    if ('text' in read) return read.text;
    this.say(path, 'warning', `named by file() or templatefile(): ${read.diagnostic.message}; what it gives is not known`);
    return undefined;
  }

  /** `fileexists()`: whether a regular file is at `path`; undefined when it may not be looked at, or is not a file. */
  exists(path: string, moduleDir: string): boolean | undefined {
    // Where the path leads once its directory's links are followed, so that a link cannot tell what is outside.
    if (!this.allowed(path, moduleDir, 'fileexists()') || !this.allowed(dirname(path), moduleDir, 'fileexists()', true)) return undefined;
    try {
      // Terraform's fileexists fails on anything but a regular file.
      return statSync(path).isFile() ? true : undefined;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === 'ENOENT' || code === 'ENOTDIR' ? false : undefined;
    }
  }

  /**
   * `fileset()`: the regular files under `dir` (the module directory itself included) that `pattern` matches, as
   * paths relative to it with `/`, sorted. Only directories where the pattern may match are looked into. Undefined when
   * it may not be looked at, cannot be listed, holds too many files, or a link to a directory might hold matches (links
   * are not followed into directories, and a list without them would be wrong).
   */
  list(dir: string, moduleDir: string, pattern: GlobPattern): readonly string[] | undefined {
    // Once per directory and pattern: every instance of a module asks again.
    const key = `${resolve(dir)}\u0000${resolve(moduleDir)}\u0000${pattern.text}`;
    if (!this.listings.has(key)) this.listings.set(key, this.listUncached(dir, moduleDir, pattern));
    return this.listings.get(key);
  }

  private listUncached(dir: string, moduleDir: string, pattern: GlobPattern): readonly string[] | undefined {
    if (!this.allowed(dir, moduleDir, 'fileset()', true)) return undefined;
    const found: string[] = [];
    let seen = 0;
    let why: string | undefined;
    const walk = (at: string, prefix: string, depth: number): void => {
      if (why !== undefined) return;
      if (depth > MAX_LISTED_DEPTH) {
        why = `holds more than ${MAX_LISTED_DEPTH} levels of directories`;
        return;
      }
      let names: string[];
      try {
        names = readdirSync(at);
      } catch (error) {
        why = `cannot be listed (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
        return;
      }
      for (const name of names) {
        const path = join(at, name);
        const relative = `${prefix}${name}`;
        let own;
        let stats;
        try {
          own = lstatSync(path);
          stats = own.isSymbolicLink() ? statSync(path) : own;
        } catch {
          continue;
        }
        if (++seen > MAX_LISTED_FILES) why ??= `holds more than ${MAX_LISTED_FILES} entries`;
        if (why !== undefined) return;
        if (stats.isFile()) {
          if (pattern.matches(relative)) found.push(relative);
        } else if (stats.isDirectory() && pattern.mayHoldMatches(relative)) {
          if (own.isSymbolicLink()) why = `holds a link to a directory (${relative}) that is not followed`;
          else walk(path, `${relative}/`, depth + 1);
        }
      }
    };
    walk(dir, '', 0);
    if (why !== undefined) {
      this.say(dir, 'notice', `named by fileset(): ${why}, so what it gives is not known`);
      return undefined;
    }
    return found.sort();
  }

  /** Whether `path` may be looked at: inside the module's or the root module's directory, or (`orSelf`) one of them. */
  private allowed(path: string, moduleDir: string, by: string, orSelf = false): boolean {
    if (orSelf && [moduleDir, this.rootDir].some((dir) => resolve(dir) === resolve(path))) return true;
    if ([moduleDir, this.rootDir, ...this.scanRoots].some((dir) => isInsideDirectory(path, dir))) return true;
    this.say(path, 'notice', `named by ${by} but outside the scanned module and paths (symbolic links followed): not read, so what it gives is not known`);
    return false;
  }

  /** Once per path: module instances (for_each, count) would otherwise repeat the same message. */
  private say(path: string, severity: Diagnostic['severity'], message: string): void {
    const key = `file|${path}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.diagnostics.push({ severity, message, file: path, provider: 'terraform' });
  }
}
