import type { TemplatePart } from './hcl/ast';
import type { HclParser } from './parse';

/**
 * The parts of a template file for `templatefile()`, parsed by the same parser as .tf files: the file's text is
 * the body of a heredoc, whose template syntax (`${...}`, `%{if}`, `%{for}`, `$${` escapes) is that of template files.
 * Undefined when it does not parse. A heredoc's text ends with a newline: one is added to a file without it, and
 * taken off again.
 * https://developer.hashicorp.com/terraform/language/functions/templatefile
 */
export function parseTemplateFile(text: string, file: string, parser: HclParser): readonly TemplatePart[] | undefined {
  let marker = 'GATEWARDEN_TEMPLATE';
  while (text.includes(marker)) marker += '_';
  const addedNewline = !text.endsWith('\n');
  const parsed = parser.parse(`template = <<${marker}\n${text}${addedNewline ? '\n' : ''}${marker}\n`, file);
  const expr = parsed.file.body.attributes[0]?.expr;
  if (parsed.diagnostics.some((d) => d.severity === 'error') || !expr) return undefined;
  // Text without interpolations or directives is read as a plain string.
  const parts: readonly TemplatePart[] | undefined = expr.kind === 'template' ? expr.parts
    : expr.kind === 'literal' && typeof expr.value === 'string' ? [{ kind: 'literal', value: expr.value }] : undefined;
  return parts && addedNewline ? withoutFinalNewline(parts) : parts;
}

function withoutFinalNewline(parts: readonly TemplatePart[]): readonly TemplatePart[] {
  const last = parts[parts.length - 1];
  if (last?.kind !== 'literal' || !last.value.endsWith('\n')) return parts;
  const trimmed = last.value.slice(0, -1);
  return trimmed === '' ? parts.slice(0, -1) : [...parts.slice(0, -1), { kind: 'literal', value: trimmed }];
}
