import ipaddr from 'ipaddr.js';

/**
 * Decides whether an IP address is a public unicast address the fetcher may connect to.
 * Allow-list rather than deny-list: anything ipaddr.js does not call plain "unicast" is refused,
 * so ranges we did not think of (benchmarking, AS112, NAT64, 6to4, Teredo, ORCHID…) stay shut.
 * IPv6 must additionally lie in 2000::/3 (global unicast), which also shuts the deprecated
 * IPv4-compatible form ::a.b.c.d that ipaddr.js would otherwise call unicast.
 */
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');

const RANGE_WORDS: Record<string, string> = {
  loopback: 'a loopback',
  private: 'a private',
  linkLocal: 'a link-local',
  carrierGradeNat: 'a carrier-grade NAT',
  multicast: 'a multicast',
  broadcast: 'a broadcast',
  unspecified: 'an unspecified',
  reserved: 'a reserved',
  uniqueLocal: 'a unique-local (private)',
  ipv4Mapped: 'an IPv4-mapped',
  '6to4': 'a 6to4',
  teredo: 'a Teredo',
  rfc6052: 'a NAT64',
  rfc6145: 'an IPv4-translated',
};

/** `reason` reads as a sentence fragment: "10.0.0.1 is a private address". */
export type AddressVerdict = { allowed: true } | { allowed: false; reason: string };

export const ALLOW_EVERY_ADDRESS = (): AddressVerdict => ({ allowed: true });

/** `address` is a bare IP (no brackets). Non-IP input is refused: callers must resolve first. */
export function judgeAddress(address: string): AddressVerdict {
  if (!ipaddr.isValid(address)) return { allowed: false, reason: `${address} is not an IP address` };
  const ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6') {
    const v6 = ip as ipaddr.IPv6;
    // Name the embedded IPv4 address in the message: "::ffff:10.0.0.1" is really 10.0.0.1.
    if (v6.isIPv4MappedAddress()) {
      const inner = judgeAddress(v6.toIPv4Address().toString());
      if (!inner.allowed) return inner;
    }
    const range = v6.range();
    if (range !== 'unicast' || !v6.match(GLOBAL_UNICAST_V6)) {
      return { allowed: false, reason: `${address} is ${describe(range === 'unicast' ? 'reserved' : range)} address` };
    }
    return { allowed: true };
  }
  const range = ip.range();
  if (range !== 'unicast') return { allowed: false, reason: `${address} is ${describe(range)} address` };
  return { allowed: true };
}

function describe(range: string): string {
  return RANGE_WORDS[range] ?? `a special-purpose (${range})`;
}

/**
 * The WHATWG URL parser has already turned every IPv4 spelling (decimal, octal, hex, short form,
 * trailing dot, full-width digits) into dotted quads and IPv6 into bracketed canonical text,
 * so a literal host is recognised here after parsing, never by pattern-matching the raw string.
 */
export function literalIpOf(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) && (bare.includes(':') || ipaddr.IPv4.isValidFourPartDecimal(bare)) ? bare : null;
}

/**
 * RFC 6761: "localhost" and every name under it are loopback whatever DNS says, and resolvers
 * disagree on spellings like "localhost." — so such names are refused by name, before any lookup.
 */
export function isLoopbackName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}
