import { fileSource, type FileSource } from '../../src/graph/source';
import type { Expr, HclBlock, HclBody } from './hcl/ast';
import { iterate } from './hcl/evaluate';
import { HclEvalError, objectFrom } from './hcl/value';
import type { TfAttribute, TfBody, TfValue } from './model';
import { isUnknown } from './model';

/** An expression evaluated in some scope: its value and the resource addresses it refers to. */
export interface Evaluated {
  readonly value: TfValue;
  readonly refs: readonly string[];
  /** Where the value is written, when the expression passes a written value on as it is (see `TfAttribute.valueSource`). */
  readonly origin?: FileSource;
  /** See `TfAttribute.valueFile`. */
  readonly file?: string;
}

export type ExpressionEvaluator = (expr: Expr, bindings: ReadonlyMap<string, TfValue>) => Evaluated;

/** Largest number of blocks one `dynamic` block may expand to. */
const MAX_DYNAMIC_BLOCKS = 10_000;

/**
 * Evaluates a block body into a `TfBody`: every attribute with its refs and line, nested blocks
 * by type, `dynamic` blocks expanded when their `for_each` is known.
 * https://developer.hashicorp.com/terraform/language/expressions/dynamic-blocks
 */
export function evaluateBody(body: HclBody, file: string, address: string, evaluateExpr: ExpressionEvaluator, bindings: ReadonlyMap<string, TfValue>): TfBody {
  const attributes: Record<string, TfAttribute> = {};
  for (const attribute of body.attributes) {
    const evaluated = evaluateExpr(attribute.expr, bindings);
    const { value, refs, origin } = evaluated;
    const source = fileSource(file, attribute.line, attribute.endLine, address);
    const entry: TfAttribute = origin || evaluated.file !== undefined
      ? { value, refs, source, ...(origin && { valueSource: origin }), ...(evaluated.file !== undefined && { valueFile: evaluated.file }) }
      : { value, refs, source };
    if (attribute.name === '__proto__') Object.defineProperty(attributes, attribute.name, { value: entry, enumerable: true });
    else attributes[attribute.name] = entry;
  }
  const blocks = new Map<string, TfBody[]>();
  const unknownBlocks: string[] = [];
  const add = (type: string, item: TfBody): void => {
    const list = blocks.get(type) ?? [];
    list.push(item);
    blocks.set(type, list);
  };
  for (const block of body.blocks) {
    if (block.type === 'dynamic' && block.labels[0] !== undefined) {
      const expanded = expandDynamic(block, block.labels[0], file, address, evaluateExpr, bindings);
      if (expanded === undefined) unknownBlocks.push(block.labels[0]);
      else {
        // Written, even when it expands to nothing: a plan made from this source can tell it from a computed block.
        if (!blocks.has(block.labels[0])) blocks.set(block.labels[0], []);
        for (const item of expanded) add(block.labels[0], item);
      }
    } else {
      add(block.type, evaluateBody(block.body, file, address, evaluateExpr, bindings));
    }
  }
  return {
    attributes,
    blocks: Object.fromEntries(blocks),
    unknownBlocks,
    source: fileSource(file, body.line, body.endLine, address),
  };
}

function expandDynamic(block: HclBlock, name: string, file: string, address: string, evaluateExpr: ExpressionEvaluator, bindings: ReadonlyMap<string, TfValue>): TfBody[] | undefined {
  const forEach = block.body.attributes.find((attribute) => attribute.name === 'for_each');
  const content = block.body.blocks.find((child) => child.type === 'content');
  if (!forEach || !content) return undefined;
  const iteratorExpr = block.body.attributes.find((attribute) => attribute.name === 'iterator')?.expr;
  const iterator = iteratorExpr?.kind === 'variable' ? iteratorExpr.name : name;
  const collection = evaluateExpr(forEach.expr, bindings).value;
  if (isUnknown(collection) || collection === null) return collection === null ? [] : undefined;
  let pairs: [TfValue, TfValue][];
  try {
    pairs = iterate(collection);
  } catch (error) {
    if (error instanceof HclEvalError) return undefined;
    throw error;
  }
  if (pairs.length > MAX_DYNAMIC_BLOCKS) return undefined;
  return pairs.map(([key, value]) => {
    // `key` is the map key or list index: https://developer.hashicorp.com/terraform/language/expressions/dynamic-blocks
    const inner = new Map(bindings);
    inner.set(iterator, objectFrom([['key', key], ['value', value]]));
    return evaluateBody(content.body, file, address, evaluateExpr, inner);
  });
}
