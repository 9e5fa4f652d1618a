import type { KeyLines } from '../key-lines';
import { lazyJsonKeyLines } from '../json-key-lines';
import { parseYamlDocument } from '../yaml/parse';
import { CLOUDFORMATION_TAGS } from './short-tags';

export type ParsedTemplate =
  | { readonly ok: true; readonly root: unknown; readonly lines: KeyLines }
  | { readonly ok: false; readonly reason: string; readonly line?: number };

/**
 * Reads a template's text: JSON with `JSON.parse` (lines found on first use), anything else as YAML with the
 * CloudFormation short-form tags. A JSON-looking file that is not valid JSON is read as YAML (a superset), whose
 * errors carry a line.
 */
export function parseTemplate(text: string, file: string): ParsedTemplate {
  if (/^\s*[{[]/.test(text)) {
    try {
      const root: unknown = JSON.parse(text);
      return { ok: true, root, lines: lazyJsonKeyLines(text) };
    } catch {
      // Not strict JSON (comments, trailing commas, flow-style YAML): the YAML reader decides and reports.
    }
  }
  const parsed = parseYamlDocument(text, { filename: file, tags: CLOUDFORMATION_TAGS });
  return parsed.ok ? { ok: true, root: parsed.value, lines: parsed.lines } : parsed;
}
