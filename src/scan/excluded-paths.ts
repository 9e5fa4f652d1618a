import ignore from 'ignore';
import * as path from 'node:path';

/**
 * A predicate over absolute paths for gitignore-syntax patterns relative to `baseDir` (the config file's
 * directory), as `.gitignore` files are read. Paths outside `baseDir` are never excluded.
 * The only importer of `ignore` (https://github.com/kaelzhang/node-ignore).
 */
export function excludedPaths(patterns: readonly string[], baseDir: string): (absolutePath: string, isDirectory: boolean) => boolean {
  if (patterns.length === 0) return () => false;
  const matcher = ignore().add([...patterns]);
  return (absolutePath, isDirectory) => {
    const rel = path.relative(baseDir, absolutePath);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return false;
    const posix = rel.split(path.sep).join('/');
    // A directory pattern (`build/`) matches only paths that say they are directories.
    return matcher.ignores(isDirectory ? `${posix}/` : posix);
  };
}
