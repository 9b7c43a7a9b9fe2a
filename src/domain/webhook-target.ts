// Where a webhook may be sent: public https hosts; this machine only in local dev, only by its plain names.
import { parseIpLiteral } from "./ip-address";

export type WebhookTarget = { ok: true; url: URL } | { ok: false; reason: string };

export interface TargetRules {
  /** Local dev (LODESTONE_ENV=development): http:// and https:// to this machine are allowed. */
  localDev: boolean;
}

/** ipaddr.js's range names, as a person reads them. */
const RANGE_NAMES: Record<string, string> = {
  private: "private",
  loopback: "loopback",
  linkLocal: "link-local",
  carrierGradeNat: "carrier-grade NAT",
  uniqueLocal: "unique-local",
  unspecified: "unspecified",
  multicast: "multicast",
  broadcast: "broadcast",
  reserved: "reserved",
  ipv4Mapped: "IPv4-mapped",
  rfc6145: "IPv4-translated",
  rfc6052: "NAT64",
  "6to4": "6to4",
  teredo: "Teredo",
};

/** The only spellings of this machine a local receiver may use, as the URL parser writes them. */
const LOOPBACK_SPELLINGS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The host exactly as typed (lower-cased), before the URL parser rewrites it: `http://2130706433/` and
 * `http://0x7f.1/` both parse to 127.0.0.1, so the parsed host alone cannot tell a plain spelling from
 * a disguised one. Special schemes treat `\` as `/`, so either ends the authority.
 */
function typedHost(raw: string): string | null {
  const m = /^[a-z][a-z0-9+.-]*:[/\\]*([^/\\?#]*)/i.exec(raw);
  if (!m) return null;
  const authority = m[1]!.slice(m[1]!.lastIndexOf("@") + 1);
  const host = authority.startsWith("[")
    ? authority.slice(0, authority.indexOf("]") + 1)
    : authority.replace(/:[^:]*$/, "");
  return host.toLowerCase();
}

/**
 * Decides whether `raw` may receive webhooks. Refused everywhere: IP literals in any range but ordinary
 * public unicast (private, CGNAT, link-local and the metadata address, unique-local, unspecified,
 * multicast, reserved, IPv4-mapped and other IPv4-in-IPv6 forms), any IP spelled other than the URL
 * parser's own form (decimal, octal, hex, short, bracketed variants), and `*.localhost`. In production
 * https only and never this machine; in local dev this machine as `localhost`, `127.0.0.1` or `[::1]`.
 * Names are not resolved (a Worker has no DNS lookup): a public name that points inward is not caught here.
 */
export function checkWebhookTarget(raw: string, rules: TargetRules): WebhookTarget {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  if (/[\s\x00-\x1f\x7f]/.test(raw))
    return { ok: false, reason: "The URL contains spaces or control characters" };
  if (!URL.canParse(raw)) return { ok: false, reason: "Not a valid URL" };
  const url = new URL(raw);
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return { ok: false, reason: "Use an https:// URL" };
  const host = url.hostname;
  const typed = typedHost(raw);
  const literal = parseIpLiteral(host);
  const loopbackName = host === "localhost" || host.endsWith(".localhost");

  if ((literal || loopbackName) && typed !== host)
    return {
      ok: false,
      reason:
        "Write the host plainly: an address in decimal, octal, hex or short form is not accepted",
    };
  const isThisMachine = loopbackName || literal?.range === "loopback";
  if (isThisMachine) {
    if (!rules.localDev)
      return { ok: false, reason: "This machine (localhost, loopback) cannot receive webhooks" };
    if (!LOOPBACK_SPELLINGS.has(host))
      return { ok: false, reason: "In local dev, use localhost, 127.0.0.1 or [::1]" };
    return { ok: true, url };
  }
  if (literal && literal.range !== "unicast")
    return {
      ok: false,
      reason: `${literal.canonical} is in the ${RANGE_NAMES[literal.range] ?? "special-purpose"} range: only public hosts receive webhooks`,
    };
  if (url.protocol !== "https:")
    return {
      ok: false,
      reason: rules.localDev
        ? "Use an https:// URL (http:// only for localhost)"
        : "Use an https:// URL",
    };
  return { ok: true, url };
}
