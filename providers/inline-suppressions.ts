import type { InlineSuppression } from '../src/graph/adapter';
import type { Diagnostic } from '../src/graph/diagnostic';
import type { ProviderId } from '../src/graph/kinds';

/** A resource's lines in its file (1-based, inclusive): a Terraform block, a YAML resource mapping. */
export interface BlockRange {
  readonly line: number;
  readonly endLine: number;
}

export interface CommentSyntax {
  /** Line comment openers: `#` and `//` in HCL, `#` in YAML. */
  readonly lineComments: readonly string[];
}

export const HCL_COMMENTS: CommentSyntax = { lineComments: ['#', '//'] };
export const YAML_COMMENTS: CommentSyntax = { lineComments: ['#'] };

/** Reasons shorter than this do not explain anything (the same floor as config suppressions, after cdk-nag). */
export const MIN_REASON_LENGTH = 10;

const MARKER = 'gatewarden:ignore';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface InlineSuppressionsFound {
  readonly suppressions: readonly InlineSuppression[];
  /** Comments that cannot apply: no policy, no reason, a malformed date, or no resource next to them. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Finds `gatewarden:ignore <policy>[,<policy>...] <reason> [exp:YYYY-MM-DD]` comments in a source text. A comment
 * inside a block applies to the innermost block around it; one on the comment lines directly above a block (no blank
 * line between) applies to that block. Parsers drop comments, so this reads the text itself.
 */
export function findInlineSuppressions(
  text: string, file: string, blocks: readonly BlockRange[], syntax: CommentSyntax, provider: ProviderId,
): InlineSuppressionsFound {
  if (!text.includes(MARKER)) return { suppressions: [], diagnostics: [] };
  const lines = text.split(/\r?\n/);
  const suppressions: InlineSuppression[] = [];
  const diagnostics: Diagnostic[] = [];
  const warn = (line: number, message: string): void => {
    diagnostics.push({ severity: 'warning', message, file, line, provider });
  };
  lines.forEach((content, index) => {
    const directive = directiveIn(content, syntax);
    if (directive === undefined) return;
    const line = index + 1;
    const parsed = parseDirective(directive);
    if (typeof parsed === 'string') {
      warn(line, `${MARKER} comment not applied: ${parsed}`);
      return;
    }
    const block = enclosingBlock(blocks, line) ?? blockBelow(blocks, lines, index, syntax);
    if (block === undefined) {
      warn(line, `${MARKER} comment not applied: it is neither inside nor directly above a resource`);
      return;
    }
    for (const policy of parsed.policies) {
      suppressions.push({
        policy, reason: parsed.reason, ...(parsed.expires !== undefined && { expires: parsed.expires }), file, line,
        appliesTo: { file, fromLine: block.line, toLine: block.endLine },
      });
    }
  });
  return { suppressions, diagnostics };
}

/** The text after the marker when the line has it in a comment (not inside a string), else undefined. */
function directiveIn(content: string, syntax: CommentSyntax): string | undefined {
  const at = content.indexOf(MARKER);
  if (at < 0) return undefined;
  const before = content.slice(0, at).trimEnd();
  const opener = syntax.lineComments.find((o) => before.endsWith(o));
  if (opener === undefined) return undefined;
  if (insideString(before.slice(0, before.length - opener.length))) return undefined;
  const after = content.slice(at + MARKER.length);
  // `gatewarden:ignored` or `gatewarden:ignore-next` are other words.
  return after === '' || /^\s/.test(after) ? after.trim() : undefined;
}

/** An odd number of unescaped double quotes before the comment opener: it is inside a string literal. */
function insideString(before: string): boolean {
  let quotes = 0;
  for (let i = 0; i < before.length; i++) {
    if (before[i] === '\\') i++;
    else if (before[i] === '"') quotes++;
  }
  return quotes % 2 === 1;
}

function parseDirective(directive: string): { policies: string[]; reason: string; expires?: string } | string {
  const [first = '', ...rest] = directive.split(/\s+/).filter((t) => t !== '');
  const policies = first.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (policies.length === 0 || first.startsWith('exp:')) return 'no policy ID (write `gatewarden:ignore GW-XXX-NNN reason`)';
  let expires: string | undefined;
  const words: string[] = [];
  for (const word of rest) {
    if (!word.startsWith('exp:')) {
      words.push(word);
      continue;
    }
    const date = word.slice('exp:'.length);
    if (!DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return `expiry "${word}" is not a date (write exp:YYYY-MM-DD)`;
    expires = date;
  }
  const reason = words.join(' ');
  if (reason.length < MIN_REASON_LENGTH) {
    return `${policies.join(', ')} has ${reason === '' ? 'no reason' : `too short a reason ("${reason}")`}; say why the risk is accepted (at least ${MIN_REASON_LENGTH} characters)`;
  }
  return { policies, reason, ...(expires !== undefined && { expires }) };
}

/** The innermost block whose lines include `line`. */
function enclosingBlock(blocks: readonly BlockRange[], line: number): BlockRange | undefined {
  let found: BlockRange | undefined;
  for (const block of blocks) {
    if (block.line <= line && line <= block.endLine && (found === undefined || block.endLine - block.line < found.endLine - found.line)) found = block;
  }
  return found;
}

/** The block that starts right after the run of comment lines holding the directive (0-based `index`). */
function blockBelow(blocks: readonly BlockRange[], lines: readonly string[], index: number, syntax: CommentSyntax): BlockRange | undefined {
  let next = index + 1;
  while (next < lines.length && isCommentLine(lines[next] ?? '', syntax)) next++;
  const line = next + 1;
  return blocks.find((b) => b.line === line);
}

function isCommentLine(content: string, syntax: CommentSyntax): boolean {
  const trimmed = content.trimStart();
  return trimmed !== '' && syntax.lineComments.some((o) => trimmed.startsWith(o));
}
