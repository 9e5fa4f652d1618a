/**
 * The parts of `terraform show -json` output that gatewarden reads, as produced by Terraform 0.12 to 1.x
 * (format_version 0.x and 1.x): https://developer.hashicorp.com/terraform/internals/json-format
 * The input is untrusted JSON: every field is narrowed with the helpers below before use.
 */

export type JsonObject = { readonly [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectAt(value: unknown, key: string): JsonObject | undefined {
  if (!isObject(value)) return undefined;
  const found = value[key];
  return isObject(found) ? found : undefined;
}

export function arrayAt(value: unknown, key: string): readonly unknown[] {
  if (!isObject(value)) return [];
  const found = value[key];
  return Array.isArray(found) ? found : [];
}

export function stringAt(value: unknown, key: string): string | undefined {
  if (!isObject(value)) return undefined;
  const found = value[key];
  return typeof found === 'string' ? found : undefined;
}

/** `<expression-representation>`: `{ constant_value }` or `{ references: [...] }` (or `{}` for an expression of neither). */
export function isExpression(value: unknown): value is JsonObject {
  if (!isObject(value)) return false;
  for (const key in value) if (key !== 'constant_value' && key !== 'references') return false;
  return true;
}

/** The references of an expression, as Terraform lists them (`aws_x.y.arn`, `aws_x.y`, `var.z`, `module.m.out`...). */
export function referencesOf(expression: unknown): readonly string[] {
  return arrayAt(expression, 'references').filter((ref): ref is string => typeof ref === 'string');
}
