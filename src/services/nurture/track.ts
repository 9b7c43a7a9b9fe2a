// Opens and clicks of a send, from our tracking links or Resend's: judged a person's or a machine's, then recorded.
import type { SQL } from "drizzle-orm";
import type { Db } from "../../env";
import { batch } from "../../store/batch";
import {
  markTracked,
  reclassifyClicksSince,
  trackedSendEvent,
  trackingFacts,
  type TrackedEvent,
} from "../../store/sends";
import {
  BURST_WINDOW_SECONDS,
  classifyTraffic,
  revealsEarlierClicks,
  type RequestSignals,
  type Verdict,
} from "../../domain/machine-traffic";

export type { RequestSignals };

export interface TrackedClick {
  sendId: number;
  /** The link clicked; null for the hidden link. */
  url: string | null;
  honeypot?: boolean;
  linksInMessage?: number | null;
}

/** What was recorded: the lead, the event (none for a repeated open) and the verdict. */
export interface Tracked {
  leadId: number;
  eventId: number | null;
  verdict: Verdict;
}

/** Where the event came from and anything else it carries (Resend's id). */
type Origin = { source: "lodestone" | "resend"; resendId?: string | null; sentAt?: number | null };

const reasonOf = (v: Verdict) => (v.by === "machine" ? v.reason : null);

/**
 * Judges one open or click (`at`: when it happened) and returns the statements that record it; the caller runs
 * them as one batch, the event first (its RETURNING row is the event's id and lead). Undefined for an unknown send.
 */
export async function trackStatements(
  db: Db,
  kind: "open" | "click",
  click: TrackedClick,
  signals: RequestSignals,
  origin: Origin,
  at: number,
): Promise<{ statements: SQL[]; leadId: number; verdict: Verdict } | undefined> {
  const since = at - BURST_WINDOW_SECONDS * 1000;
  const facts = await trackingFacts(db, click.sendId, since);
  if (!facts) return undefined;
  const sentAt = facts.sentAt ?? origin.sentAt ?? null;
  const verdict = classifyTraffic({
    kind,
    ...signals,
    secondsSinceSent: sentAt === null ? null : (at - sentAt) / 1000,
    honeypot: click.honeypot,
    url: click.url,
    recentClicks: facts.recentClicks.map((r) => ({ url: r.url, secondsAgo: (at - r.at) / 1000 })),
    honeypotRecently: facts.honeypotRecently,
    linksInMessage: click.linksInMessage ?? null,
  });
  const event: TrackedEvent = {
    type: kind === "open" ? "email_opened" : "email_clicked",
    at,
    machine: reasonOf(verdict),
    data: {
      source: origin.source,
      ...(origin.resendId ? { resend_id: origin.resendId } : {}),
      ...(click.url ? { url: click.url } : {}),
      ...(click.honeypot ? { honeypot: true } : {}),
    },
  };
  const statements = [trackedSendEvent(click.sendId, event), markTracked(click.sendId, event, at)];
  if (kind === "click" && verdict.by === "machine" && revealsEarlierClicks(verdict))
    statements.push(...reclassifyClicksSince(click.sendId, since, verdict.reason));
  return { statements, leadId: facts.leadId, verdict };
}

async function record(
  db: Db,
  kind: "open" | "click",
  click: TrackedClick,
  signals: RequestSignals,
  now: number,
): Promise<Tracked | null> {
  const judged = await trackStatements(db, kind, click, signals, { source: "lodestone" }, now);
  if (!judged) return null;
  const [inserted] = await batch<{ id: number }>(db, judged.statements);
  return {
    leadId: judged.leadId,
    eventId: inserted?.results[0]?.id ?? null,
    verdict: judged.verdict,
  };
}

/** Every click is an event; the send keeps the first by a person and the first by a machine apart. */
export const recordClick = (db: Db, click: TrackedClick, signals: RequestSignals, now: number) =>
  record(db, "click", click, signals, now);

/** Opens are noisy (mail proxies fetch images): only the first open by a person, and by a machine, is an event. */
export const recordOpen = (db: Db, sendId: number, signals: RequestSignals, now: number) =>
  record(db, "open", { sendId, url: null }, signals, now);
