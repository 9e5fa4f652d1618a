/**
 * Where the keys of a parsed YAML or JSON document are: the parsers give values without positions, so a side
 * table maps each key path (`Resources`, `Api`, `Properties`, `Name`; list items by index) to its lines.
 * Shared by the YAML reader and the JSON line finder so that adapters ask one question whatever the format.
 */

export type KeyPath = readonly (string | number)[];

/** 1-based lines of a key and of the last line of its value. */
export interface KeySpan {
  readonly line: number;
  readonly endLine: number;
}

export interface KeyLines {
  /**
   * The span of the key at `path`, else of its nearest ancestor that has one (a value reached through an alias,
   * or a key the finder did not record, is located at its closest written parent); `undefined` for the root.
   */
  at(path: KeyPath): KeySpan | undefined;
}

/** The map key of a path: segments cannot contain NUL in YAML or JSON keys we care about. */
export function pathKey(path: KeyPath): string {
  return path.join('\u0000');
}

/** Looks a path up in a table built by a line finder, falling back to the nearest recorded ancestor. */
export function tableKeyLines(table: ReadonlyMap<string, KeySpan>): KeyLines {
  return {
    at(path) {
      for (let length = path.length; length > 0; length--) {
        const found = table.get(pathKey(path.slice(0, length)));
        if (found) return found;
      }
      return undefined;
    },
  };
}

/** Offset → 1-based line, by binary search over the offsets of line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) this.starts.push(at + 1);
  }

  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }
}
