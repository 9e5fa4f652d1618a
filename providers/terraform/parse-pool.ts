import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CompactTree } from './hcl/compact-tree';
import { loadHclParser, type HclParser } from './parse';
import { withInlineSuppressions, type HclFileRead } from './read-hcl-file';

/** Below this many files, starting workers (each loads the WASM parser) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 64;
const MAX_WORKERS = 4;
/** Files per job: small enough to share the work out evenly, large enough that messages are few. */
const JOB_FILES = 16;
/** Jobs queued at each worker, so that it never waits for the next one while this thread is busy (converting, or evaluating a root module). */
const JOBS_AHEAD = 3;

/** What a worker is asked to do: read and parse these files. */
export interface ParseJob { readonly files: readonly string[]; readonly maxBytes: number }

/** One file as a worker hands it back: its text and copied tree, or the outcome when there was nothing to parse. */
export type ParsedShare =
  | { readonly path: string; readonly done: HclFileRead }
  | { readonly path: string; readonly text: string; readonly tree?: CompactTree };

export type WorkerMessage = { readonly batch: readonly ParsedShare[] } | { readonly error: string };

/**
 * Reads and parses .tf files on worker threads, one per core: parsing is most of a scan's time and
 * tree-sitter's WASM runtime is single-threaded. Workers do the WASM half (parse, copy the tree out) on
 * small jobs handed out as they finish, so they finish together; this thread converts each copied tree
 * to the syntax tree as it arrives, while the workers parse on, and hands each file to `onRead` (which
 * may evaluate a root module whose files are all in: jobs go out in file order, so directories complete
 * one after the other).
 * Returns an empty map when workers are not worth it or not available (running from TypeScript
 * sources, as under jest): callers parse in-process then.
 */
export async function readInParallel(
  files: readonly string[],
  maxBytes: number,
  onRead?: (file: string, read: HclFileRead) => void,
): Promise<ReadonlyMap<string, HclFileRead>> {
  const threads = Math.min(availableParallelism(), MAX_WORKERS);
  // The compiled worker sits next to this file in dist/; from sources there is no .js to start.
  const script = join(__dirname, 'parse-worker.js');
  if (files.length < MIN_FILES_FOR_WORKERS || threads < 2 || !existsSync(script)) return new Map();

  const parser = await loadHclParser();
  const jobs: ParseJob[] = [];
  for (let i = 0; i < files.length; i += JOB_FILES) jobs.push({ files: files.slice(i, i + JOB_FILES), maxBytes });
  jobs.reverse(); // taken from the end: in file order
  const reads = new Map<string, HclFileRead>();
  const onBatch = (batch: readonly ParsedShare[]): void => {
    for (const parsed of batch) {
      const read = toRead(parsed, parser);
      reads.set(parsed.path, read);
      onRead?.(parsed.path, read);
    }
  };
  await Promise.all(Array.from({ length: threads }, () => runWorker(script, jobs, onBatch)));
  return reads;
}

function toRead(parsed: ParsedShare, parser: HclParser): HclFileRead {
  if ('done' in parsed) return parsed.done;
  const { file, diagnostics } = parser.convert(parsed.text, parsed.path, parsed.tree);
  return withInlineSuppressions({ file, diagnostics, wasRead: true }, parsed.text);
}

/** Runs one worker until the shared job queue is empty and its own jobs are all answered. */
function runWorker(script: string, jobs: ParseJob[], onBatch: (batch: readonly ParsedShare[]) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script);
    let pending = 0;
    let settled = false;
    const settle = (error?: Error): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (error) reject(error);
      else resolve();
    };
    const sendNext = (): void => {
      const job = jobs.pop();
      if (!job) return;
      worker.postMessage(job);
      pending++;
    };
    worker.on('message', (message: WorkerMessage) => {
      if ('error' in message) {
        settle(new Error(`HCL parse worker failed: ${message.error}`));
        return;
      }
      pending--;
      sendNext();
      try {
        onBatch(message.batch);
      } catch (error) {
        settle(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (pending === 0) settle();
    });
    worker.once('error', (error) => {
      settle(error);
    });
    worker.once('exit', (code) => {
      settle(new Error(`HCL parse worker stopped (exit code ${code}) before it finished`));
    });
    for (let i = 0; i < JOBS_AHEAD; i++) sendNext();
    if (pending === 0) settle();
  });
}
