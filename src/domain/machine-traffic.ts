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
  userAgent: string | null;
  ip: string | null;
  /** HTTP method: a HEAD only checks that a link works. */
  method?: string;
  /** `Sec-Purpose` / `Purpose` header: browsers and proxies say `prefetch` when nobody asked for the page. */
  purpose?: string | null;
  /** Seconds from our handing the email to Resend to this request; null when not known. */
  secondsSinceSent: number | null;
  /** The hidden link that no person sees: only machines follow it. */
  honeypot?: boolean;
  /** Distinct links of the same message clicked in the last BURST_WINDOW_SECONDS, this one not counted. */
  recentDistinctLinks?: number;
  /** Whether the message's hidden link was followed in the last BURST_WINDOW_SECONDS. */
  honeypotRecently?: boolean;
  /** How many tracked links the message has (the hidden one not counted); null when not known. */
  linksInMessage?: number | null;
}

export type Verdict = { by: "human" } | { by: "machine"; reason: MachineReason };

/**
 * Nobody has read an email this soon after it was sent (delivery alone takes seconds): a gateway rendering it on
 * arrival, or a scanner following its links. Kept short for opens, where a person can be quick.
 */
export const TOO_SOON_SECONDS = { open: 2, click: 10 } as const;
/** Clicks on several links of one message within this many seconds are a scanner walking the message. */
export const BURST_WINDOW_SECONDS = 30;
/** A person does not open this many different links of one message within the window. */
export const BURST_DISTINCT_LINKS = 3;

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

function burstVerdict(s: TrafficSignals): Verdict | null {
  if (s.kind !== "click") return null;
  if (s.honeypotRecently) return machine("honeypot");
  const distinct = (s.recentDistinctLinks ?? 0) + 1;
  const all = (s.linksInMessage ?? 0) >= 2 && distinct >= s.linksInMessage!;
  return distinct >= BURST_DISTINCT_LINKS || (distinct >= 2 && all) ? machine("link_burst") : null;
}

/** The verdict on one open or click; the first rule that matches gives the reason. */
export function classifyTraffic(s: TrafficSignals): Verdict {
  if (s.honeypot) return machine("honeypot");
  if (s.method?.toUpperCase() === "HEAD" || /prefetch|preview/i.test(s.purpose ?? ""))
    return machine("prefetch");
  const byAgent = agentVerdict(s.kind, s.userAgent);
  if (byAgent) return byAgent;
  if (scannerNetworkOf(s.ip)) return machine("scanner_network");
  if (s.secondsSinceSent !== null && s.secondsSinceSent < TOO_SOON_SECONDS[s.kind])
    return machine("too_soon");
  return burstVerdict(s) ?? human;
}

/** A verdict that shows the clicks just before it were the same machine's (they are marked so too). */
export const revealsEarlierClicks = (v: Verdict): boolean =>
  v.by === "machine" && (v.reason === "honeypot" || v.reason === "link_burst");
