import { UsageError } from '../errors';

/**
 * The whole of the process's standard input as UTF-8 (`helm template chart | gatewarden scan -`). A terminal is not
 * read: waiting for someone to type a manifest is never what `-` meant.
 */
export async function readProcessStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError('`-` reads manifests from standard input, but standard input is a terminal: pipe them in (helm template ... | gatewarden scan -)');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
