import { byDefault, set, unknown, type Attr } from '../../../src/graph/attr';
import type { FileSource } from '../../../src/graph/source';
import type { KeyPath } from '../../key-lines';
import type { Resolver } from '../resolve';
import { isCfnUnknown, type CfnRef, type CfnResource, type CfnUnknown, type CfnValue } from '../template';
import { asString, describeUnrecognised, firstUnknownIn, withWrittenParts } from '../../value-convert';
import { isRecord } from '../../is-record';

/** A mapping inside a resource's properties (the properties themselves, `DistributionConfig`, one of `Origins`...). */
export interface CfnBody {
  readonly resource: CfnResource;
  readonly raw: Readonly<Record<string, unknown>>;
  /** Path below `Properties`. */
  readonly path: KeyPath;
  readonly source: FileSource;
}

/** One property, evaluated: its value, the resources it refers to, and where it is written. */
export interface CfnProp {
  readonly value: CfnValue;
  readonly refs: readonly CfnRef[];
  readonly source: FileSource;
}

export type Nested =
  | { readonly state: 'absent' }
  | { readonly state: 'known'; readonly body: CfnBody }
  | { readonly state: 'unknown'; readonly expr: string; readonly source: FileSource };

export type NestedList =
  | { readonly state: 'known'; readonly bodies: readonly CfnBody[]; readonly source: FileSource | undefined }
  | { readonly state: 'unknown'; readonly expr: string; readonly source: FileSource };

/** Turns a known value into the neutral value, or `undefined` when it means nothing we can name. */
export type Convert<T> = (value: CfnValue) => T | undefined;

export interface Fallback<T> {
  readonly value: T;
  readonly source: FileSource;
}

/** Reads resource properties through the template's resolver. */
export class PropReader {
  private readonly resolver: Resolver;

  constructor(resolver: Resolver) {
    this.resolver = resolver;
  }

  /** The resource's `Properties`. */
  body(resource: CfnResource): CfnBody {
    return { resource, raw: resource.properties, path: [], source: resource.source };
  }

  /** A property that is written (and not `AWS::NoValue` or null), evaluated. */
  prop(body: CfnBody | undefined, name: string): CfnProp | undefined {
    if (!body || !Object.prototype.hasOwnProperty.call(body.raw, name)) return undefined;
    const raw = body.raw[name];
    if (raw === null || raw === undefined) return undefined;
    const path = [...body.path, name];
    const refs: CfnRef[] = [];
    const value = this.resolver.evaluate(raw, { path, locate: body.resource.locate }, refs);
    if (value === undefined) return undefined;
    return { value, refs, source: body.resource.locate(path) };
  }

  /** A nested mapping, through decidable `Fn::If`s. */
  child(body: CfnBody | undefined, name: string): Nested {
    if (!body || body.raw[name] === undefined || body.raw[name] === null) return { state: 'absent' };
    return this.nested(body.resource, body.raw[name], [...body.path, name]);
  }

  /** A list of mappings (`Origins`, `MethodSettings`, `Rules`); an item that is not a mapping is skipped. */
  items(body: CfnBody | undefined, name: string): NestedList {
    if (!body || body.raw[name] === undefined || body.raw[name] === null) return { state: 'known', bodies: [], source: undefined };
    const path = [...body.path, name];
    const locate = body.resource.locate;
    const list = this.resolver.structure(body.raw[name], { path, locate });
    if (list.kind === 'absent') return { state: 'known', bodies: [], source: undefined };
    if (list.kind === 'unknown') return { state: 'unknown', expr: list.expr, source: locate(path) };
    if (!Array.isArray(list.raw)) return { state: 'unknown', expr: `${name} is not a list`, source: locate(path) };
    const bodies: CfnBody[] = [];
    for (const [index, item] of (list.raw as unknown[]).entries()) {
      const nested = this.nested(body.resource, item, [...list.at.path, index]);
      if (nested.state === 'unknown') return nested;
      if (nested.state === 'known') bodies.push(nested.body);
    }
    return { state: 'known', bodies, source: locate(path) };
  }

  private nested(resource: CfnResource, raw: unknown, path: KeyPath): Nested {
    const found = this.resolver.structure(raw, { path, locate: resource.locate });
    switch (found.kind) {
      case 'absent':
        return { state: 'absent' };
      case 'unknown':
        return { state: 'unknown', expr: found.expr, source: resource.locate(path) };
      case 'raw':
        return isRecord(found.raw)
          ? { state: 'known', body: { resource, raw: found.raw, path: found.at.path, source: resource.locate(found.at.path) } }
          : { state: 'unknown', expr: `${String(path[path.length - 1])} is not a mapping`, source: resource.locate(path) };
    }
  }

  /**
   * One property as an `Attr`: written and known → `set`; absent → the documented default, else `unknown`
   * (a required property is missing); written but unknown or uninterpretable → `unknown` at the property.
   */
  read<T>(body: CfnBody | undefined, name: string, convert: Convert<T>, fallback?: Fallback<T>): Attr<T> {
    const prop = this.prop(body, name);
    if (!prop) return fallback ? byDefault(fallback.value, fallback.source) : unknown(`${name} is not set`, body?.source);
    return convertProp(prop, convert);
  }

  /**
   * {@link read} of a property that only has to be written, not known (a JWT issuer or audience names something): a
   * part known only once deployed but never empty (a resource's `Ref` or attribute, text joined with one) counts as
   * written, as its expression (`!Ref UserPoolClient`).
   */
  readWritten<T>(body: CfnBody | undefined, name: string, convert: Convert<T>, fallback: Fallback<T>): Attr<T> {
    const prop = this.prop(body, name);
    if (!prop) return byDefault(fallback.value, fallback.source);
    const written = asWritten(prop.value);
    return convertProp(written === undefined ? prop : { ...prop, value: written }, convert);
  }

  /** The value when written and fully known. */
  known(body: CfnBody | undefined, name: string): CfnValue | undefined {
    const prop = this.prop(body, name);
    return prop && !firstUnknown(prop.value) ? prop.value : undefined;
  }

  knownString(body: CfnBody | undefined, name: string): string | undefined {
    const value = this.known(body, name);
    return value === undefined ? undefined : asString(value);
  }

  /** `true` when a nested mapping is written, at its line; `false` by default at `fallback`. */
  presence(body: CfnBody, name: string, fallback: FileSource): Attr<boolean> {
    const nested = this.child(body, name);
    switch (nested.state) {
      case 'absent':
        return byDefault(false, fallback);
      case 'unknown':
        return unknown(nested.expr, nested.source);
      case 'known':
        return set(true, nested.body.source);
    }
  }
}

export function convertProp<T>(prop: CfnProp, convert: Convert<T>): Attr<T> {
  const hidden = firstUnknown(prop.value);
  if (hidden) return unknown(hidden.expr, prop.source);
  const value = convert(prop.value);
  return value === undefined ? unknown(describeUnrecognised(prop.value), prop.source) : set(value, prop.source);
}

/** The value with each never-empty unknown part written as its expression; undefined when another part is unknown. */
function asWritten(value: CfnValue): CfnValue | undefined {
  return withWrittenParts<CfnValue>(value, isCfnUnknown, (part) => (isCfnUnknown(part) && part.nonEmpty ? part.expr : undefined));
}

export function firstUnknown(value: CfnValue): CfnUnknown | undefined {
  return firstUnknownIn(value, isCfnUnknown);
}


// CloudFormation passes property values as strings to most resource handlers: "true", "5" and 5 mean the same.

export { asNumber, asString, asStringList, oneOf } from '../../value-convert';

export const asBool: Convert<boolean> = (value) => {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return undefined;
};
