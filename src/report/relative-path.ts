import * as path from 'node:path';

/**
 * A path as reports print it: relative to `cwd`, with forward slashes on every OS.
 * On Windows a file on another drive has no relative form; `path.relative` then returns it absolute.
 */
export function relativePath(file: string, cwd: string): string {
  const rel = path.isAbsolute(file) ? path.relative(cwd, file) || '.' : file;
  return rel.split(path.sep).join('/');
}
