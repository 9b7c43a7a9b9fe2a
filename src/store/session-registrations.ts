// Session registrations: who holds a seat in which course session, and whether they attended.
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../env";
import { batch } from "./batch";
import { recordEventsFrom } from "./events";
import { sessionRegistrations, type AttendanceMark, type SessionRegistration } from "../db/schema";

/**
 * Takes a seat only while the session is scheduled, not started and not full, in one statement. D1 runs each
 * statement alone against its single SQLite writer, so the count and the insert cannot interleave with another
 * sign-up: two visitors racing for the last seat get one seat and one refusal, never an overbooked session. The
 * unique (session, lead) index makes a double submit a no-op. Returns whether this call took the seat.
 */
export async function takeSeat(
  db: Db,
  q: { sessionId: number; leadId: number; now: number },
): Promise<boolean> {
  // Raw: INSERT…SELECT guarded by the session's state and a correlated seat count.
  const rows = await db.all<{ id: number }>(sql`
    INSERT INTO session_registrations (session_id, lead_id, created_at, updated_at)
    SELECT cs.id, ${q.leadId}, ${q.now}, ${q.now} FROM course_sessions cs
    WHERE cs.id = ${q.sessionId} AND cs.status = 'scheduled' AND cs.starts_at > ${q.now}
      AND (cs.capacity IS NULL OR (SELECT count(*) FROM session_registrations r WHERE r.session_id = cs.id) < cs.capacity)
    ON CONFLICT (session_id, lead_id) DO NOTHING
    RETURNING id`);
  return rows.length > 0;
}

export async function registrationOf(
  db: Db,
  sessionId: number,
  leadId: number,
): Promise<SessionRegistration | undefined> {
  return db.query.sessionRegistrations.findFirst({
    where: and(
      eq(sessionRegistrations.sessionId, sessionId),
      eq(sessionRegistrations.leadId, leadId),
    ),
  });
}

export async function isRegisteredByEmail(
  db: Db,
  sessionId: number,
  email: string,
): Promise<boolean> {
  const rows = await db.all(sql`
    SELECT 1 FROM session_registrations r JOIN leads l ON l.id = r.lead_id
    WHERE r.session_id = ${sessionId} AND l.email = ${email} LIMIT 1`);
  return rows.length > 0;
}

/** A registrant as a calendar update needs them. */
export interface Registrant {
  leadId: number;
  email: string;
  name: string | null;
  locale: string;
  erased: boolean;
  attendance: AttendanceMark | null;
}

/** Registrants after `afterLeadId`, in lead order: the bounded chunks a fan-out walks. */
export async function registrantsAfter(
  db: Db,
  sessionId: number,
  afterLeadId: number,
  limit: number,
): Promise<Registrant[]> {
  // Raw: a join aliased to the shape above.
  return db.all<Registrant>(sql`
    SELECT r.lead_id AS "leadId", l.email, l.name, l.locale, l.erased_at IS NOT NULL AS erased, r.attendance
    FROM session_registrations r JOIN leads l ON l.id = r.lead_id
    WHERE r.session_id = ${sessionId} AND r.lead_id > ${afterLeadId}
    ORDER BY r.lead_id LIMIT ${limit}`);
}

export async function registrantCount(db: Db, sessionId: number): Promise<number> {
  const [row] = await db.all<{ n: number }>(
    sql`SELECT count(*) AS n FROM session_registrations WHERE session_id = ${sessionId}`,
  );
  return row?.n ?? 0;
}

/** Every registrant's address (lower-cased) for matching an attendance file; sessions are hundreds, not millions. */
export async function registrantEmails(
  db: Db,
  sessionId: number,
): Promise<{ leadId: number; email: string; attendance: AttendanceMark | null }[]> {
  return db.all(sql`
    SELECT r.lead_id AS "leadId", lower(l.email) AS email, r.attendance
    FROM session_registrations r JOIN leads l ON l.id = r.lead_id
    WHERE r.session_id = ${sessionId} AND l.erased_at IS NULL LIMIT 10000`);
}

/**
 * Writes each registrant's mark with a session_attended event for each newly attended one, in one batch. A row already
 * so marked is left alone and gets no event, so a re-import writes nothing. Returns the leads newly attended.
 */
export async function markAttendance(
  db: Db,
  q: { sessionId: number; assetId: number },
  marks: { l: number; m: AttendanceMark; min: number | null }[],
  now: number,
): Promise<number[]> {
  if (!marks.length) return [];
  const list = JSON.stringify(marks);
  // Raw: INSERT…SELECT and UPDATE…FROM over json_each, both guarded on the mark already held (events first).
  const [, updated] = await batch<{ leadId: number; m: AttendanceMark }>(db, [
    recordEventsFrom({
      type: "session_attended",
      at: now,
      leadId: sql`r.lead_id`,
      assetId: sql`${q.assetId}`,
      data: sql`json_object('session_id', r.session_id, 'minutes', j.value ->> 'min')`,
      from: sql`FROM json_each(${list}) j JOIN session_registrations r
        ON r.session_id = ${q.sessionId} AND r.lead_id = j.value ->> 'l'
        WHERE j.value ->> 'm' = 'attended' AND r.attendance IS NOT 'attended'`,
    }),
    sql`
    UPDATE session_registrations SET attendance = j.value ->> 'm', attended_minutes = j.value ->> 'min', updated_at = ${now}
    FROM json_each(${list}) j
    WHERE session_registrations.session_id = ${q.sessionId} AND session_registrations.lead_id = j.value ->> 'l'
      AND session_registrations.attendance IS NOT j.value ->> 'm'
    RETURNING session_registrations.lead_id AS "leadId", session_registrations.attendance AS m`,
  ]);
  return updated!.results.filter((r) => r.m === "attended").map((r) => r.leadId);
}
