import type { Diagnostic } from '../../src/graph/diagnostic';
import { readTextFile } from '../read-text-file';
import type { HclFile } from './hcl/ast';
import type { HclParser } from './parse';

/** One .tf file read and parsed, or why not. Plain data, so that parse workers can send it back. */
export interface HclFileRead {
  readonly file?: HclFile;
  readonly diagnostics: readonly Diagnostic[];
  /** The file was read (it may still be empty or have syntax errors). */
  readonly wasRead: boolean;
}

export function readHclFile(path: string, maxBytes: number, parser: HclParser): HclFileRead {
  const read = readTextFile(path, maxBytes);
  if ('diagnostic' in read) return { diagnostics: [{ ...read.diagnostic, provider: 'terraform' }], wasRead: false };
  if (read.text.trim() === '') {
    // An empty .tf file is valid Terraform: say so, but do not fail the run.
    return { diagnostics: [{ severity: 'warning', message: 'empty file, nothing to check', file: path, provider: 'terraform' }], wasRead: true };
  }
  const parsed = parser.parse(read.text, path);
  return { file: parsed.file, diagnostics: parsed.diagnostics, wasRead: true };
}
