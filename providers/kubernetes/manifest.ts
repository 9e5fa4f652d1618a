import { fileSource, type FileSource } from '../../src/graph/source';
import type { KeyLines, KeyPath } from '../key-lines';
import { isRecord } from '../is-record';

/** One Kubernetes object read from a manifest, with where it is written. */
export interface K8sObject {
  readonly apiVersion: string;
  readonly kind: string;
  /** `metadata.name`; empty when missing (the object is then reported and skipped by adapters that need a name). */
  readonly name: string;
  /** `metadata.namespace`; `undefined` when not written (the namespace of `kubectl apply -n`, unknown statically). */
  readonly namespace: string | undefined;
  /** `metadata.annotations`, values as strings. */
  readonly annotations: Readonly<Record<string, string>>;
  /** The whole object as written. */
  readonly body: Readonly<Record<string, unknown>>;
  readonly file: string;
  /** The object's lines. */
  readonly source: FileSource;
  /** Where a key under the object is written (`['spec', 'tls', 0]`); the nearest written parent, else the object. */
  locate(path: KeyPath): FileSource;
}

export function toObject(
  body: Record<string, unknown>, file: string, lines: KeyLines, base: KeyPath, fallbackLine: number, fallbackEndLine?: number,
): K8sObject | string {
  const apiVersion = body['apiVersion'];
  const kind = body['kind'];
  if (typeof kind !== 'string' || kind === '') return 'the document has no kind (a Kubernetes object needs apiVersion and kind); not read';
  if (typeof apiVersion !== 'string' || apiVersion === '') return `the ${kind} has no apiVersion; not read`;
  const metadata = isRecord(body['metadata']) ? body['metadata'] : {};
  const name = typeof metadata['name'] === 'string' ? metadata['name'] : '';
  const namespace = typeof metadata['namespace'] === 'string' && metadata['namespace'] !== '' ? metadata['namespace'] : undefined;
  const span = base.length > 0 ? lines.at(base) : undefined;
  const source: FileSource = {
    ...fileSource(file, span?.line ?? fallbackLine, span?.endLine ?? fallbackEndLine),
    address: `${kind}/${namespace === undefined ? '' : `${namespace}/`}${name}`,
  };
  return {
    apiVersion, kind, name, namespace, annotations: stringMap(metadata['annotations']), body, file, source,
    locate(path) {
      const found = lines.at([...base, ...path]);
      return found && found.line >= (source.line ?? 0) ? { ...fileSource(file, found.line, found.endLine), address: source.address ?? '' } : source;
    },
  };
}

/** Annotation values are strings; YAML may have read an unquoted `true` or `10` as another scalar. */
function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(value)) return out;
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string') out[key] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') out[key] = String(v);
  }
  return out;
}


/** A value at a path of plain objects and arrays. */
export function dig(value: unknown, ...path: readonly (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof key === 'number') current = Array.isArray(current) ? current[key] : undefined;
    else current = isRecord(current) ? current[key] : undefined;
  }
  return current;
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

export function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The API group of an apiVersion: `networking.k8s.io/v1` → `networking.k8s.io`; `v1` → `` (core). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** Ingress API groups: networking.k8s.io (v1, v1beta1) and the old extensions/v1beta1. */
const INGRESS_GROUPS = new Set(['networking.k8s.io', 'extensions']);

export function isIngress(object: K8sObject): boolean {
  return object.kind === 'Ingress' && INGRESS_GROUPS.has(groupOf(object.apiVersion));
}
