import { closeSync, openSync, readSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { STDIN_FILE, type ProviderAdapter } from '../graph/adapter';
import { readProcessStdin } from './read-stdin';
import type { Diagnostic } from '../graph/diagnostic';
import { InternalError, UsageError } from '../errors';
import { utf16ByBom } from '../graph/utf16-bom';

/**
 * Directories never walked into: VCS metadata, Terraform's download cache (`.terraform/modules` and provider
 * binaries are copies of code the configuration already references, or not code at all) and npm dependencies.
 * A path given explicitly on the command line is always read, even inside one of these.
 */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['.git', '.terraform', 'node_modules']);

/** Bytes read from each file for adapters to sniff its kind (e.g. `AWSTemplateFormatVersion`, `"format_version"`). */
export const HEAD_BYTES = 1024;

export interface DiscoverRequest {
  /** Files or directories, relative to `cwd` or absolute. */
  readonly paths: readonly string[];
  readonly cwd: string;
  /** File adapters, in priority order: the first whose `matches` accepts a file gets it. */
  readonly adapters: readonly ProviderAdapter[];
  /** Paths not walked into or read (config `exclude`); a path given explicitly is always read. */
  readonly exclude?: (absolutePath: string, isDirectory: boolean) => boolean;
  /** Reads standard input when `-` is among the paths (default: the process's standard input, read once). */
  readonly readStdin?: () => Promise<string>;
}

export interface AdapterFiles {
  readonly adapter: ProviderAdapter;
  /** Absolute paths as walked (not symlink-resolved), sorted. */
  readonly files: readonly string[];
}

export interface Discovery {
  /** Adapters with at least one matched file, in the order given. */
  readonly matched: readonly AdapterFiles[];
  readonly diagnostics: readonly Diagnostic[];
  /** The text of standard input when `-` was given; the adapter that claimed {@link STDIN_FILE} reads it from there. */
  readonly stdin?: string;
}

/**
 * Walks the given paths and hands each regular file to the first adapter that claims it. Deterministic: directory
 * entries are visited in code-unit order. Symbolic links are followed, but a directory or file is visited once
 * (by its real path); a link leading back into its own ancestry is a loop, reported as an error, and the walk goes
 * on. A missing path is a usage error; an unreadable directory is an error diagnostic.
 */
export async function discover(request: DiscoverRequest): Promise<Discovery> {
  const walker = new Walker(request.adapters.filter((a) => a.kind === 'file' && a.matches !== undefined), request.exclude ?? (() => false));
  let stdin: string | undefined;
  for (const given of request.paths) {
    if (given === '-') {
      if (stdin !== undefined) continue;
      stdin = await (request.readStdin ?? readProcessStdin)();
      walker.offer(STDIN_FILE, stdin.slice(0, HEAD_BYTES));
      continue;
    }
    await walker.visitRoot(given, path.resolve(request.cwd, given));
  }
  const result = walker.result();
  return stdin === undefined ? result : { ...result, stdin };
}

class Walker {
  private readonly adapters: readonly ProviderAdapter[];
  private readonly filesByAdapter = new Map<ProviderAdapter, string[]>();
  private readonly diagnostics: Diagnostic[] = [];
  private readonly visitedDirectories = new Set<string>();
  private readonly visitedFiles = new Set<string>();
  private readonly excluded: (absolutePath: string, isDirectory: boolean) => boolean;

  constructor(adapters: readonly ProviderAdapter[], excluded: (absolutePath: string, isDirectory: boolean) => boolean) {
    this.adapters = adapters;
    this.excluded = excluded;
  }

  async visitRoot(given: string, absolute: string): Promise<void> {
    let stats;
    try {
      stats = await stat(absolute);
    } catch (error) {
      if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') {
        throw new UsageError(`path does not exist: ${given}`, { cause: error });
      }
      this.error(absolute, describeStatError(error));
      return;
    }
    if (stats.isDirectory()) await this.visitDirectory(absolute, []);
    else if (stats.isFile()) await this.visitFile(absolute, true);
    else this.diagnostics.push({ severity: 'warning', file: absolute, message: 'not a regular file or directory; skipped' });
  }

  result(): Discovery {
    const matched: AdapterFiles[] = [];
    for (const adapter of this.adapters) {
      const files = this.filesByAdapter.get(adapter);
      if (files) matched.push({ adapter, files: [...files].sort(compare) });
    }
    return { matched, diagnostics: this.diagnostics };
  }

  /** `ancestors`: real paths of the directories above this one on the current walk, to recognise loops. */
  private async visitDirectory(directory: string, ancestors: readonly string[]): Promise<void> {
    let real: string;
    try {
      real = await realpath(directory);
    } catch (error) {
      this.error(directory, `cannot resolve directory: ${reason(error)}`);
      return;
    }
    if (ancestors.includes(real)) {
      this.error(directory, `symbolic link loop: leads back to ${real}; not followed`);
      return;
    }
    if (this.visitedDirectories.has(real)) return; // reached again through another link: already scanned once
    this.visitedDirectories.add(real);

    let entries;
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch (error) {
      this.error(directory, `cannot read directory: ${reason(error)}`);
      return;
    }
    entries.sort((a, b) => compare(a.name, b.name));
    const below = [...ancestors, real];
    // A regular file's real path is its name under this directory's real path: no realpath call per file.
    for (const entry of entries) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name) && !this.excluded(full, true)) await this.visitDirectory(full, below);
      } else if (entry.isFile()) {
        if (!this.excluded(full, false)) await this.visitFile(full, false, path.join(real, entry.name));
      } else if (entry.isSymbolicLink()) {
        await this.visitLink(full, entry.name, below);
      }
      // Sockets, FIFOs and devices are not configuration, and reading a FIFO would block.
    }
  }

  private async visitLink(link: string, name: string, ancestors: readonly string[]): Promise<void> {
    let target;
    try {
      target = await stat(link);
    } catch (error) {
      const code = codeOf(error);
      if (code === 'ENOENT') this.diagnostics.push({ severity: 'warning', file: link, message: 'broken symbolic link; skipped' });
      else this.error(link, describeStatError(error));
      return;
    }
    if (target.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(name) && !this.excluded(link, true)) await this.visitDirectory(link, ancestors);
    } else if (target.isFile()) {
      if (!this.excluded(link, false)) await this.visitFile(link, false);
    }
  }

  /** Standard input: offered to the adapters like a file, by its head; nothing claims it → an error (it was named on purpose). */
  offer(file: string, head: string): void {
    const adapter = this.adapters.find((a) => matches(a, file, head));
    if (!adapter) {
      this.error(file, 'not read: no provider reads what standard input holds (Kubernetes manifests are read from it)');
      return;
    }
    const list = this.filesByAdapter.get(adapter);
    if (list) list.push(file);
    else this.filesByAdapter.set(adapter, [file]);
  }

  private async visitFile(file: string, explicit: boolean, knownRealPath?: string): Promise<void> {
    let real = knownRealPath ?? file;
    if (knownRealPath === undefined) {
      try {
        real = await realpath(file);
      } catch (error) {
        this.error(file, `cannot resolve file: ${reason(error)}`);
        return;
      }
    }
    if (this.visitedFiles.has(real)) return;
    this.visitedFiles.add(real);

    // Read only when an adapter looks at it: most files are claimed by their name (`.tf`), and a scan of thousands
    // of files would otherwise open each one twice.
    let head: { text: string; error?: string } | undefined;
    const readOnce = (): { text: string; error?: string } => (head ??= readHeadSync(file));
    const adapter = this.adapters.find((a) => matchesLazily(a, file, () => readOnce().text));
    if (adapter) {
      const list = this.filesByAdapter.get(adapter);
      if (list) list.push(file);
      else this.filesByAdapter.set(adapter, [file]);
      return;
    }
    const unreadable = readOnce().error;
    if (unreadable !== undefined) {
      // Its kind could not be sniffed; the files adapters claim by name are reported by the adapter itself.
      this.diagnostics.push({ severity: 'warning', file, message: `cannot read the file to recognise its kind: ${unreadable}` });
    } else if (explicit) {
      // Named on purpose, so not reading it must not pass for a clean scan.
      this.error(file, 'not read: no provider reads this kind of file (Terraform .tf or `terraform show -json` output, CloudFormation or SAM, Kubernetes manifests)');
    }
  }

  private error(file: string, message: string): void {
    this.diagnostics.push({ severity: 'error', file, message });
  }
}

/** {@link matches} with the head read only if the adapter asks for it. */
function matchesLazily(adapter: ProviderAdapter, file: string, head: () => string): boolean {
  try {
    return adapter.matches?.({ path: file, get head() { return head(); } }) ?? false;
  } catch (error) {
    throw new InternalError(`provider ${adapter.id} threw while sniffing ${file}`, { cause: error });
  }
}

function matches(adapter: ProviderAdapter, file: string, head: string): boolean {
  try {
    return adapter.matches?.({ path: file, head }) ?? false;
  } catch (error) {
    throw new InternalError(`provider ${adapter.id} threw while sniffing ${file}`, { cause: error });
  }
}

/** Synchronous: adapters' `matches` is, and a small read costs less than a round trip to the thread pool. */
function readHeadSync(file: string): { text: string; error?: string } {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buffer = Buffer.alloc(HEAD_BYTES);
    const bytesRead = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    const head = buffer.subarray(0, bytesRead);
    const utf16 = utf16ByBom(head);
    // Not fatal: the head may end inside a character.
    return { text: utf16 ? new TextDecoder(utf16).decode(head) : head.toString('utf8') };
  } catch (error) {
    return { text: '', error: reason(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function describeStatError(error: unknown): string {
  switch (codeOf(error)) {
    case 'ELOOP':
      return 'symbolic link loop; not followed';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return `cannot read: ${reason(error)}`;
  }
}

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** The OS reason without the path Node repeats in it (`EACCES: permission denied, scandir '/x'` → `permission denied (EACCES)`). */
function reason(error: unknown): string {
  // Duck-typed: errors from Node's fs may come from another realm (vm contexts, test sandboxes), failing `instanceof Error`.
  const message = typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string' ? error.message : String(error);
  const code = codeOf(error);
  const match = code === undefined ? null : /^[A-Z]+: ([^,]+)/.exec(message);
  return match?.[1] !== undefined ? `${match[1]} (${code})` : message;
}

/** Code-unit order, not locale order, so the walk is the same on every machine. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
