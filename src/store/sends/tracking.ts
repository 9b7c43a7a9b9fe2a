// Opens and clicks of a send, a person's or a machine's: what deciding which needs, and the ledger and events they write.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../env";
import type { MachineReason } from "../../db/schema";
import { markClicksSinceMachine, recordEventsFrom } from "../events";

/** What tells a person from a machine for one send: its lead, when it went out, and its clicks since `since`. */
export interface TrackingFacts {
  leadId: number;
  sentAt: number | null;
  /** This send's clicks since `since`, the hidden link not among them. */
  recentClicks: { url: string; at: number }[];
  /** Whether the send's hidden link was followed since `since`. */
  honeypotRecently: boolean;
}

export async function trackingFacts(
  db: Db,
  sendId: number,
  since: number,
): Promise<TrackingFacts | undefined> {
  // Raw: correlated subqueries over the lead's recent events, on the (lead_id, at) index.
  const [row] = await db.all<{
    leadId: number;
    sentAt: number | null;
    clicks: string;
    honeypot: number;
  }>(sql`
    SELECT s.lead_id AS "leadId", s.sent_at AS "sentAt",
      (SELECT json_group_array(json_object('url', e.data ->> 'url', 'at', e.at)) FROM events e
        WHERE e.lead_id = s.lead_id AND e.at >= ${since} AND e.type = 'email_clicked'
          AND e.data ->> 'send_id' = s.id AND e.data ->> 'url' IS NOT NULL) AS clicks,
      EXISTS (SELECT 1 FROM events e
        WHERE e.lead_id = s.lead_id AND e.at >= ${since} AND e.type = 'email_clicked'
          AND e.data ->> 'send_id' = s.id AND e.data ->> 'honeypot') AS honeypot
    FROM sends s WHERE s.id = ${sendId}`);
  if (!row) return undefined;
  return {
    leadId: row.leadId,
    sentAt: row.sentAt,
    recentClicks: JSON.parse(row.clicks) as { url: string; at: number }[],
    honeypotRecently: !!row.honeypot,
  };
}

/** One open or click of a send as it was judged: who made it and what it carries. */
export interface TrackedEvent {
  type: "email_opened" | "email_clicked";
  at: number;
  machine: MachineReason | null;
  /** Merged into the event's data after send_id and step_id (url, source, resend_id, honeypot …). */
  data: Record<string, unknown>;
}

/**
 * The event of an open or a click, RETURNING its id and lead. Only the first open of a send by a person, and the
 * first by a machine, is an event (opens are noisy); every click is one. Put it before `markTracked` in a batch.
 */
export function trackedSendEvent(sendId: number, e: TrackedEvent): SQL {
  const firstOpen = e.machine ? sql`machine_opened_at IS NULL` : sql`opened_at IS NULL`;
  const guard = e.type === "email_opened" ? sql` AND ${firstOpen}` : sql``;
  return recordEventsFrom({
    type: e.type,
    at: e.at,
    leadId: sql`lead_id`,
    assetId: sql`asset_id`,
    data: sql`json_patch(json_object('send_id', id, 'step_id', step_id), ${JSON.stringify(e.data)})`,
    from: sql`FROM sends WHERE id = ${sendId}${guard}`,
    returning: sql`id, lead_id`,
    machine: e.machine,
  });
}

/** The send's first open or click by a person, or by a machine, kept apart. */
export function markTracked(sendId: number, e: Pick<TrackedEvent, "type" | "machine">, at: number) {
  const column =
    e.type === "email_opened"
      ? e.machine
        ? sql`machine_opened_at`
        : sql`opened_at`
      : e.machine
        ? sql`machine_clicked_at`
        : sql`clicked_at`;
  // Raw: coalesce keeps the first time.
  return sql`UPDATE sends SET ${column} = coalesce(${column}, ${at}), updated_at = ${at} WHERE id = ${sendId}`;
}

/**
 * A scanner found out by a later click (its hidden link, a burst): the send's clicks since `since` become the
 * machine's, and a person's first click among them is moved to the machine's column.
 */
export function reclassifyClicksSince(sendId: number, since: number, reason: MachineReason): SQL[] {
  return [
    markClicksSinceMachine(sendId, since, reason),
    // Raw: both columns move in one guarded statement.
    sql`UPDATE sends SET machine_clicked_at = coalesce(machine_clicked_at, clicked_at), clicked_at = NULL
      WHERE id = ${sendId} AND clicked_at >= ${since}`,
  ];
}
