/**
 * Splits a Terraform address or reference on the dots outside brackets and quotes:
 * `module.api["a.b"].aws_x.y[0].arn` → `module`, `api["a.b"]`, `aws_x`, `y[0]`, `arn`.
 */
export function splitTraversal(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b) depth++;
    else if (c === 0x5d) depth--;
    else if (c === 0x2e && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** The part before any `[...]`: `y[0]` → `y`. */
export function withoutKey(part: string): string {
  const bracket = part.indexOf('[');
  return bracket === -1 ? part : part.slice(0, bracket);
}

/** An address with every instance key removed (`module.a["x"].aws_b.c[0]` → `module.a.aws_b.c`): the configuration address. */
export function configAddress(address: string): string {
  if (!address.includes('[')) return address;
  return splitTraversal(address).map(withoutKey).join('.');
}

/** Module instance segments of a resource's module path: `module.a["x"].module.b` → [`module.a["x"]`, `module.b`]. */
export function moduleSegments(modulePath: string): string[] {
  if (modulePath === '') return [];
  const parts = splitTraversal(modulePath);
  const segments: string[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) segments.push(`${parts[i] ?? ''}.${parts[i + 1] ?? ''}`);
  return segments;
}

/** Module call names of a module path, keys dropped: `module.a["x"].module.b` → [`a`, `b`]. */
export function moduleCallPath(modulePath: string): string[] {
  return moduleSegments(modulePath).map((segment) => withoutKey(segment.slice('module.'.length)));
}
