import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Diagnostic } from '../src/graph/diagnostic';
import { utf16ByBom } from '../src/graph/utf16-bom';

/** Default for `ProviderOptions.maxFileBytes`: larger inputs are reported, not read. */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

export type TextFileResult = { readonly text: string } | { readonly diagnostic: Diagnostic };

/**
 * Reads one input file as UTF-8 text (UTF-16 when a byte-order mark says so) with the checks every file provider
 * needs: readable, not larger than `maxBytes`, not binary (NUL bytes), valid text. Bad input is a diagnostic, never a throw.
 */
export function readTextFile(path: string, maxBytes: number = DEFAULT_MAX_FILE_BYTES): TextFileResult {
  let bytes: Buffer;
  try {
    bytes = readBounded(path, maxBytes);
  } catch (error) {
    if (error instanceof FileTooLargeError) {
      return failure(path, `file is ${formatBytes(error.size)}, larger than the limit of ${formatBytes(maxBytes)} (maxFileBytes); not read`);
    }
    return failure(path, `cannot read file: ${describeReadError(error)}`);
  }
  const utf16 = utf16ByBom(bytes);
  if (utf16) {
    try {
      return { text: new TextDecoder(utf16, { fatal: true, ignoreBOM: false }).decode(bytes) };
    } catch (error) {
      return failure(path, `file is not valid ${utf16.toUpperCase()} text (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  if (bytes.includes(0)) return failure(path, 'binary file (contains NUL bytes), not a text file');
  try {
    // A BOM is legal in UTF-8 text files and means nothing to the parsers.
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch (error) {
    return failure(path, `file is not valid UTF-8 text (${error instanceof Error ? error.message : String(error)})`);
  }
}

class FileTooLargeError extends Error {
  readonly size: number;
  constructor(size: number) {
    super(`file too large: ${size} bytes`);
    this.size = size;
  }
}

/** Checks the size on the open descriptor before reading, so a huge file is never loaded. */
function readBounded(path: string, maxBytes: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (stat.size > maxBytes) throw new FileTooLargeError(stat.size);
    // Read one byte past the limit: files that grow, or report size 0 (/proc, pipes), are caught too. One byte
    // past the size too: the end of file then shows without a second buffer and a copy of the whole file.
    const buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(stat.size + 1, 64 * 1024)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) throw new FileTooLargeError(length);
        return readRest(fd, buffer, length, maxBytes);
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) return buffer.subarray(0, length);
      length += read;
    }
  } finally {
    closeSync(fd);
  }
}

function readRest(fd: number, start: Buffer, length: number, maxBytes: number): Buffer {
  const chunks: Buffer[] = [start.subarray(0, length)];
  let total = length;
  const chunk = Buffer.alloc(64 * 1024);
  for (;;) {
    const read = readSync(fd, chunk, 0, chunk.length, null);
    if (read === 0) return Buffer.concat(chunks, total);
    total += read;
    if (total > maxBytes) throw new FileTooLargeError(total);
    chunks.push(Buffer.from(chunk.subarray(0, read)));
  }
}

function describeReadError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied (EACCES)';
    case 'ENOENT':
      return 'no such file (ENOENT)';
    case 'EISDIR':
      return 'is a directory (EISDIR)';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MiB (${bytes} bytes)`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KiB (${bytes} bytes)`;
  return `${bytes} bytes`;
}

function failure(file: string, message: string): TextFileResult {
  return { diagnostic: { severity: 'error', message, file } };
}
