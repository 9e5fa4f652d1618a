import type { FileSource } from '../../../src/graph/source';
import type { KeyPath } from '../../key-lines';
import type { CfnResource } from '../template';
import type { SamProps } from './sam-props';

/** A property path of a generated resource that comes from a property path of a SAM resource. */
export interface PropertyOrigin {
  /** Path below the generated resource's `Properties`. */
  readonly to: KeyPath;
  readonly sam: SamProps;
  /** Path below the SAM resource's `Properties`. */
  readonly from: KeyPath;
}

/**
 * A plain CloudFormation resource that SAM would generate. Its properties are raw template values (intrinsics
 * unresolved, as the adapters expect); `origins` say which SAM property each came from, so that a finding about
 * `SecurityPolicy` of a generated domain points at `Domain.SecurityPolicy` of the SAM API. Properties without an
 * origin (SAM's own defaults) point at `source`: the SAM property that made the resource, else the SAM resource.
 */
export function generateResource(args: {
  readonly logicalId: string;
  readonly type: string;
  readonly properties: Readonly<Record<string, unknown>>;
  readonly source: FileSource;
  readonly generatedFrom: string;
  readonly origins?: readonly PropertyOrigin[];
}): CfnResource {
  const origins = [...(args.origins ?? [])].sort((a, b) => b.to.length - a.to.length);
  const source: FileSource = { ...args.source, address: args.logicalId };
  return {
    logicalId: args.logicalId,
    type: args.type,
    properties: withoutUndefined(args.properties),
    source,
    generatedFrom: args.generatedFrom,
    locate: (path) => {
      const origin = origins.find((o) => startsWith(path, o.to));
      return origin ? origin.sam.locate([...origin.from, ...path.slice(origin.to.length)]) : source;
    },
  };
}

/** Origins for properties copied one to one from the same names (`TracingEnabled` → `TracingEnabled`). */
export function sameNames(sam: SamProps, names: readonly string[]): PropertyOrigin[] {
  return names.map((name) => ({ to: [name], sam, from: [name] }));
}

export function ref(logicalId: string): { readonly Ref: string } {
  return { Ref: logicalId };
}

export function getAtt(logicalId: string, attribute: string): { readonly 'Fn::GetAtt': readonly [string, string] } {
  return { 'Fn::GetAtt': [logicalId, attribute] };
}

/** SAM builds logical ids from names with the characters CloudFormation refuses dropped: `my-stage` → `mystage`. */
export function alphanumeric(text: string): string {
  return text.replace(/[^A-Za-z0-9]/g, '');
}

function startsWith(path: KeyPath, prefix: KeyPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);
}

function withoutUndefined(properties: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (value !== undefined) Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return result;
}
