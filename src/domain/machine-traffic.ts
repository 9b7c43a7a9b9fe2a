// Was an email open or click a person's or a machine's? Pure: the request's signals in, a verdict and its reason out.
import { isbot } from "isbot";
import type { MachineReason } from "./vocabulary";
import {
  MAIL_IMAGE_PROXY,
  OFFICE_LINK_CHECK,
  SCANNER_AGENT_WORDS,
  scannerNetworkOf,
} from "./machine-networks";

export type { MachineReason };

/** What a tracked request tells about who made it. */
export interface TrafficSignals {
  kind: "open" | "click";
  /** The User-Agent header; null or empty when the request had none, undefined when not known (Resend's opens). */
  userAgent?: string | null;
  ip: string | null;
  /** HTTP method: a HEAD only checks that a link works. */
  method?: string;
  /** `Sec-Purpose` / `Purpose` header: browsers and proxies say `prefetch` when nobody asked for the page. */
  purpose?: string | null;
  /** Seconds from our handing the email to Resend to this request; null when not known. */
  secondsSinceSent: number | null;
  /** The hidden link that no person sees: only machines follow it. */
  honeypot?: boolean;
  /** The message's earlier clicks in the last BURST_WINDOW_SECONDS (the hidden link not among them). */
  recentClicks?: { url: string; secondsAgo: number }[];
  /** Whether the message's hidden link was followed in the last BURST_WINDOW_SECONDS. */
  honeypotRecently?: boolean;
  /** The link clicked now. */
  url?: string | null;
  /** How many tracked links the message has (the hidden one not counted); null when not known. */
  linksInMessage?: number | null;
}

/** What a request says about who made it (the rest of TrafficSignals comes from the send). */
export type RequestSignals = Pick<TrafficSignals, "userAgent" | "ip" | "method" | "purpose">;

export type Verdict = { by: "human" } | { by: "machine"; reason: MachineReason };

/**
 * Nobody has read an email this soon after it was sent (delivery alone takes seconds): a gateway rendering it on
 * arrival, or a scanner following its links. Kept short for opens, where a person can be quick.
 */
export const TOO_SOON_SECONDS = { open: 2, click: 10 } as const;
/** A person does not open BURST_DISTINCT_LINKS different links of one message within this many seconds. */
export const BURST_WINDOW_SECONDS = 30;
export const BURST_DISTINCT_LINKS = 3;
/** Nor every link of a message (two or more) within this many: scanners walk them all at once. */
export const ALL_LINKS_WINDOW_SECONDS = 5;

const human: Verdict = { by: "human" };
const machine = (reason: MachineReason): Verdict => ({ by: "machine", reason });

function agentVerdict(kind: TrafficSignals["kind"], raw: string | null): Verdict | null {
  const ua = raw?.trim() ?? "";
  if (!ua) return machine("no_agent");
  // Apple Mail Privacy Protection's proxy sends exactly this, with no browser details; no browser does. Its address
  // says less: the fetches leave through iCloud Private Relay's egress, which people's own browsing shares.
  if (ua === "Mozilla/5.0") return machine(kind === "open" ? "apple_mpp" : "bot_agent");
  const lower = ua.toLowerCase();
  if (SCANNER_AGENT_WORDS.some((w) => lower.includes(w))) return machine("scanner_agent");
  if (kind === "click" && OFFICE_LINK_CHECK.test(ua)) return machine("scanner_agent");
  if (kind === "open" && (MAIL_IMAGE_PROXY.test(ua) || OFFICE_LINK_CHECK.test(ua))) return null;
  if (isbot(ua)) return machine("bot_agent");
  return null;
}

/** How many different links of the message were clicked within `seconds`, this click included. */
function distinctWithin(s: TrafficSignals, seconds: number): number {
  const urls = new Set(
    (s.recentClicks ?? []).filter((c) => c.secondsAgo <= seconds).map((c) => c.url),
  );
  if (s.url) urls.add(s.url);
  return urls.size;
}

function burstVerdict(s: TrafficSignals): Verdict | null {
  if (s.kind !== "click") return null;
  if (s.honeypotRecently) return machine("honeypot");
  if (distinctWithin(s, BURST_WINDOW_SECONDS) >= BURST_DISTINCT_LINKS) return machine("link_burst");
  const all = s.linksInMessage ?? 0;
  return all >= 2 && distinctWithin(s, ALL_LINKS_WINDOW_SECONDS) >= all
    ? machine("link_burst")
    : null;
}

/** The verdict on one open or click; the first rule that matches gives the reason. */
export function classifyTraffic(s: TrafficSignals): Verdict {
  if (s.honeypot) return machine("honeypot");
  if (s.method?.toUpperCase() === "HEAD" || /prefetch|preview/i.test(s.purpose ?? ""))
    return machine("prefetch");
  const byAgent = s.userAgent === undefined ? null : agentVerdict(s.kind, s.userAgent);
  if (byAgent) return byAgent;
  if (scannerNetworkOf(s.ip)) return machine("scanner_network");
  if (s.secondsSinceSent !== null && s.secondsSinceSent < TOO_SOON_SECONDS[s.kind])
    return machine("too_soon");
  return burstVerdict(s) ?? human;
}

/**
 * A gated download or course room opened from a link: nothing tells its timing, so only what the request itself
 * says (a scanner's agent or network, a bot, a prefetch) makes it a machine's. A missing agent proves nothing here:
 * the link is also on the thank-you page, for anyone's download tool.
 */
export const classifyVisit = (r: RequestSignals): Verdict =>
  classifyTraffic({
    kind: "click",
    ...r,
    userAgent: r.userAgent || undefined,
    secondsSinceSent: null,
  });

/** A verdict that shows the clicks just before it were the same machine's (they are marked so too). */
export const revealsEarlierClicks = (v: Verdict): boolean =>
  v.by === "machine" && (v.reason === "honeypot" || v.reason === "link_burst");
