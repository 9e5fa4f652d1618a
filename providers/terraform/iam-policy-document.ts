import type { HclBody } from './hcl/ast';
import { isUnknown, type TfValue } from './model';

type TfObject = { readonly [key: string]: TfValue };

/**
 * The policy JSON of an `aws_iam_policy_document` data source, as the AWS provider renders it, from the data
 * source's evaluated arguments and blocks (`statement`, with `principals`, `not_principals` and `condition` inside):
 * `Version`, `Id`, and per statement `Sid`, `Effect` (default `Allow`), `Action` / `NotAction`, `Resource` /
 * `NotResource`, `Principal` / `NotPrincipal` (a `*` principal of type `*` is `"*"`) and `Condition`. A list of one
 * is written as its item, as the provider does. Unknown values stay in place: the caller keeps the document as what
 * the unknown `json` is known to encode. Undefined when the document cannot be rendered from what is written: a
 * `dynamic` block (its statements are not listed), or policies merged in (`source_policy_documents`,
 * `override_policy_documents`, and the older `source_json` / `override_json`).
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/iam_policy_document
 */
export function policyDocument(block: HclBody, value: TfObject): TfObject | undefined {
  if (hasDynamicBlock(block)) return undefined;
  for (const merged of ['source_policy_documents', 'override_policy_documents', 'source_json', 'override_json']) {
    const written = value[merged];
    if (written !== undefined && written !== null && !(Array.isArray(written) && written.length === 0)) return undefined;
  }
  const statements = objects(value['statement']).map(statementOf);
  return {
    Version: value['version'] ?? '2012-10-17',
    ...(value['policy_id'] !== undefined && value['policy_id'] !== null && { Id: value['policy_id'] }),
    Statement: statements,
  };
}

function statementOf(statement: TfObject): TfObject {
  const out: Record<string, TfValue> = {};
  const put = (key: string, item: TfValue | undefined): void => {
    if (item !== undefined) out[key] = item;
  };
  put('Sid', present(statement['sid']));
  out['Effect'] = present(statement['effect']) ?? 'Allow';
  put('Action', listOrOne(statement['actions']));
  put('NotAction', listOrOne(statement['not_actions']));
  put('Resource', listOrOne(statement['resources']));
  put('NotResource', listOrOne(statement['not_resources']));
  put('Principal', principalsOf(statement['principals']));
  put('NotPrincipal', principalsOf(statement['not_principals']));
  put('Condition', conditionsOf(statement['condition']));
  return out;
}

/** `principals { type = "AWS", identifiers = [...] }` blocks, merged by type; `type = "*"` with `*` is anyone. */
function principalsOf(blocks: TfValue | undefined): TfValue | undefined {
  const list = objects(blocks);
  if (list.length === 0) return undefined;
  const byType: Record<string, TfValue[]> = {};
  for (const principal of list) {
    const type = principal['type'];
    // A type known only once applied: who is named is not known.
    if (type !== undefined && isUnknown(type)) return type;
    if (typeof type !== 'string') continue;
    const identifiers = principal['identifiers'];
    if (type === '*' && Array.isArray(identifiers) && identifiers.length === 1 && identifiers[0] === '*') return '*';
    (byType[type] ??= []).push(...(Array.isArray(identifiers) ? (identifiers as readonly TfValue[]) : [identifiers ?? null]));
  }
  return Object.fromEntries(Object.entries(byType).map(([type, identifiers]) => [type, identifiers.length === 1 ? identifiers[0] ?? null : identifiers]));
}

/** `condition { test, variable, values }` blocks as `{ test: { variable: values } }`. */
function conditionsOf(blocks: TfValue | undefined): TfValue | undefined {
  const list = objects(blocks);
  if (list.length === 0) return undefined;
  const byTest: Record<string, Record<string, TfValue[]>> = {};
  for (const condition of list) {
    const { test, variable } = condition;
    // A test or key known only once applied: what the condition asks is not known.
    const unknownPart = [test, variable].find((part) => part !== undefined && isUnknown(part));
    if (unknownPart !== undefined) return unknownPart;
    if (typeof test !== 'string' || typeof variable !== 'string') continue;
    // Blocks of the same test and key add their values, as the provider merges them.
    const values = condition['values'];
    ((byTest[test] ??= {})[variable] ??= []).push(...(Array.isArray(values) ? (values as readonly TfValue[]) : values === undefined || values === null ? [] : [values]));
  }
  return Object.fromEntries(Object.entries(byTest).map(([test, keys]) => [test, Object.fromEntries(Object.entries(keys).map(([key, values]) => [key, listOrOne(values) ?? []]))]));
}

function listOrOne(value: TfValue | undefined): TfValue | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) return value;
  const items = value as readonly TfValue[];
  return items.length === 1 ? (items[0] ?? null) : items;
}

function present(value: TfValue | undefined): TfValue | undefined {
  return value === undefined || value === null || value === '' ? undefined : value;
}

function objects(value: TfValue | undefined): TfObject[] {
  return Array.isArray(value) ? (value as readonly TfValue[]).filter((item): item is TfObject => typeof item === 'object' && item !== null && !Array.isArray(item) && !isUnknown(item)) : [];
}

function hasDynamicBlock(body: HclBody): boolean {
  return body.blocks.some((block) => block.type === 'dynamic' || hasDynamicBlock(block.body));
}
