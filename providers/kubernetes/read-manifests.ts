import type { Diagnostic } from '../../src/graph/diagnostic';
import { lazyJsonKeyLines } from '../json-key-lines';
import { LineIndex, type KeyLines } from '../key-lines';
import { parseYamlStream } from '../yaml/parse';
import { isRecord } from '../is-record';
import { toObject, type K8sObject } from './manifest';

export interface ReadManifests {
  readonly objects: K8sObject[];
  readonly diagnostics: Diagnostic[];
}

/**
 * The objects of one manifest text: YAML with any number of `---`-separated documents, or a JSON object; a `kind: List`
 * (what `kubectl get -o yaml` writes) contributes its items. Every document that cannot be read is one error with its
 * line, and the others are still read.
 */
export function readManifests(text: string, file: string): ReadManifests {
  const objects: K8sObject[] = [];
  const diagnostics: Diagnostic[] = [];
  const error = (message: string, line: number): void => {
    diagnostics.push({ severity: 'error', message, file, line, provider: 'kubernetes' });
  };
  const add = (value: unknown, lines: KeyLines, line: number, endLine?: number): void => {
    if (!isRecord(value)) {
      error(Array.isArray(value)
        ? 'the document is a list, not a Kubernetes object (wrap several objects in a `kind: List` or separate them with `---`); not read'
        : 'the document is not a Kubernetes object (a mapping with apiVersion and kind); not read', line);
      return;
    }
    if (isListKind(value['kind']) && Array.isArray(value['items'])) {
      value['items'].forEach((item, index) => {
        const at = lines.at(['items', index])?.line ?? line;
        if (!isRecord(item)) {
          error(`item ${index} of the List is not a Kubernetes object; not read`, at);
          return;
        }
        const object = toObject(item, file, lines, ['items', index], at);
        if (typeof object === 'string') error(`item ${index} of the List: ${object}`, at);
        else objects.push(object);
      });
      return;
    }
    const object = toObject(value, file, lines, [], line, endLine);
    if (typeof object === 'string') error(object, line);
    else objects.push(object);
  };

  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const json = readJson(text);
    if (json.ok) {
      const at = new LineIndex(text).lineOf(text.length - trimmed.length);
      if (Array.isArray(json.value)) {
        error('the manifest is a JSON array; Kubernetes reads one object per JSON document (use `{"apiVersion": "v1", "kind": "List", "items": [...]}`); not read', at);
      } else {
        add(json.value, lazyJsonKeyLines(text), at, new LineIndex(text).lineOf(text.trimEnd().length));
      }
      return { objects, diagnostics };
    }
    // Not JSON: YAML flow style (`{apiVersion: v1, ...}`) or broken JSON, which the YAML reader reports with a line.
  }
  for (const document of parseYamlStream(text, { filename: file })) {
    if (!document.ok) error(`cannot parse YAML: ${document.reason}`, document.line);
    else if (document.value !== null && document.value !== undefined) add(document.value, document.lines, document.line, document.endLine);
  }
  return { objects, diagnostics };
}

/** `List`, and the `<Kind>List` kinds `kubectl get` writes (`IngressList`). */
function isListKind(kind: unknown): boolean {
  return typeof kind === 'string' && /List$/.test(kind);
}

function readJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    // Broken JSON is valid YAML often enough (flow mappings); the YAML reader gives the error a line.
    return { ok: false };
  }
}
