import type { FileSource } from '../../../src/graph/source';
import type { TfAttribute, TfBody, TfValue } from '../model';
import { isExpression, isObject, referencesOf, type JsonObject } from './plan-json';

/** Where the parts of one resource are shown: the .tf block matching the plan's resource, or the plan file. */
export interface SourceScope {
  readonly body: FileSource;
  attribute(name: string): FileSource;
  block(name: string, index: number): SourceScope;
  /**
   * Whether the .tf block writes nested blocks `name` (static, or `dynamic`); undefined without .tf source. The plan's
   * configuration leaves `dynamic` blocks out, so only the source tells one from a block the provider computes.
   */
  writesBlock(name: string): boolean | undefined;
  /**
   * Whether reading the .tf source (with its `.tfvars`) knows the value of attribute `name`; undefined without .tf
   * source. A value the source knows is written in the code, even when it comes from a root variable.
   */
  knowsValue(name: string): boolean | undefined;
  /** Where the .tf source's value of attribute `name` is written, when it only passes it on (`TfAttribute.valueSource`). */
  valueSource(name: string): FileSource | undefined;
}

/** One location for everything: a resource found only in the plan file. */
export function singleSourceScope(source: FileSource): SourceScope {
  return new SingleSourceScope(source);
}

/** A class rather than closures: a large plan has one per resource. */
class SingleSourceScope implements SourceScope {
  readonly body: FileSource;

  constructor(source: FileSource) {
    this.body = source;
  }

  attribute(): FileSource {
    return this.body;
  }

  block(): SourceScope {
    return this;
  }

  writesBlock(): undefined {
    return undefined;
  }

  knowsValue(): undefined {
    return undefined;
  }

  valueSource(): undefined {
    return undefined;
  }
}

export interface BodyContext {
  /** The resource address, for messages about unknown values. */
  readonly address: string;
  /** Resource addresses an expression of the configuration refers to; `value` is what it evaluated to in the plan. */
  refsOf(expression: unknown, value: TfValue): readonly string[];
  /** The root variables without a default whose values (given when Terraform runs) an expression's value comes from. */
  inputsOf(expression: unknown): readonly string[];
}

/**
 * A resource's planned values as the `TfBody` the adapters read (the same shape the HCL reader builds).
 *
 * - Plan JSON does not say which values are nested blocks: lists of objects become `blocks` (every block the
 *   API Gateway, WAFv2 and CloudFront adapters read is a list or set block in the AWS provider), everything
 *   else an attribute.
 * - `after_unknown` marks values known only after apply; they become `TfUnknown`.
 * - `null`, and `""` not written in the configuration, mean unset (SDKv2 providers store unset strings as "").
 * - A value known only after apply that the configuration does not write is computed by the provider (`arn`,
 *   `id`, an optional+computed argument such as `security_policy`): it is left out, so that adapters apply the
 *   provider's documented default as they do for HCL, and it is listed in `unknownBlocks` because a `dynamic`
 *   block (which the configuration section omits) with an unknown `for_each` looks the same.
 *   https://developer.hashicorp.com/terraform/internals/json-format#block-expressions-representation
 *
 * `config` is the block expressions representation of this body, or undefined when it is not known (state files,
 * dynamic blocks, set blocks whose order differs from the configuration).
 */
export function planBody(values: JsonObject, unknowns: unknown, config: JsonObject | undefined, sources: SourceScope, context: BodyContext, path = ''): TfBody {
  return new PlanBody(values, isObject(unknowns) ? unknowns : undefined, { config, sources, context, path });
}

/** What the values of one body are converted with. */
interface Where {
  readonly config: JsonObject | undefined;
  readonly sources: SourceScope;
  readonly context: BodyContext;
  readonly path: string;
}

/**
 * A body converted as it is read. Adapters read a few attributes of each resource by name (`attribute`): each is
 * converted when asked, and left to the garbage collector once read, instead of every attribute of every resource of
 * a large plan being converted up front and kept through the scan. `attributes` (the whole record), `blocks` and
 * `unknownBlocks` are made on first use and kept.
 */
class PlanBody implements TfBody {
  readonly source: FileSource;
  readonly #values: JsonObject;
  readonly #unknowns: JsonObject | undefined;
  readonly #where: Where;
  #attributes: Record<string, TfAttribute> | undefined;
  #blocks: Record<string, TfBody[]> | undefined;
  #unknownBlocks: string[] | undefined;

  constructor(values: JsonObject, unknowns: JsonObject | undefined, where: Where) {
    this.source = where.sources.body;
    this.#values = values;
    this.#unknowns = unknowns;
    this.#where = where;
  }

  attribute(name: string): TfAttribute | undefined {
    const attributes = this.#attributes;
    if (attributes) return Object.hasOwn(attributes, name) ? attributes[name] : undefined;
    return this.#attribute(name, own(this.#values, name), own(this.#unknowns, name));
  }

  get attributes(): Record<string, TfAttribute> {
    if (!this.#attributes) {
      const attributes: Record<string, TfAttribute> = {};
      this.#forEachName((name, value, unknown) => {
        const attribute = this.#attribute(name, value, unknown);
        if (attribute) setOwn(attributes, name, attribute);
      });
      this.#attributes = attributes;
    }
    return this.#attributes;
  }

  get blocks(): Record<string, TfBody[]> {
    if (!this.#blocks) this.#readBlocks();
    return this.#blocks ?? NO_BLOCKS;
  }

  get unknownBlocks(): string[] {
    if (!this.#unknownBlocks) this.#readBlocks();
    return this.#unknownBlocks ?? NO_NAMES;
  }

  blocksNamed(name: string): readonly TfBody[] | undefined {
    const blocks = this.#blocks;
    if (blocks) return Object.hasOwn(blocks, name) ? blocks[name] : undefined;
    return this.#blocksNamed(name, own(this.#values, name), own(this.#unknowns, name));
  }

  isUnknownBlock(name: string): boolean {
    const unknownBlocks = this.#unknownBlocks;
    if (unknownBlocks) return unknownBlocks.includes(name);
    return this.#isUnknownBlock(name, own(this.#unknowns, name));
  }

  describeUnknownBlock(name: string): string {
    return `${name} is known only after apply (computed by the provider, or a dynamic block)`;
  }

  /** Each name with its value and what is unknown of it: the values' names, then names only `after_unknown` holds. */
  #forEachName(visit: (name: string, value: unknown, unknown: unknown) => void): void {
    const values = this.#values;
    const unknowns = this.#unknowns;
    for (const name in values) visit(name, values[name], own(unknowns, name));
    // Unknown leaves are omitted from the values: their names are added.
    if (unknowns) for (const name in unknowns) if (!Object.hasOwn(values, name)) visit(name, undefined, unknowns[name]);
  }

  /** The attribute a name holds; undefined when it holds nothing (unset) or nested blocks. */
  #attribute(name: string, value: unknown, unknown: unknown): TfAttribute | undefined {
    const { config, sources, context, path } = this.#where;
    // Parsed JSON holds no `undefined`: a name is written in the configuration when it has an expression there.
    const expression = own(config, name);
    const written = expression !== undefined;
    if (unknown === true) {
      if (config !== undefined && !written) return undefined;
      return planAttribute(unknownAfterApply(context.address, pathTo(path, name)), expression, context, sources, name);
    }
    if (value === null || value === undefined || (value === '' && !written) || isBlockList(value)) return undefined;
    // Values with nothing unknown in them are used as they are (most are).
    const known = unknown === undefined || unknown === false || !(Array.isArray(value) || isObject(value));
    const converted = known ? (value as TfValue) : toTfValue(value, unknown, context.address, pathTo(path, name));
    return planAttribute(converted, expression, context, sources, name);
  }

  /** The nested blocks a name holds: a list of objects; undefined for anything else. */
  #blocksNamed(name: string, value: unknown, unknown: unknown): TfBody[] | undefined {
    if (unknown === true || !isBlockList(value)) return undefined;
    const { config, sources, context, path } = this.#where;
    const nested = nestedConfig(own(config, name), value.length);
    return value.map((item, index) =>
      planBody(item, Array.isArray(unknown) ? unknown[index] : undefined, nested, sources.block(name, index), context, `${pathTo(path, name)}[${index}]`));
  }

  /**
   * Whether a name known only after apply may hold nested blocks whose content is not known: not written (a computed
   * argument, or a `dynamic` block, which the configuration leaves out), or written as a block. The .tf source, when
   * scanned, tells: a block it does not write is computed, and its default applies.
   */
  #isUnknownBlock(name: string, unknown: unknown): boolean {
    if (unknown !== true) return false;
    const { config, sources } = this.#where;
    const expression = own(config, name);
    const unwritten = config !== undefined && expression === undefined;
    return unwritten ? sources.writesBlock(name) !== false : !isExpression(expression);
  }

  #readBlocks(): void {
    let blocks: Record<string, TfBody[]> | undefined;
    let unknownBlocks: string[] | undefined;
    this.#forEachName((name, value, unknown) => {
      if (this.#isUnknownBlock(name, unknown)) (unknownBlocks ??= []).push(name);
      const items = this.#blocksNamed(name, value, unknown);
      if (items) setOwn((blocks ??= {}), name, items);
    });
    this.#blocks = blocks ?? NO_BLOCKS;
    this.#unknownBlocks = unknownBlocks ?? NO_NAMES;
  }
}

/** `record[key] = value`, with `__proto__` an ordinary property: JSON keys are data. */
function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true });
  else record[key] = value;
}

const NO_BLOCKS: Record<string, TfBody[]> = Object.freeze({});
const NO_NAMES: string[] = Object.freeze([]) as unknown as string[];

/**
 * `object[name]` when the object has it as its own property (JSON holds no others), else undefined. What parsed JSON
 * inherits is `__proto__` and functions, which JSON never holds: looked at only then (`Object.hasOwn` on every read
 * costs more than the rest of reading an attribute).
 */
function own(object: JsonObject | undefined, name: string): unknown {
  if (object === undefined) return undefined;
  const value = object[name];
  if (name === '__proto__') return Object.hasOwn(object, name) ? value : undefined;
  return typeof value === 'function' ? undefined : value;
}

/** `path.name`, for messages about values known after apply: built only when one is. */
function pathTo(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

const NO_REFS: readonly string[] = Object.freeze([]);

function planAttribute(value: TfValue, expression: unknown, context: BodyContext, sources: SourceScope, name: string): TfAttribute {
  const source = sources.attribute(name);
  const refersToSomething = isObject(expression) && Array.isArray(expression['references']);
  if (!refersToSomething) return { value, refs: NO_REFS, source };
  const knownInSource = sources.knowsValue(name) === true;
  return new ReferringAttribute(value, expression, context, source, knownInSource, knownInSource ? sources.valueSource(name) : undefined);
}

/**
 * An attribute whose expression refers to something: its refs are resolved when first read. Adapters read the refs
 * of a few attributes (`rest_api_id`, `stage_name`...), and resolving them all (module inputs and outputs followed,
 * instance keys matched) is much of converting a large plan.
 */
class ReferringAttribute implements TfAttribute {
  readonly value: TfValue;
  readonly source: FileSource;
  readonly #context: BodyContext;
  readonly #expression: JsonObject;
  /** The .tf source, read with its `.tfvars`, knows the value: it is written in the code, not given when Terraform ran. */
  readonly #knownInSource: boolean;
  declare readonly valueSource?: FileSource;
  #refs: readonly string[] | undefined;

  constructor(value: TfValue, expression: JsonObject, context: BodyContext, source: FileSource, knownInSource: boolean, valueSource: FileSource | undefined) {
    this.value = value;
    this.source = source;
    this.#context = context;
    this.#expression = expression;
    this.#knownInSource = knownInSource;
    if (valueSource) this.valueSource = valueSource;
  }

  get refs(): readonly string[] {
    this.#refs ??= this.#context.refsOf(this.#expression, this.value);
    return this.#refs;
  }

  get inputs(): readonly string[] {
    return this.#knownInSource ? NO_REFS : this.#context.inputsOf(this.#expression);
  }
}


function isBlockList(value: unknown): value is readonly JsonObject[] {
  return Array.isArray(value) && value.length > 0 && value.every(isObject);
}

/**
 * The configuration of nested blocks: exact when there is one block on both sides; with several, the blocks
 * of a set come back in another order than written, so their expressions are merged (an attribute is written if
 * it is written in any of them, and refers to what any of them refers to).
 */
function nestedConfig(config: unknown, count: number): JsonObject | undefined {
  if (Array.isArray(config)) {
    const blocks = config.filter(isObject);
    if (blocks.length === 0) return undefined;
    if (blocks.length === 1 && count === 1) return blocks[0];
    return mergeBlockConfigs(blocks);
  }
  // Single-nested blocks are one object, not a list.
  return isObject(config) && !isExpression(config) && count === 1 ? config : undefined;
}

function mergeBlockConfigs(blocks: readonly JsonObject[]): JsonObject {
  const merged: Record<string, unknown> = {};
  for (const block of blocks) {
    for (const [name, entry] of Object.entries(block)) {
      const known = merged[name];
      if (isExpression(entry)) {
        const references = [...referencesOf(known), ...referencesOf(entry)];
        merged[name] = references.length > 0 ? { references } : isExpression(known) ? known : entry;
      } else {
        const before: readonly unknown[] = Array.isArray(known) ? known : [];
        const added: readonly unknown[] = Array.isArray(entry) ? entry : [entry];
        merged[name] = [...before, ...added];
      }
    }
  }
  return merged;
}

function unknownAfterApply(address: string, where: string): TfValue {
  return { unknown: true, expr: `${address}.${where} (known after apply)`, afterApply: true };
}

/** A JSON value with the unknown leaves of `after_unknown` put in. */
function toTfValue(value: unknown, unknown: unknown, address: string, where: string): TfValue {
  if (unknown === true) return unknownAfterApply(address, where);
  if (Array.isArray(value)) {
    const unknowns = Array.isArray(unknown) ? unknown : undefined;
    if (!unknowns) return value as TfValue;
    const length = Math.max(value.length, unknowns.length);
    const items: TfValue[] = [];
    for (let i = 0; i < length; i++) items.push(toTfValue(value[i] ?? null, unknowns[i], address, `${where}[${i}]`));
    return items;
  }
  if (isObject(value) || (value === undefined && isObject(unknown))) {
    const object: JsonObject = isObject(value) ? value : {};
    if (!isObject(unknown)) return object as TfValue;
    const result: Record<string, TfValue> = {};
    for (const key of new Set([...Object.keys(object), ...Object.keys(unknown)])) {
      setOwn(result, key, toTfValue(object[key] ?? null, unknown[key], address, `${where}.${key}`));
    }
    return result;
  }
  return (value ?? null) as TfValue;
}
