import { byDefault, set, unknown, type Attr } from '../../../src/graph/attr';
import { fileSource, type FileSource } from '../../../src/graph/source';
import { isUnknown, type TfAttribute, type TfBody, type TfUnknown, type TfValue } from '../model';
import { asString, describeUnrecognised, firstUnknownIn, withWrittenParts } from '../../value-convert';
import { writtenForm } from './written-form';

/** Turns a known Terraform value into the neutral value, or `undefined` when it means nothing we can name. */
export type Convert<T> = (value: TfValue) => T | undefined;

/** The documented default applied when an attribute is absent, and where the finding should point then. */
export interface Fallback<T> {
  readonly value: T;
  readonly source: FileSource;
}

/**
 * Reads one attribute of a block into an `Attr`:
 * - written and known: `set(value, attribute source)`;
 * - absent or `null` (Terraform treats null as unset): the documented default, else `unknown` (a required argument is missing);
 * - written but not knowable statically, or holding a value we cannot interpret: `unknown(expr, attribute source)`.
 */
export function readAttr<T>(body: TfBody, name: string, convert: Convert<T>, fallback?: Fallback<T>): Attr<T> {
  const attribute = attributeNamed(body, name);
  if (!attribute || attribute.value === null) {
    return fallback ? byDefault(fallback.value, fallback.source) : unknown(`${name} is not set`, body.source);
  }
  return convertAttribute(attribute, convert);
}

export function convertAttribute<T>(attribute: TfAttribute, convert: Convert<T>): Attr<T> {
  const hidden = firstUnknown(attribute.value);
  if (hidden) return unknown(hidden.expr, attribute.source);
  const value = convert(attribute.value);
  return value === undefined ? unknown(describeUnrecognised(attribute.value), attribute.source) : set(value, attribute.source);
}

/**
 * Reads an attribute that only has to be written, not known: a JWT issuer or audience names something, and a value
 * known only at apply time still names it when its {@link writtenForm} says it is a non-empty string
 * (`https://cognito-idp.${var.region}.amazonaws.com/${aws_cognito_user_pool.p.id}`, `${aws_cognito_user_pool_client.web.id}`).
 * Anything else unknown stays unknown.
 */
export function readWritten<T>(body: TfBody, name: string, convert: Convert<T>, fallback: Fallback<T>): Attr<T> {
  const found = attribute(body, name);
  if (!found) return byDefault(fallback.value, fallback.source);
  const written = asWritten(found.value);
  return written === undefined ? convertAttribute(found, convert) : convertAttribute({ ...found, value: written }, convert);
}

/** The value with each unknown part written as its template form; undefined when a part has none. */
function asWritten(value: TfValue): TfValue | undefined {
  return withWrittenParts<TfValue>(value, isUnknown, (part) => (isUnknown(part) ? writtenForm(part) : part));
}

/** The attribute when written with a non-null value. */
export function attribute(body: TfBody | undefined, name: string): TfAttribute | undefined {
  const found = body && attributeNamed(body, name);
  return found && found.value !== null ? found : undefined;
}

/**
 * The attribute's text when the code writes it as it is: no reference to a resource, nothing unknown, not a value
 * given when Terraform ran (a plan's root variable without a default). Where a secret written in code is found.
 */
export function literalString(attribute: TfAttribute): string | undefined {
  if (attribute.refs.length > 0 || (attribute.inputs?.length ?? 0) > 0 || firstUnknown(attribute.value)) return undefined;
  return asString(attribute.value);
}

/** Where the attribute's value is written: the .tfvars line, variable default or module argument it passes on, else the attribute. */
export function valueWrittenAt(attribute: TfAttribute): FileSource {
  // A value read whole from a file (`file("partner.key")`) is written there.
  return attribute.valueSource ?? (attribute.valueFile !== undefined ? fileSource(attribute.valueFile, 1) : attribute.source);
}

/** `attributes[name]`, asked of the body itself when it converts attributes as they are read. */
function attributeNamed(body: TfBody, name: string): TfAttribute | undefined {
  return body.attribute ? body.attribute(name) : body.attributes[name];
}

/** The attribute's value when written and fully known. */
export function knownValue(body: TfBody | undefined, name: string): TfValue | undefined {
  const found = attribute(body, name);
  return found && !firstUnknown(found.value) ? found.value : undefined;
}

export function knownString(body: TfBody | undefined, name: string): string | undefined {
  const value = knownValue(body, name);
  return value === undefined ? undefined : asString(value);
}

/** Nested blocks by name; `unknown` when a `dynamic` block's `for_each` could not be evaluated. */
export type Blocks =
  | { readonly state: 'known'; readonly blocks: readonly TfBody[] }
  | { readonly state: 'unknown'; readonly expr: string; readonly source: FileSource };

export function readBlocks(body: TfBody | undefined, name: string): Blocks {
  if (!body) return { state: 'known', blocks: [] };
  if (body.isUnknownBlock ? body.isUnknownBlock(name) : body.unknownBlocks.includes(name)) {
    return { state: 'unknown', expr: body.describeUnknownBlock?.(name) ?? `dynamic "${name}"`, source: body.source };
  }
  return { state: 'known', blocks: blocksNamed(body, name) ?? [] };
}

/** The first nested block of that name, ignoring dynamic blocks with unknown content. */
export function firstBlock(body: TfBody | undefined, name: string): TfBody | undefined {
  return body && blocksNamed(body, name)?.[0];
}

/** `blocks[name]`, asked of the body itself when it converts blocks as they are read. */
function blocksNamed(body: TfBody, name: string): readonly TfBody[] | undefined {
  return body.blocksNamed ? body.blocksNamed(name) : body.blocks[name];
}

/** Finds an unknown anywhere in a value (a list with one `var.x` element is unknown as a whole). */
export function firstUnknown(value: TfValue): TfUnknown | undefined {
  return firstUnknownIn(value, (item): item is TfUnknown => isUnknown(item as TfValue));
}

// Terraform converts between strings, numbers and bools on assignment: https://developer.hashicorp.com/terraform/language/expressions/type-constraints#conversion-of-primitive-types

export { asNumber, asString, asStringList, oneOf } from '../../value-convert';

export const asBool: Convert<boolean> = (value) => {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
};

/** `true` when a block is written at all (e.g. `access_log_settings { ... }`), with its location. */
export function blockPresence(body: TfBody, name: string, fallbackSource: FileSource): Attr<boolean> {
  const blocks = readBlocks(body, name);
  if (blocks.state === 'unknown') return unknown(blocks.expr, blocks.source);
  const first = blocks.blocks[0];
  return first ? set(true, first.source) : byDefault(false, fallbackSource);
}
