import { placeOf } from './place';
import type { ReportLocation } from './types';

/**
 * Text from scanned files (resource names, values, messages) rendered safely in GitHub Markdown: no HTML, no table
 * breakouts, no @-mentions or #-references that would notify people from a PR comment.
 */
export function mdText(text: string): string {
  return withoutControls(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/#(?=\d)/g, '&#35;')
    .replace(/@/g, '&#64;');
}

/** {@link mdText} for a table cell: pipes escaped too. */
export function mdCell(text: string): string {
  return mdText(text).replace(/\|/g, '\\|');
}

/** {@link placeOf}, as inline code that no backtick in the name can close. */
export function mdPlace(location: ReportLocation, inTable = false): string {
  return mdCode(placeOf(location), inTable);
}

/** Inline code: a fence longer than any backtick run inside, so the content cannot end it (GFM escapes pipes even in code in tables). */
export function mdCode(text: string, inTable = false): string {
  const flat = withoutControls(text);
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${inTable ? flat.replace(/\|/g, '\\|') : flat}${pad}${fence}`;
}

/** Line breaks become spaces; other control characters (terminal escapes, NUL) are dropped. */
function withoutControls(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '');
}
