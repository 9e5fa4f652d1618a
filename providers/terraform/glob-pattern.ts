/**
 * The patterns of Terraform's `fileset()` (github.com/bmatcuk/doublestar): `*` any run of characters but `/`, `?` one
 * such character, `[abc]`, `[a-z]` and `[^a]` one character of a class, `{a,b}` alternatives, `**` as a whole segment
 * any number of path segments, and `\` to escape. Everything else is literal (`!` and `+(...)` included).
 *
 * Matched one path segment at a time, by the two-pointer method rather than a backtracking regular expression: a
 * pattern written in the scanned code cannot make the scan hang. Undefined for a malformed pattern (an unclosed `[` or
 * `{`, a trailing `\`), on which Terraform fails, or one with too many alternatives.
 */
export function globMatcher(pattern: string): GlobPattern | undefined {
  const alternatives = expandBraces(pattern);
  if (!alternatives) return undefined;
  const compiled: Segment[][] = [];
  for (const alternative of alternatives) {
    const segments: Segment[] = [];
    for (const text of alternative.split('/')) {
      const segment = text === '**' ? GLOBSTAR : tokenize(text);
      if (!segment) return undefined;
      segments.push(segment);
    }
    compiled.push(segments);
  }
  return {
    text: pattern,
    matches: (path) => {
      const parts = path.split('/');
      return compiled.some((segments) => matchSegments(segments, parts));
    },
    mayHoldMatches: (dir) => {
      const parts = dir.split('/');
      return compiled.some((segments) => mayMatchBelow(segments, parts));
    },
  };
}

export interface GlobPattern {
  /** The pattern as written. */
  readonly text: string;
  /** Whether a path (segments joined with `/`) matches. */
  matches(path: string): boolean;
  /** Whether a path below the directory `dir` (joined with `/`) may match: a listing need not look into others. */
  mayHoldMatches(dir: string): boolean;
}

/** Most alternatives `{a,b}` may expand to. */
const MAX_ALTERNATIVES = 256;

type Token = { readonly kind: 'char'; readonly char: string } | { readonly kind: 'any' } | { readonly kind: 'star' } | { readonly kind: 'class'; readonly negated: boolean; readonly ranges: readonly (readonly [string, string])[] };
type Segment = readonly Token[] | typeof GLOBSTAR;

const GLOBSTAR = Symbol('**');

/** `a{b,c{d,e}}f` → `abf`, `acdf`, `acef`; undefined when a brace is not closed or there are too many. */
function expandBraces(pattern: string): string[] | undefined {
  const open = findUnescaped(pattern, '{', 0);
  if (open === -1) return findUnescaped(pattern, '}', 0) === -1 ? [pattern] : undefined;
  let depth = 0;
  const commas: number[] = [];
  let close = -1;
  for (let at = open; at < pattern.length && close === -1; at++) {
    const c = pattern[at];
    if (c === '\\') at++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) close = at;
    else if (c === ',' && depth === 1) commas.push(at);
  }
  if (close === -1) return undefined;
  const bounds = [open, ...commas, close];
  const out: string[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const rest = expandBraces(pattern.slice(0, open) + pattern.slice((bounds[i] ?? 0) + 1, bounds[i + 1]) + pattern.slice(close + 1));
    if (!rest) return undefined;
    out.push(...rest);
    if (out.length > MAX_ALTERNATIVES) return undefined;
  }
  return out;
}

function findUnescaped(text: string, char: string, from: number): number {
  for (let at = from; at < text.length; at++) {
    if (text[at] === '\\') at++;
    else if (text[at] === char) return at;
  }
  return -1;
}

/** One path segment's tokens; undefined when malformed. */
function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  for (let at = 0; at < text.length; at++) {
    const c = text[at] ?? '';
    if (c === '\\') {
      const next = text[++at];
      if (next === undefined) return undefined;
      tokens.push({ kind: 'char', char: next });
    } else if (c === '*') {
      if (tokens.at(-1)?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '?') tokens.push({ kind: 'any' });
    else if (c === '[') {
      const parsed = characterClass(text, at + 1);
      if (!parsed) return undefined;
      tokens.push(parsed.token);
      at = parsed.end;
    } else tokens.push({ kind: 'char', char: c });
  }
  return tokens;
}

/** `[...]` from just after its `[`: the token and the index of its `]`. */
function characterClass(text: string, start: number): { token: Token; end: number } | undefined {
  let at = start;
  const negated = text[at] === '^' || text[at] === '!';
  if (negated) at++;
  const ranges: [string, string][] = [];
  for (let first = true; at < text.length; first = false) {
    let c = text[at] ?? '';
    if (c === ']' && !first) return { token: { kind: 'class', negated, ranges }, end: at };
    if (c === '\\') c = text[++at] ?? '';
    let high = c;
    if (text[at + 1] === '-' && text[at + 2] !== undefined && text[at + 2] !== ']') {
      high = text[at + 2] === '\\' ? text[at + 3] ?? '' : text[at + 2] ?? '';
      at += text[at + 2] === '\\' ? 3 : 2;
    }
    if (c === '' || high === '') return undefined;
    ranges.push([c, high]);
    at++;
  }
  return undefined;
}

/** Whether path segments `parts` match the pattern's segments, `**` standing for any number of them. */
function matchSegments(segments: readonly Segment[], parts: readonly string[]): boolean {
  let reachable = start(parts);
  for (const segment of segments) reachable = step(reachable, segment, parts);
  return reachable[parts.length] === true;
}

/** Whether the pattern may match a path that continues below the directory whose segments are `parts`. */
function mayMatchBelow(segments: readonly Segment[], parts: readonly string[]): boolean {
  let reachable = start(parts);
  for (const segment of segments) {
    // The directory is consumed and segments remain, or a `**` can take the rest of it.
    if (reachable[parts.length] === true || (segment === GLOBSTAR && reachable.includes(true))) return true;
    reachable = step(reachable, segment, parts);
  }
  return false;
}

/** reachable[j]: the pattern segments seen so far can match the first j path segments. None seen: only j = 0. */
function start(parts: readonly string[]): boolean[] {
  return Array.from({ length: parts.length + 1 }, (_, j) => j === 0);
}

function step(reachable: readonly boolean[], segment: Segment, parts: readonly string[]): boolean[] {
  const next = new Array<boolean>(parts.length + 1).fill(false);
  for (let j = 0; j <= parts.length; j++) {
    if (!reachable[j]) continue;
    if (segment === GLOBSTAR) {
      for (let k = j; k <= parts.length; k++) next[k] = true;
      break;
    }
    const part = parts[j];
    if (part !== undefined && matchTokens(segment, part)) next[j + 1] = true;
  }
  return next;
}

/** `*`, `?`, classes and characters against one segment, backtracking only to the last `*` seen: O(tokens × length). */
function matchTokens(tokens: readonly Token[], text: string): boolean {
  let t = 0;
  let s = 0;
  let starToken = -1;
  let starText = 0;
  while (s < text.length) {
    const token = tokens[t];
    if (token?.kind === 'star') {
      starToken = t++;
      starText = s;
    } else if (token && matchesChar(token, text[s] ?? '')) {
      t++;
      s++;
    } else if (starToken !== -1) {
      t = starToken + 1;
      s = ++starText;
    } else return false;
  }
  while (tokens[t]?.kind === 'star') t++;
  return t === tokens.length;
}

function matchesChar(token: Token, c: string): boolean {
  switch (token.kind) {
    case 'char':
      return token.char === c;
    case 'any':
      return true;
    case 'class':
      return token.ranges.some(([low, high]) => c >= low && c <= high) !== token.negated;
    case 'star':
      return false;
  }
}
