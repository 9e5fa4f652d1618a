import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../../src/graph/diagnostic';
import { isInsideDirectory } from '../inside-directory';
import { readTextFile } from '../read-text-file';

/** Most files `fileset()` lists: past this many (or this deep), what it gives is not known. */
const MAX_LISTED_FILES = 10_000;
const MAX_LISTED_DEPTH = 32;

/**
 * What `file()`, `templatefile()`, `fileexists()` and `fileset()` may see: only what is under the module's or the
 * root module's directory, never elsewhere. A path they name that is outside, or cannot be read (Terraform would
 * stop there), is said once, at the path; what the function gives is then not known (undefined).
 */
export class ModuleFiles {
  private readonly rootDir: string;
  private readonly maxBytes: number;
  private readonly diagnostics: Diagnostic[];
  private readonly reported: Set<string>;

  constructor(rootDir: string, maxBytes: number, diagnostics: Diagnostic[], reported: Set<string>) {
    this.rootDir = rootDir;
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
    if (!this.allowed(path, moduleDir, 'fileexists()')) return undefined;
    try {
      const stats = statSync(path);
      // Terraform's fileexists fails on anything but a regular file.
      return stats.isFile() ? true : undefined;
    } catch {
      return false;
    }
  }

  /**
   * `fileset()`: the regular files under `dir` (the module directory itself included), as paths relative to it with
   * `/`, sorted; undefined when it may not be looked at, cannot be listed, or holds too many files. Links to files are
   * listed (reading one checks where it leads); links to directories are not followed.
   */
  list(dir: string, moduleDir: string): readonly string[] | undefined {
    const self = resolve(dir) === resolve(moduleDir) || resolve(dir) === resolve(this.rootDir);
    if (!self && !this.allowed(dir, moduleDir, 'fileset()')) return undefined;
    const found: string[] = [];
    const walk = (at: string, prefix: string, depth: number): boolean => {
      if (depth > MAX_LISTED_DEPTH) return false;
      let names: string[];
      try {
        names = readdirSync(at);
      } catch {
        return depth > 0;
      }
      for (const name of names) {
        const path = join(at, name);
        let own;
        let stats;
        try {
          own = lstatSync(path);
          stats = own.isSymbolicLink() ? statSync(path) : own;
        } catch {
          continue;
        }
        if (stats.isFile()) found.push(`${prefix}${name}`);
        else if (stats.isDirectory() && !own.isSymbolicLink() && !walk(path, `${prefix}${name}/`, depth + 1)) return false;
        if (found.length > MAX_LISTED_FILES) return false;
      }
      return true;
    };
    if (!walk(dir, '', 0)) {
      this.say(dir, 'notice', `named by fileset() but cannot be listed, or holds more than ${MAX_LISTED_FILES} files or ${MAX_LISTED_DEPTH} levels: what it gives is not known`);
      return undefined;
    }
    return found.sort();
  }

  private allowed(path: string, moduleDir: string, by: string): boolean {
    if (isInsideDirectory(path, moduleDir) || isInsideDirectory(path, this.rootDir)) return true;
    this.say(path, 'notice', `named by ${by} but outside the scanned module (symbolic links followed): not read, so what it gives is not known`);
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
