import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { HclFileRead } from './read-hcl-file';

/** Below this many files, starting workers (each loads the WASM parser) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 64;
const MAX_WORKERS = 4;

/**
 * Reads and parses .tf files on worker threads, one share per core: parsing is most of a scan's time
 * and tree-sitter's WASM runtime is single-threaded. Returns an empty map when workers are not worth it
 * or not available (running from TypeScript sources, as under jest): callers parse in-process then.
 */
export async function readInParallel(files: readonly string[], maxBytes: number): Promise<ReadonlyMap<string, HclFileRead>> {
  const threads = Math.min(availableParallelism(), MAX_WORKERS);
  // The compiled worker sits next to this file in dist/; from sources there is no .js to start.
  const script = join(__dirname, 'parse-worker.js');
  if (files.length < MIN_FILES_FOR_WORKERS || threads < 2 || !existsSync(script)) return new Map();

  const shares = balance(files, threads);
  const results = await Promise.all(shares.map((share) => runWorker(script, share, maxBytes)));
  const reads = new Map<string, HclFileRead>();
  shares.forEach((share, i) => share.forEach((file, j) => {
    const read = results[i]?.[j];
    if (read) reads.set(file, read);
  }));
  return reads;
}

/** Splits files into shares of similar total size (largest first, each to the lightest share). */
function balance(files: readonly string[], count: number): string[][] {
  const sized = files.map((file) => ({ file, size: sizeOf(file) })).sort((a, b) => b.size - a.size);
  const shares = Array.from({ length: count }, () => ({ files: [] as string[], size: 0 }));
  for (const { file, size } of sized) {
    const lightest = shares.reduce((a, b) => (b.size < a.size ? b : a));
    lightest.files.push(file);
    lightest.size += size;
  }
  return shares.map((s) => s.files).filter((s) => s.length > 0);
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    // Unreadable files are reported by the read itself; their size does not matter here.
    return 0;
  }
}

function runWorker(script: string, files: readonly string[], maxBytes: number): Promise<HclFileRead[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: { files, maxBytes } });
    worker.once('message', (message: { reads?: HclFileRead[]; error?: string }) => {
      void worker.terminate();
      if (message.reads) resolve(message.reads);
      else reject(new Error(`HCL parse worker failed: ${message.error ?? 'no result'}`));
    });
    worker.once('error', reject);
  });
}
