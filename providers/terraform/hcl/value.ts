import type { TfUnknown, TfValue } from '../model';
import { isUnknown } from '../model';

/** Helpers over evaluated HCL values (`TfValue`: JSON-like data plus `TfUnknown`). */

export type TfObject = { readonly [key: string]: TfValue };

/**
 * A type or lookup error while evaluating, e.g. `"a" + 1` or a missing map key. `try()` and `can()`
 * catch it; elsewhere it turns the attribute into an unknown value (Terraform would stop instead).
 */
export class HclEvalError extends Error {}

export function unknownValue(expr: string): TfUnknown {
  return { unknown: true, expr };
}

/**
 * `${expression}`: how a value known only at apply time is written into a text rendered as far as it is known. Braces
 * of the expression become parentheses, so that each placeholder is exactly one `${...}` (`/\$\{[^}]*\}/`), even
 * for `var.public ? "*" : { AWS = var.arn }` or a template inside the expression.
 */
export function placeholderOf(expr: string): string {
  return `\${${expr.replace(/[{}]/g, (brace) => (brace === '{' ? '(' : ')'))}}`;
}

/** Whether a text rendered as far as it is known has nothing of its own besides placeholders ({@link placeholderOf}) and space. */
export function isOnlyPlaceholders(text: string): boolean {
  return text.replace(/\$\{[^}]*\}/g, '').trim() === '';
}

/** An unknown that will be a non-null, non-empty string once applied (see `TfUnknown.nonEmptyString`). */
export function unknownNonEmptyString(expr: string): TfUnknown {
  return { unknown: true, expr, nonEmptyString: true };
}

/** `==` between an unknown non-empty string and `null` or `""`: known to be false. */
export function isKnownUnequal(left: TfValue, right: TfValue): boolean {
  const emptyOrNull = (value: TfValue): boolean => value === null || value === '';
  return (isUnknown(left) && left.nonEmptyString === true && emptyOrNull(right)) || (isUnknown(right) && right.nonEmptyString === true && emptyOrNull(left));
}

export function isObject(value: TfValue): value is TfObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isUnknown(value);
}

export function isList(value: TfValue): value is readonly TfValue[] {
  return Array.isArray(value);
}

/** True when no unknown is nested anywhere in the value. */
export function isWhollyKnown(value: TfValue): boolean {
  if (isUnknown(value)) return false;
  if (Array.isArray(value)) return value.every(isWhollyKnown);
  if (isObject(value)) return Object.values(value).every(isWhollyKnown);
  return true;
}

export function typeName(value: TfValue): string {
  if (value === null) return 'null';
  if (isUnknown(value)) return 'unknown';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'object';
  return typeof value;
}

/** Terraform's automatic conversion of primitives to string (numbers print without a trailing `.0`). */
export function toStringValue(value: TfValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  throw new HclEvalError(`cannot convert ${typeName(value)} to string`);
}

export function formatNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
  return String(value);
}

export function toNumberValue(value: TfValue): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  throw new HclEvalError(`cannot convert ${typeName(value)} to number`);
}

export function toBoolValue(value: TfValue): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new HclEvalError(`cannot convert ${typeName(value)} to bool`);
}

/** Structural equality, as HCL's `==` on known values. */
export function valuesEqual(left: TfValue, right: TfValue): boolean {
  if (left === right) return true;
  if (isList(left) && isList(right)) {
    return left.length === right.length && left.every((item, index) => valuesEqual(item, right[index] ?? null));
  }
  if (isObject(left) && isObject(right)) {
    const keys = Object.keys(left);
    return keys.length === Object.keys(right).length && keys.every((key) => key in right && valuesEqual(left[key] ?? null, right[key] ?? null));
  }
  return false;
}

/** Object keys in Terraform's iteration order (lexical). */
export function sortedKeys(value: TfObject): string[] {
  return Object.keys(value).sort(compareStrings);
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An object built from entries; a `__proto__` key from a scanned file stays data instead of changing the prototype. */
export function objectFrom(entries: Iterable<readonly [string, TfValue]>): TfObject {
  const out: Record<string, TfValue> = {};
  for (const [key, value] of entries) {
    if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    else out[key] = value;
  }
  return out;
}

export function hasKey(value: TfObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}
