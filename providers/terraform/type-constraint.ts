import type { Expr } from './hcl/ast';
import { isList, isObject, objectFrom, valuesEqual } from './hcl/value';
import type { TfValue } from './model';
import { isUnknown } from './model';

/**
 * Applies a variable's `type` constraint the way Terraform converts input values, best effort:
 * primitives are converted, and missing `optional(T, default)` object attributes get their default.
 * Values that do not fit are left as they are (Terraform would reject them).
 * https://developer.hashicorp.com/terraform/language/expressions/type-constraints#optional-object-type-attributes
 */
export function convertToType(value: TfValue, type: Expr, evaluateDefault: (expr: Expr) => TfValue, depth = 0): TfValue {
  if (isUnknown(value) || value === null || depth > 32) return value;
  if (type.kind === 'variable') return convertPrimitive(value, type.name);
  if (type.kind !== 'call') return value;
  const [inner] = type.args;
  switch (type.name) {
    case 'optional':
      return inner ? convertToType(value, inner, evaluateDefault, depth + 1) : value;
    case 'list':
    case 'set': {
      if (!isList(value) || !inner) return value;
      const items = value.map((item) => convertToType(item, inner, evaluateDefault, depth + 1));
      return type.name === 'set' ? items.filter((item, index) => items.findIndex((other) => valuesEqual(other, item)) === index) : items;
    }
    case 'map':
      if (!isObject(value) || !inner) return value;
      return objectFrom(Object.entries(value).map(([key, item]) => [key, convertToType(item, inner, evaluateDefault, depth + 1)]));
    case 'object':
      return inner?.kind === 'object' && isObject(value) ? convertObject(value, inner, evaluateDefault, depth) : value;
    default:
      return value;
  }
}

function convertObject(value: { readonly [key: string]: TfValue }, type: Extract<Expr, { kind: 'object' }>, evaluateDefault: (expr: Expr) => TfValue, depth: number): TfValue {
  const out = new Map<string, TfValue>(Object.entries(value));
  for (const item of type.items) {
    const key = item.keyIsIdentifier ? item.key.text : item.key.kind === 'literal' && typeof item.key.value === 'string' ? item.key.value : undefined;
    if (key === undefined) continue;
    const attributeType = item.value;
    if (out.has(key) && out.get(key) !== null) {
      out.set(key, convertToType(out.get(key) ?? null, attributeType, evaluateDefault, depth + 1));
      continue;
    }
    if (attributeType.kind === 'call' && attributeType.name === 'optional') {
      const [innerType, defaultExpr] = attributeType.args;
      const fallback = defaultExpr ? evaluateDefault(defaultExpr) : null;
      out.set(key, innerType ? convertToType(fallback, innerType, evaluateDefault, depth + 1) : fallback);
    }
  }
  return objectFrom(out);
}

function convertPrimitive(value: TfValue, name: string): TfValue {
  switch (name) {
    case 'string':
      return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
    case 'number':
      return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
    case 'bool':
      return value === 'true' ? true : value === 'false' ? false : value;
    default:
      return value;
  }
}
