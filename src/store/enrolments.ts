// Enrolments: one lead on one sequence, where it stands and when its next step is due (the cron's due index).
import type { EmailHashes } from "../domain/email-address";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../env";
import type { CourseSession, EnrolmentStatus, Lead, SendWindow, SequenceStep } from "../db/schema";
import { statement } from "./batch";

/** What enrolling needs in one indexed read: the lead, the sequence's first step and the asset's next session. */
type EnrolmentStart = Pick<Lead, "email" | "country" | "erasedAt"> & {
  anchor: SequenceStep["anchor"] | null;
  delayMinutes: SequenceStep["delayMinutes"] | null;
  sendWindow: SendWindow | null;
  sessionId: CourseSession["id"] | null;
  startsAt: CourseSession["startsAt"] | null;
};

export async function enrolmentStart(
  db: Db,
  q: { leadId: number; sequenceId: number; assetId: number; now: number; sessionId: number | null },
): Promise<EnrolmentStart | undefined> {
  // Raw: two LEFT JOINs, one on the session the lead picked (else the next scheduled one), in a single read.
  const [row] = await db.all<
    Omit<EnrolmentStart, "sendWindow"> & { sendWindow: string | null }
  >(sql`
    SELECT l.email, l.country, l.erased_at AS "erasedAt", st.anchor, st.delay_minutes AS "delayMinutes", st.send_window AS "sendWindow",
      cs.id AS "sessionId", cs.starts_at AS "startsAt"
    FROM leads l
    LEFT JOIN sequence_steps st ON st.sequence_id = ${q.sequenceId} AND st.position = 1
    LEFT JOIN course_sessions cs ON cs.id = coalesce(${q.sessionId}, (
      SELECT id FROM course_sessions WHERE asset_id = ${q.assetId} AND starts_at > ${q.now} AND status = 'scheduled' ORDER BY starts_at LIMIT 1))
    WHERE l.id = ${q.leadId}`);
  return (
    row && {
      ...row,
      sendWindow: row.sendWindow ? (JSON.parse(row.sendWindow) as SendWindow) : null,
    }
  );
}

interface NewEnrolment {
  leadId: number;
  sequenceId: number;
  assetId: number;
  status: Extract<EnrolmentStatus, "active" | "pending_optin">;
  nextPosition: number;
  nextDueAt: number;
  sessionId: number | null;
  now: number;
}

/** Enrols once per (lead, sequence) and never a suppressed address; the new id, or none when either stopped it. */
export async function enrolUnlessSuppressed(
  db: Db,
  e: NewEnrolment,
  hashes: EmailHashes,
): Promise<number | null> {
  // Raw: INSERT…SELECT guarded by NOT EXISTS on suppressions, with ON CONFLICT DO NOTHING.
  const inserted = await db.all<{ id: number }>(sql`
    INSERT INTO enrolments (lead_id, sequence_id, asset_id, status, next_position, next_due_at, session_id, started_at, created_at, updated_at)
    SELECT ${e.leadId}, ${e.sequenceId}, ${e.assetId}, ${e.status}, ${e.nextPosition}, ${e.nextDueAt}, ${e.sessionId}, ${e.now}, ${e.now}, ${e.now}
    WHERE NOT EXISTS (SELECT 1 FROM suppressions WHERE email_hash IN (${hashes.keyed}, ${hashes.legacy}))
    ON CONFLICT (lead_id, sequence_id) DO NOTHING
    RETURNING id`);
  return inserted[0]?.id ?? null;
}

/** What confirming a double opt-in needs: the enrolment, its lead's country, the asset's timezone, step one, the session. */
type OptinFacts = {
  status: EnrolmentStatus;
  leadId: number;
  assetId: number;
  country: Lead["country"];
  assetTz: string;
  anchor: SequenceStep["anchor"] | null;
  delayMinutes: SequenceStep["delayMinutes"] | null;
  sendWindow: SendWindow | null;
  startsAt: CourseSession["startsAt"] | null;
};

export async function optinFacts(db: Db, enrolmentId: number): Promise<OptinFacts | undefined> {
  // Raw: a five-table join in one read.
  const [row] = await db.all<Omit<OptinFacts, "sendWindow"> & { sendWindow: string | null }>(sql`
    SELECT e.status, e.lead_id AS "leadId", e.asset_id AS "assetId", l.country, a.timezone AS "assetTz", st.anchor,
      st.delay_minutes AS "delayMinutes", st.send_window AS "sendWindow", cs.starts_at AS "startsAt"
    FROM enrolments e JOIN leads l ON l.id = e.lead_id JOIN assets a ON a.id = e.asset_id
    LEFT JOIN sequence_steps st ON st.sequence_id = e.sequence_id AND st.position = 1
    LEFT JOIN course_sessions cs ON cs.id = e.session_id
    WHERE e.id = ${enrolmentId}`);
  return (
    row && {
      ...row,
      sendWindow: row.sendWindow ? (JSON.parse(row.sendWindow) as SendWindow) : null,
    }
  );
}

/** Starts the drip at step one (`due` null: nothing to send, completed); only while the opt-in is still pending. */
export function startConfirmedEnrolment(enrolmentId: number, due: number | null, now: number): SQL {
  // Raw: a batch statement (store/batch takes SQL), guarded on the pending status.
  return sql`
      UPDATE enrolments SET status = ${due === null ? "completed" : "active"}, next_position = 1, next_due_at = ${due}, started_at = ${now}, updated_at = ${now}
      WHERE id = ${enrolmentId} AND status = 'pending_optin'`;
}

/** Stops every live enrolment of the lead (unsubscribed, bounced, complained). */
export function stopLeadEnrolments(leadId: number, reason: string, now: number): SQL {
  // Raw: a batch statement (store/batch takes SQL) that goes with the suppression.
  return sql`
      UPDATE enrolments SET status = 'stopped', stopped_reason = ${reason}, next_due_at = NULL, updated_at = ${now}
      WHERE lead_id = ${leadId} AND status IN ('active', 'pending_optin')`;
}

/** One due enrolment as the tick reads it: the enrolment, its lead, its step now and its step after. */
export interface DueEnrolment {
  id: number;
  lead_id: number;
  asset_id: number;
  status: EnrolmentStatus;
  next_position: number;
  next_due_at: number;
  started_at: number;
  country: string | null;
  stage: string;
  asset_tz: string;
  session_starts_at: number | null;
  step_id: number | null;
  step_anchor: "enrolment" | "session_start" | null;
  step_delay: number | null;
  conditions: string | null;
  next_anchor: "enrolment" | "session_start" | null;
  next_delay: number | null;
  next_window: string | null;
  downloaded: number;
  clicked: number;
  attendance: "attended" | "no_show" | null;
}

/** Up to `limit` enrolments due by `now`, through the partial due index (with D1's row meters). */
export function dueEnrolments(db: Db, now: number, limit: number): Promise<D1Result<DueEnrolment>> {
  // Raw: a subquery on the partial index, joins, and condition checks only where a step asks for them.
  return statement(
    db.$client,
    sql`
  SELECT e.id, e.lead_id, e.asset_id, e.status, e.next_position, e.next_due_at, e.started_at,
    l.country, l.stage, a.timezone AS asset_tz, cs.starts_at AS session_starts_at,
    st.id AS step_id, st.anchor AS step_anchor, st.delay_minutes AS step_delay, st.conditions,
    nx.anchor AS next_anchor, nx.delay_minutes AS next_delay, nx.send_window AS next_window,
    CASE WHEN json_extract(st.conditions, '$.skipIfDownloaded') THEN
      EXISTS (SELECT 1 FROM events ev WHERE ev.lead_id = e.lead_id AND ev.type = 'downloaded' AND ev.asset_id = e.asset_id) ELSE 0 END AS downloaded,
    CASE WHEN json_extract(st.conditions, '$.skipIfClicked') THEN
      EXISTS (SELECT 1 FROM sends s WHERE s.enrolment_id = e.id AND s.clicked_at IS NOT NULL) ELSE 0 END AS clicked,
    (SELECT r.attendance FROM session_registrations r WHERE r.session_id = e.session_id AND r.lead_id = e.lead_id) AS attendance
  FROM (SELECT * FROM enrolments WHERE next_due_at IS NOT NULL AND next_due_at <= ${now} ORDER BY next_due_at LIMIT ${limit}) e
  JOIN leads l ON l.id = e.lead_id
  JOIN assets a ON a.id = e.asset_id
  LEFT JOIN course_sessions cs ON cs.id = e.session_id
  LEFT JOIN sequence_steps st ON st.sequence_id = e.sequence_id AND st.position = e.next_position
  LEFT JOIN sequence_steps nx ON nx.sequence_id = e.sequence_id AND nx.position = e.next_position + 1`,
  ).all<DueEnrolment>();
}

/** Where a tick moves an enrolment: from the position and due time it read (op, od) to p, d and status s. */
interface EnrolmentAdvance {
  e: number;
  op: number;
  od: number;
  p: number;
  d: number | null;
  s: EnrolmentStatus;
}

export function advanceEnrolments(advances: EnrolmentAdvance[], now: number): SQL {
  // Raw: UPDATE…FROM json_each; the guard on the position and due time read makes overlapping ticks advance once.
  return sql`
  UPDATE enrolments SET next_position = j.value ->> 'p', next_due_at = j.value ->> 'd', status = j.value ->> 's', updated_at = ${now}
  FROM json_each(${JSON.stringify(advances)}) j
  WHERE enrolments.id = j.value ->> 'e' AND enrolments.next_position = j.value ->> 'op' AND enrolments.next_due_at = j.value ->> 'od'`;
}

/** Puts enrolments back on the steps whose sends were undone (st 0: the opt-in confirmation), due now. */
export function rewindEnrolments(rows: { s: number; e: number; st: number }[], now: number): SQL {
  // Raw: UPDATE…FROM json_each, the position looked up per step.
  return sql`
          UPDATE enrolments SET next_position = CASE WHEN j.value ->> 'st' = 0 THEN 0 ELSE (SELECT position FROM sequence_steps WHERE id = j.value ->> 'st') END,
            next_due_at = ${now}, status = CASE WHEN j.value ->> 'st' = 0 THEN 'pending_optin' ELSE 'active' END, updated_at = ${now}
          FROM json_each(${JSON.stringify(rows)}) j WHERE enrolments.id = j.value ->> 'e'`;
}

/** Erasure stops every enrolment of the person that is not stopped yet (completed ones too). */
export function stopEnrolmentsOfErasedLead(leadId: number): SQL {
  return sql`UPDATE enrolments SET status = 'stopped', stopped_reason = 'erased', next_due_at = NULL WHERE lead_id = ${leadId} AND status != 'stopped'`;
}

export function enrolmentsOfLeadAsStored(leadId: number): SQL {
  return sql`SELECT * FROM enrolments WHERE lead_id = ${leadId} ORDER BY id`;
}

/** The lead's enrolments with their sequence's name, for the lead page and API (raw: aliased for a raw batch). */
export function enrolmentsOfLeadStatement(leadId: number): SQL {
  return sql`SELECT e.sequence_id AS "sequenceId", s.name AS "sequenceName", e.asset_id AS "assetId", e.status,
    e.next_due_at AS "nextDueAt", e.stopped_reason AS "stoppedReason"
    FROM enrolments e JOIN sequences s ON s.id = e.sequence_id WHERE e.lead_id = ${leadId} ORDER BY e.id`;
}

/** The sequences the assets a lead came through start today, with when they last came through each. */
export function sequencesOfferedToLeadStatement(leadId: number): SQL {
  return sql`SELECT a.sequence_id AS "sequenceId", s.name AS "sequenceName", a.id AS "assetId", max(t.at) AS "lastTouchAt"
    FROM touches t JOIN assets a ON a.id = t.asset_id JOIN sequences s ON s.id = a.sequence_id
    WHERE t.lead_id = ${leadId} GROUP BY a.id`;
}

/** A session's active enrolment of one of these leads, with the step it waits for (a reschedule recomputes it). */
export interface SessionEnrolment {
  id: number;
  startedAt: number;
  country: string | null;
  assetTz: string;
  anchor: SequenceStep["anchor"];
  delayMinutes: number;
  sendWindow: string | null;
}

export function sessionEnrolmentsOf(db: Db, sessionId: number, leadIds: number[]) {
  // Raw: a four-table join over a json_each lead list, aliased to the shape above.
  return db.all<SessionEnrolment>(sql`
    SELECT e.id, e.started_at AS "startedAt", l.country, a.timezone AS "assetTz", st.anchor,
      st.delay_minutes AS "delayMinutes", st.send_window AS "sendWindow"
    FROM enrolments e JOIN leads l ON l.id = e.lead_id JOIN assets a ON a.id = e.asset_id
    JOIN sequence_steps st ON st.sequence_id = e.sequence_id AND st.position = e.next_position
    WHERE e.session_id = ${sessionId} AND e.status = 'active' AND e.next_due_at IS NOT NULL
      AND e.lead_id IN (SELECT value FROM json_each(${JSON.stringify(leadIds)}))`);
}

/** New due times for active enrolments (a moved session's reminders). */
export function moveEnrolmentsDue(moves: { e: number; d: number }[], now: number): SQL {
  // Raw: UPDATE…FROM json_each; a stopped or finished enrolment is left alone.
  return sql`UPDATE enrolments SET next_due_at = j.value ->> 'd', updated_at = ${now}
    FROM json_each(${JSON.stringify(moves)}) j WHERE enrolments.id = j.value ->> 'e' AND enrolments.status = 'active'`;
}

/** A cancelled session's enrolments of these leads stop: no reminder, no replay of a class that never ran. */
export function stopSessionEnrolments(sessionId: number, leadIds: number[], now: number): SQL {
  return sql`UPDATE enrolments SET status = 'stopped', stopped_reason = 'session_cancelled', next_due_at = NULL, updated_at = ${now}
    WHERE session_id = ${sessionId} AND status IN ('active', 'pending_optin')
      AND lead_id IN (SELECT value FROM json_each(${JSON.stringify(leadIds)}))`;
}
