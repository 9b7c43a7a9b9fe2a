// Enrolling a lead who passed an asset's gate: once per sequence, never for a suppressed address.
import { sql } from "drizzle-orm";
import type { Db } from "../../env";
import type { Asset, SendWindow } from "../../db/schema";
import { emailHash } from "../../domain/email-address";
import { stepDueAt } from "./schedule";
import { windowTimeZone } from "./lead-time-zone";

export type EnrolResult =
  | { enrolled: true; enrolmentId: number; status: "active" | "pending_optin"; nextDueAt: number }
  | { enrolled: false; reason: "no_sequence" | "empty_sequence" | "already_enrolled_or_suppressed" | "unknown_lead" };

interface EnrolFacts {
  email: string;
  country: string | null;
  erased_at: number | null;
  anchor: "enrolment" | "session_start" | null;
  delay_minutes: number | null;
  send_window: string | null;
  session_id: number | null;
  starts_at: number | null;
}

/** Two statements: one indexed read of the lead, first step and next session; one guarded insert. */
export async function enrolLead(db: Db, asset: Asset, leadId: number, now: number): Promise<EnrolResult> {
  if (!asset.sequenceId) return { enrolled: false, reason: "no_sequence" };
  const [facts] = await db.all<EnrolFacts>(sql`
    SELECT l.email, l.country, l.erased_at, st.anchor, st.delay_minutes, st.send_window, cs.id AS session_id, cs.starts_at
    FROM leads l
    LEFT JOIN sequence_steps st ON st.sequence_id = ${asset.sequenceId} AND st.position = 1
    LEFT JOIN course_sessions cs ON cs.id = (
      SELECT id FROM course_sessions WHERE asset_id = ${asset.id} AND starts_at > ${now} ORDER BY starts_at LIMIT 1)
    WHERE l.id = ${leadId}`);
  if (!facts || facts.erased_at !== null) return { enrolled: false, reason: "unknown_lead" };
  if (facts.anchor === null) return { enrolled: false, reason: "empty_sequence" };

  const window = facts.send_window ? (JSON.parse(facts.send_window) as SendWindow) : null;
  const clock = { startedAt: now, sessionStartsAt: facts.starts_at, timeZone: windowTimeZone(window?.timezone ?? "asset", facts.country, asset.timezone) };
  // Double opt-in first sends the confirmation (position 0) right away; the drip waits for the click.
  const optin = asset.doubleOptIn;
  const status = optin ? "pending_optin" : "active";
  const position = optin ? 0 : 1;
  // A step counting from a session the lead has none of is due now, so the cron records why it is skipped.
  const due = optin ? now : (stepDueAt({ anchor: facts.anchor, delayMinutes: facts.delay_minutes!, sendWindow: window }, clock) ?? now);

  const inserted = await db.all<{ id: number }>(sql`
    INSERT INTO enrolments (lead_id, sequence_id, asset_id, status, next_position, next_due_at, session_id, started_at, created_at, updated_at)
    SELECT ${leadId}, ${asset.sequenceId}, ${asset.id}, ${status}, ${position}, ${due}, ${facts.session_id}, ${now}, ${now}, ${now}
    WHERE NOT EXISTS (SELECT 1 FROM suppressions WHERE email_hash = ${await emailHash(facts.email)})
    ON CONFLICT (lead_id, sequence_id) DO NOTHING
    RETURNING id`);
  if (inserted[0]) return { enrolled: true, enrolmentId: inserted[0].id, status, nextDueAt: due };
  // Telling the two apart would cost another read on every repeat capture, and no caller needs it.
  return { enrolled: false, reason: "already_enrolled_or_suppressed" };
}
