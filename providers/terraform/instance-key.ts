const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The address of every instance of a resource: its instance's address without the instance key `key`, as Terraform
 * writes it last (`module.a["x"].aws_b.c["k"]` → `module.a["x"].aws_b.c`, `aws_b.c[0]` → `aws_b.c`). Compared in
 * place, with no string made for the key (a large plan has tens of thousands of instances). Undefined when the
 * address does not end with that key as written plainly: a key holding a quote, a backslash or a control character
 * is escaped in the address, and the caller parses such an address instead.
 */
export function withoutInstanceKey(address: string, key: string | number): string | undefined {
  if (address.charCodeAt(address.length - 1) !== 0x5d) return undefined; // ']'
  if (typeof key === 'number') {
    const digits = String(key);
    const at = address.length - 1 - digits.length;
    return address.charCodeAt(at - 1) === 0x5b && address.startsWith(digits, at) ? address.slice(0, at - 1) : undefined;
  }
  const keyAt = address.length - 2 - key.length;
  if (address.charCodeAt(address.length - 2) !== QUOTE || !address.startsWith('["', keyAt - 2) || !address.startsWith(key, keyAt)) return undefined;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 0x20 || c === QUOTE || c === BACKSLASH) return undefined;
  }
  return address.slice(0, keyAt - 2);
}
