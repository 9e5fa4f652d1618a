/** A Terraform resource address split into its parts: `module.a["x"].data.aws_x.y[0]`. */
export interface ParsedAddress {
  /** `module.a["x"]`, empty at the root. */
  readonly modulePath: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  /** `[0]`, `["eu"]`, or empty when the address names no instance. */
  readonly instanceSuffix: string;
  /** The address without its instance suffix: every instance of the resource. */
  readonly base: string;
}

/**
 * Splits an address into segments on dots outside brackets and quotes, so keys such as `["a.b"]` stay whole.
 * Returns `undefined` for text that is not a resource address.
 */
export function parseAddress(address: string): ParsedAddress | undefined {
  const segments = splitSegments(address);
  if (!segments) return undefined;
  let i = 0;
  const modules: string[] = [];
  // Module calls come in pairs: `module`, `<name>[key]`; a resource needs two more segments after them.
  while (segments[i] === 'module' && segments.length >= i + 4) {
    modules.push(`module.${segments[i + 1] ?? ''}`);
    i += 2;
  }
  let mode: 'managed' | 'data' = 'managed';
  if (segments[i] === 'data') {
    mode = 'data';
    i += 1;
  }
  const type = segments[i];
  const nameWithKey = segments[i + 1];
  if (type === undefined || nameWithKey === undefined || segments.length !== i + 2) return undefined;
  const bracket = nameWithKey.indexOf('[');
  const name = bracket === -1 ? nameWithKey : nameWithKey.slice(0, bracket);
  const instanceSuffix = bracket === -1 ? '' : nameWithKey.slice(bracket);
  // Resource types are `<provider>_<name>`: `var.x`, `local.y`, `each.key` are not resources.
  if (!/^[A-Za-z][A-Za-z0-9]*_[\w-]+$/.test(type) || !/^[A-Za-z_][\w-]*$/.test(name)) return undefined;
  const modulePath = modules.join('.');
  const local = `${mode === 'data' ? 'data.' : ''}${type}.${name}`;
  return { modulePath, mode, type, name, instanceSuffix, base: modulePath ? `${modulePath}.${local}` : local };
}

function splitSegments(address: string): string[] | undefined {
  // Slices, not a string grown a character at a time: a large plan has tens of thousands of addresses.
  const segments: string[] = [];
  let start = 0;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < address.length; i++) {
    const c = address.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b) depth += 1;
    else if (c === 0x5d) depth -= 1;
    else if (c === 0x2e && depth === 0) {
      segments.push(address.slice(start, i));
      start = i + 1;
    }
  }
  if (inString || depth !== 0) return undefined;
  segments.push(address.slice(start));
  return segments.some((s) => s === '') ? undefined : segments;
}
