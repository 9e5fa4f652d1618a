import { parentPort, workerData } from 'node:worker_threads';
import { loadHclParser } from './parse';
import { readHclFile, type HclFileRead } from './read-hcl-file';

/** Worker side of parse-pool.ts: reads and parses its share of the files, sends the syntax trees back. */
interface Job { readonly files: readonly string[]; readonly maxBytes: number }

async function work(job: Job): Promise<HclFileRead[]> {
  const parser = await loadHclParser();
  return job.files.map((file) => readHclFile(file, job.maxBytes, parser));
}

work(workerData as Job).then(
  (reads) => parentPort?.postMessage({ reads }),
  (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) }),
);
