// The one writer of the event log (events): every row that says "this happened to a lead" is made here.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../env";
import type { EventType, LeadEvent, MachineReason } from "../db/schema";

/** One event from known values. `data` is stored as JSON text. */
export function recordEvent(e: {
  leadId: number;
  assetId?: number | null;
  type: EventType;
  at: number;
  data?: Record<string, unknown> | null;
}): SQL {
  const data = e.data == null ? null : JSON.stringify(e.data);
  return sql`INSERT INTO events (lead_id, asset_id, type, at, data) VALUES (${e.leadId}, ${e.assetId ?? null}, ${e.type}, ${e.at}, ${data})`;
}

/**
 * Events for every row a query selects, in one set-based statement (raw SQL: drizzle's insert…select
 * cannot take expressions such as json_object over the source rows). `select` names the source's lead
 * id, asset id and data expressions; `from` is the rest of the query (FROM … WHERE …).
 */
export function recordEventsFrom(e: {
  type: EventType | SQL;
  at: number;
  leadId: SQL;
  assetId: SQL | null;
  data: SQL | null;
  from: SQL;
  returning?: SQL;
  /** Why a machine did it; null or absent when a person did. */
  machine?: MachineReason | null;
}): SQL {
  const type = typeof e.type === "string" ? sql`${e.type}` : e.type;
  const returning = e.returning ? sql` RETURNING ${e.returning}` : sql``;
  return sql`INSERT INTO events (lead_id, asset_id, type, at, data, machine) SELECT ${e.leadId}, ${e.assetId ?? sql`NULL`}, ${type}, ${e.at}, ${e.data ?? sql`NULL`}, ${e.machine ?? null} ${e.from}${returning}`;
}

/**
 * A click that shows a scanner at work (its hidden link, a burst) marks the clicks of the same send since `since`
 * as the same machine's. Raw: the send's lead keeps it on the (lead_id, at) index; send_id lives in data.
 */
export function markClicksSinceMachine(sendId: number, since: number, reason: MachineReason): SQL {
  return sql`UPDATE events SET machine = ${reason}
    WHERE lead_id = (SELECT lead_id FROM sends WHERE id = ${sendId}) AND at >= ${since}
      AND type = 'email_clicked' AND machine IS NULL AND data ->> 'send_id' = ${sendId}`;
}

/** Which of these events a machine made (scoring skips them: a scanner's click may be found out after it). */
export async function machineEventIds(db: Db, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  // Raw: the ids travel as one JSON parameter (D1 binds at most 100 values).
  const rows = await db.all<{ id: number }>(
    sql`SELECT id FROM events WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)})) AND machine IS NOT NULL`,
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * A lead's latest events, newest first, for the timeline, with what it takes to say them in words:
 * the asset's title and, for an email's events, the send's step and template (raw: aliased for a raw
 * batch; data stays JSON text).
 */
export function timelineStatement(leadId: number, limit: number): SQL {
  return sql`SELECT e.id, e.type, e.at, e.asset_id AS "assetId", e.data, e.machine, a.title AS "assetTitle",
      s.step_id AS "emailStepId", st.template AS "emailTemplate"
    FROM events e LEFT JOIN assets a ON a.id = e.asset_id
      LEFT JOIN sends s ON s.id = json_extract(e.data, '$.send_id') AND e.type LIKE 'email%'
      LEFT JOIN sequence_steps st ON st.id = s.step_id
    WHERE e.lead_id = ${leadId} ORDER BY e.at DESC, e.id DESC LIMIT ${limit}`;
}
export type TimelineEvent = Pick<LeadEvent, "id" | "type" | "at" | "assetId" | "machine"> & {
  data: string | null;
  assetTitle: string | null;
  /** The email step of an email event's send (0: the double opt-in confirmation), and its template. */
  emailStepId: number | null;
  emailTemplate: string | null;
};

/** Erasure keeps the events (counts, timeline) without their data. */
export function scrubEventsOfLead(leadId: number): SQL {
  return sql`UPDATE events SET data = NULL WHERE lead_id = ${leadId}`;
}

export function eventsOfLeadAsStored(leadId: number): SQL {
  return sql`SELECT * FROM events WHERE lead_id = ${leadId} ORDER BY at, id`;
}

/** The timeline's record of a list import for the lead with `email`: the list and the consent basis stated. */
export function importedEvent(e: {
  email: string;
  assetId: number | null;
  at: number;
  data: { source: string; basis: string | null; consent_version: string | null };
}): SQL {
  return sql`INSERT INTO events (lead_id, asset_id, type, at, data) SELECT id, ${e.assetId}, 'imported', ${e.at}, ${JSON.stringify(e.data)}
    FROM leads WHERE email = ${e.email} AND erased_at IS NULL`;
}
