// The one writer of the event log (events): every row that says "this happened to a lead" is made here.
import { sql, type SQL } from "drizzle-orm";
import type { EventType, LeadEvent } from "../db/schema";

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
}): SQL {
  const type = typeof e.type === "string" ? sql`${e.type}` : e.type;
  const returning = e.returning ? sql` RETURNING ${e.returning}` : sql``;
  return sql`INSERT INTO events (lead_id, asset_id, type, at, data) SELECT ${e.leadId}, ${e.assetId ?? sql`NULL`}, ${type}, ${e.at}, ${e.data ?? sql`NULL`} ${e.from}${returning}`;
}

/**
 * A lead's latest events, newest first, for the timeline, with what it takes to say them in words:
 * the asset's title and, for an email's events, the send's step and template (raw: aliased for a raw
 * batch; data stays JSON text).
 */
export function timelineStatement(leadId: number, limit: number): SQL {
  return sql`SELECT e.id, e.type, e.at, e.asset_id AS "assetId", e.data, a.title AS "assetTitle",
      s.step_id AS "emailStepId", st.template AS "emailTemplate"
    FROM events e LEFT JOIN assets a ON a.id = e.asset_id
      LEFT JOIN sends s ON s.id = json_extract(e.data, '$.send_id') AND e.type LIKE 'email%'
      LEFT JOIN sequence_steps st ON st.id = s.step_id
    WHERE e.lead_id = ${leadId} ORDER BY e.at DESC, e.id DESC LIMIT ${limit}`;
}
export type TimelineEvent = Pick<LeadEvent, "id" | "type" | "at" | "assetId"> & {
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
