import type { InlineSuppression } from '../../src/graph/adapter';
import type { Diagnostic } from '../../src/graph/diagnostic';
import { findInlineSuppressions, HCL_COMMENTS } from '../inline-suppressions';
import { readTextFile } from '../read-text-file';
import type { HclFile } from './hcl/ast';
import type { HclParser } from './parse';

/** One .tf file read and parsed, or why not. */
export interface HclFileRead {
  readonly file?: HclFile;
  readonly diagnostics: readonly Diagnostic[];
  /** The file was read (it may still be empty or have syntax errors). */
  readonly wasRead: boolean;
  /** `gatewarden:ignore` comments, each tied to the top-level block it is in or above. */
  readonly suppressions?: readonly InlineSuppression[];
}

/** A file's text to parse, or the outcome for a file with nothing to parse (unreadable or empty). */
export type HclSource = { readonly text: string } | { readonly done: HclFileRead };

export function readHclSource(path: string, maxBytes: number): HclSource {
  const read = readTextFile(path, maxBytes);
  if ('diagnostic' in read) return { done: { diagnostics: [{ ...read.diagnostic, provider: 'terraform' }], wasRead: false } };
  if (read.text.trim() === '') {
    // An empty .tf file is valid Terraform: say so, but do not fail the run.
    return { done: { diagnostics: [{ severity: 'warning', message: 'empty file, nothing to check', file: path, provider: 'terraform' }], wasRead: true } };
  }
  return { text: read.text };
}

export function readHclFile(path: string, maxBytes: number, parser: HclParser): HclFileRead {
  const source = readHclSource(path, maxBytes);
  if ('done' in source) return source.done;
  const parsed = parser.parse(source.text, path);
  return withInlineSuppressions({ file: parsed.file, diagnostics: parsed.diagnostics, wasRead: true }, source.text);
}

/** Adds the file's `gatewarden:ignore` comments (and warnings about those that cannot apply) to a parsed file. */
export function withInlineSuppressions(read: HclFileRead, text: string): HclFileRead {
  if (read.file === undefined) return read;
  const blocks = read.file.body.blocks.map((b) => ({ line: b.line, endLine: b.endLine }));
  const found = findInlineSuppressions(text, read.file.file, blocks, HCL_COMMENTS, 'terraform');
  if (found.suppressions.length === 0 && found.diagnostics.length === 0) return read;
  return { ...read, diagnostics: [...read.diagnostics, ...found.diagnostics], suppressions: found.suppressions };
}
