import { parentPort } from 'node:worker_threads';
import { loadHclParser, type HclParser } from './parse';
import type { ParsedShare, ParseJob, WorkerMessage } from './parse-pool';
import { readHclSource } from './read-hcl-file';

/**
 * Worker side of parse-pool.ts: for each job, reads and parses its files and sends back their texts and
 * copied trees (the trees' buffers are transferred, not copied). Jobs are handled in the order they
 * arrive; the pool closes the worker when it has no more.
 */
const ready = loadHclParser();

parentPort?.on('message', (job: ParseJob) => {
  ready.then((parser) => {
    const { batch, buffers } = parseJob(parser, job);
    post({ batch }, buffers);
  }).catch((error: unknown) => {
    post({ error: error instanceof Error ? error.stack ?? error.message : String(error) });
  });
});

function parseJob(parser: HclParser, job: ParseJob): { batch: ParsedShare[]; buffers: ArrayBuffer[] } {
  const batch: ParsedShare[] = [];
  const buffers: ArrayBuffer[] = [];
  for (const path of job.files) {
    const source = readHclSource(path, job.maxBytes);
    if ('done' in source) {
      batch.push({ path, done: source.done });
      continue;
    }
    const tree = parser.copy(source.text);
    batch.push({ path, text: source.text, ...(tree && { tree }) });
    if (tree) buffers.push(tree.nodes.buffer as ArrayBuffer);
  }
  return { batch, buffers };
}

function post(message: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  parentPort?.postMessage(message, transfer);
}
