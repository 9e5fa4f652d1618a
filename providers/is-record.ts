/** A JSON or YAML mapping (not an array, not null): how every reader of untrusted documents narrows a value first. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
