import { fileSource, type FileSource } from '../../../src/graph/source';
import type { KeyPath } from '../../key-lines';
import type { Resolver } from '../resolve';
import type { CfnRef, CfnResource, CfnTemplate, CfnValue } from '../template';
import { isPlainMap, mergeGlobals, originOf } from './globals';

/**
 * A SAM resource as the expansion reads it: its properties with its `Globals` section merged in, and where each
 * property is written (in the resource, or in `Globals`). An implicit API (`ServerlessRestApi`) has no resource of
 * its own: its `source` is the first event that makes it.
 */
export class SamProps {
  readonly logicalId: string;
  readonly raw: Readonly<Record<string, unknown>>;
  /** Where the resource is written; generated resources without a property of their own point here. */
  readonly source: FileSource;
  private readonly template: CfnTemplate;
  private readonly resolver: Resolver;
  private readonly own: CfnResource | undefined;
  private readonly ownRaw: unknown;
  private readonly globals: unknown;
  private readonly section: string;

  constructor(args: {
    readonly logicalId: string; readonly template: CfnTemplate; readonly resolver: Resolver; readonly section: string;
    readonly own?: CfnResource; readonly ownRaw?: Readonly<Record<string, unknown>>; readonly source: FileSource;
  }) {
    this.logicalId = args.logicalId;
    this.template = args.template;
    this.resolver = args.resolver;
    this.own = args.own;
    this.section = args.section;
    this.source = args.source;
    this.ownRaw = args.ownRaw ?? args.own?.properties ?? {};
    const globalsRoot = args.template.root['Globals'];
    this.globals = isPlainMap(globalsRoot) && isPlainMap(globalsRoot[args.section]) ? globalsRoot[args.section] : undefined;
    const merged = mergeGlobals(this.globals, this.ownRaw);
    this.raw = isPlainMap(merged) ? merged : {};
  }

  /** The merged raw value at a path below `Properties`; `undefined` when absent. */
  value(path: KeyPath): unknown {
    let current: unknown = this.raw;
    for (const segment of path) {
      if (typeof segment === 'number') current = Array.isArray(current) ? (current as unknown[])[segment] : undefined;
      else current = isPlainMap(current) && Object.prototype.hasOwnProperty.call(current, segment) ? current[segment] : undefined;
      if (current === undefined) return undefined;
    }
    return current;
  }

  /** Whether a property is written (in the resource or its Globals) and not null. */
  has(path: KeyPath): boolean {
    const found = this.value(path);
    return found !== undefined && found !== null;
  }

  /** Where a property is written: its line in the resource or in Globals, else the nearest written parent, else the resource. */
  locate(path: KeyPath): FileSource {
    const origin = originOf(path, this.globals, this.ownRaw);
    if (origin?.side === 'globals') return this.template.locate(['Globals', this.section, ...origin.path]);
    if (origin?.side === 'own' && this.own) return this.own.locate(origin.path);
    return this.source;
  }

  /** Like {@link locate}, but only inside the resource's own lines (node sources stay within the resource). */
  locateOwn(path: KeyPath): FileSource {
    const at = this.locate(path);
    const { line, endLine } = this.source;
    if (line === undefined || at.line === undefined || at.file !== this.source.file) return this.source;
    return at.line >= line && at.line <= (endLine ?? line) ? at : this.source;
  }

  /** The evaluated value of a property (parameters, mappings and conditions resolved); `undefined` when absent. */
  evaluate(path: KeyPath): CfnValue | undefined {
    const raw = this.value(path);
    if (raw === undefined || raw === null) return undefined;
    const refs: CfnRef[] = [];
    return this.resolver.evaluate(raw, { path, locate: (p) => this.locate(p) }, refs);
  }

  /** A property's value when it is a known string. */
  string(path: KeyPath): string | undefined {
    const value = this.evaluate(path);
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
  }

  /** A property's value when it is a known boolean (`true`, `"true"`). */
  boolean(path: KeyPath): boolean | undefined {
    const value = this.evaluate(path);
    if (typeof value === 'boolean') return value;
    return typeof value === 'string' && /^(true|false)$/i.test(value) ? value.toLowerCase() === 'true' : undefined;
  }

  /** A nested mapping, through a decidable `Fn::If`; `undefined` when absent or not a mapping known statically. */
  map(path: KeyPath): Readonly<Record<string, unknown>> | undefined {
    const raw = this.value(path);
    if (raw === undefined || raw === null) return undefined;
    const found = this.resolver.structure(raw, { path, locate: (p) => this.locate(p) });
    return found.kind === 'raw' && isPlainMap(found.raw) ? found.raw : undefined;
  }
}

/** The implicit API's place: the first event that makes it, without leaving the function's lines. */
export function implicitSource(first: FileSource | undefined, file: string): FileSource {
  return first ?? fileSource(file, 1);
}
