import { realpathSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';

/**
 * Whether `path` lies inside `dir`, both as written and once symbolic links are followed: a file a scanned tree names
 * (an OpenAPI document, a `file()` argument) is read only from that tree, and a link inside it may point anywhere.
 */
export function isInsideDirectory(path: string, dir: string): boolean {
  if (!lexicallyInside(path, dir)) return false;
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    // Not there (or not readable): reading it says so.
    return true;
  }
  return lexicallyInside(real, realpathSync(dir));
}

function lexicallyInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
