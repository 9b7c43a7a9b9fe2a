// IP addresses as Lodestone reasons about them: which range a literal is in, and whom a rate limit counts.
import ipaddr from "ipaddr.js";

/** What a parsed literal is: its family, its canonical text and its range as ipaddr.js names it. */
export interface IpLiteral {
  kind: "ipv4" | "ipv6";
  /** Canonical text: dotted decimal for IPv4, RFC 5952 compressed for IPv6. */
  canonical: string;
  /** ipaddr.js's range name: "unicast" for ordinary public addresses; everything else is special. */
  range: string;
}

/**
 * Parses any spelling ipaddr.js accepts (IPv4 in decimal, octal, hex and short forms; IPv6 compressed or
 * not, with embedded IPv4). The brackets of a URL host are allowed. Null when `text` is no IP literal.
 */
export function parseIpLiteral(text: string): IpLiteral | null {
  const bare = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  if (!ipaddr.isValid(bare)) return null;
  const addr = ipaddr.parse(bare);
  return addr.kind() === "ipv6"
    ? { kind: "ipv6", canonical: (addr as ipaddr.IPv6).toRFC5952String(), range: addr.range() }
    : { kind: "ipv4", canonical: addr.toString(), range: addr.range() };
}

/**
 * Whom the per-client rate limit counts: an IPv4 address on its own (an IPv4-mapped IPv6 address is
 * the IPv4 address), an IPv6 address by its /64, the smallest block a single subscriber is handed —
 * rotating the last 64 bits must not walk past the limit. Anything unreadable counts as one "unknown".
 */
export function rateLimitSubject(ip: string | null): string {
  if (!ip) return "unknown";
  const trimmed = ip.trim();
  if (!ipaddr.isValid(trimmed)) return "unknown";
  let addr = ipaddr.parse(trimmed);
  if (addr.kind() === "ipv6" && (addr as ipaddr.IPv6).isIPv4MappedAddress())
    addr = (addr as ipaddr.IPv6).toIPv4Address();
  if (addr.kind() === "ipv4") return addr.toString();
  const parts = (addr as ipaddr.IPv6).parts.slice(0, 4);
  const prefix = new ipaddr.IPv6([...parts, 0, 0, 0, 0]);
  return `${prefix.toRFC5952String()}/64`;
}
