import * as ipaddr from 'ipaddr.js';

/** What a list of allowed client addresses (CIDRs, single addresses, `from-to` ranges) lets in. */
export type AddressReach = 'private' | 'public-ranges' | 'everywhere' | { readonly unreadable: string };

/** RFC 1918, RFC 6598 shared, loopback, link-local, IPv6 unique-local and link-local: not routed from the internet. */
const PRIVATE_BLOCKS = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', 'fc00::/7', 'fe80::/10', '::1/128']
  .map((cidr) => ipaddr.parseCIDR(cidr));

/** Public blocks wider than a /4 of IPv4 or a /8 of IPv6 (a sixteenth of the space or more) are taken as the whole internet. */
const WIDE_IPV4_BITS = 4;
const WIDE_IPV6_BITS = 8;

type Block = { readonly first: ipaddr.IPv4 | ipaddr.IPv6; readonly last: ipaddr.IPv4 | ipaddr.IPv6; readonly bits: number };

/**
 * Private when every entry lies inside one private block; everywhere when one entry spans most of the address space
 * (`0.0.0.0/0`, `0.0.0.0/1`, `0.0.0.0-255.255.255.255`); unreadable when an entry is no address (an expression, a
 * host name); else a few public ranges.
 */
export function addressReach(list: readonly string[]): AddressReach {
  let allPrivate = true;
  for (const entry of list) {
    const block = parseBlock(entry.trim());
    if (!block) return { unreadable: entry };
    if (PRIVATE_BLOCKS.some(([net, bits]) => block.bits >= bits && sameKind(block.first, net) && block.first.match(net, bits) && block.last.match(net, bits))) continue;
    if (block.bits < (block.first.kind() === 'ipv4' ? WIDE_IPV4_BITS : WIDE_IPV6_BITS)) return 'everywhere';
    allPrivate = false;
  }
  return allPrivate ? 'private' : 'public-ranges';
}

function sameKind(a: ipaddr.IPv4 | ipaddr.IPv6, b: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  return a.kind() === b.kind();
}

/** A CIDR, an address (a block of one), or `from-to`: its first and last address and the prefix length it amounts to. */
function parseBlock(text: string): Block | undefined {
  try {
    if (text.includes('-')) {
      const [from, to] = text.split('-').map((t) => ipaddr.parse(t.trim()));
      if (!from || !to || from.kind() !== to.kind()) return undefined;
      return { first: from, last: to, bits: commonPrefix(from, to) };
    }
    if (text.includes('/')) {
      const [address, bits] = ipaddr.parseCIDR(text);
      return { first: address, last: address, bits };
    }
    const address = ipaddr.parse(text);
    return { first: address, last: address, bits: address.kind() === 'ipv4' ? 32 : 128 };
  } catch {
    return undefined;
  }
}

/** How many leading bits two addresses share: the smallest block holding both. */
function commonPrefix(a: ipaddr.IPv4 | ipaddr.IPv6, b: ipaddr.IPv4 | ipaddr.IPv6): number {
  const x = a.toByteArray();
  const y = b.toByteArray();
  let bits = 0;
  for (let i = 0; i < x.length; i++) {
    const diff = (x[i] ?? 0) ^ (y[i] ?? 0);
    if (diff === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(diff) - 24;
  }
  return bits;
}
