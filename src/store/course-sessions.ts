// Course sessions: the live hours of a course asset (an open class, a trial lesson).
import { and, asc, desc, eq, gt, gte, sql } from "drizzle-orm";
import type { Db } from "../env";
import { courseSessions, enrolments, type CourseSession } from "../db/schema";

/** A session with how many seats are taken (and, in the dashboard's list, how many came). */
export type SessionWithCount = CourseSession & {
  registered: number;
  attended?: number;
  noShows?: number;
};

// Raw: a correlated count, the outer column named in full (drizzle would print a bare "id", which r has too).
const registered = sql<number>`(SELECT count(*) FROM session_registrations r WHERE r.session_id = "course_sessions"."id")`;

/** The session the lead's enrolment on this asset counts from (as its sends read it), if it has one. */
export async function enrolledSessionOf(
  db: Db,
  assetId: number,
  leadId: number,
): Promise<CourseSession | undefined> {
  const [row] = await db
    .select({ session: courseSessions })
    .from(enrolments)
    .innerJoin(courseSessions, eq(courseSessions.id, enrolments.sessionId))
    .where(and(eq(enrolments.leadId, leadId), eq(enrolments.assetId, assetId)))
    .orderBy(desc(enrolments.id))
    .limit(1);
  return row?.session;
}

/** The earliest scheduled session of the asset starting at or after `from`. */
export async function firstSessionFrom(
  db: Db,
  assetId: number,
  from: number,
): Promise<CourseSession | undefined> {
  return db.query.courseSessions.findFirst({
    where: and(
      eq(courseSessions.assetId, assetId),
      gte(courseSessions.startsAt, from),
      eq(courseSessions.status, "scheduled"),
    ),
    orderBy: asc(courseSessions.startsAt),
  });
}

/** The asset's latest-starting session. */
export async function latestSession(db: Db, assetId: number): Promise<CourseSession | undefined> {
  return db.query.courseSessions.findFirst({
    where: eq(courseSessions.assetId, assetId),
    orderBy: desc(courseSessions.startsAt),
  });
}

/** Every session of the asset, soonest first, with seats taken (the dashboard and the API list). */
export async function sessionsOfAsset(db: Db, assetId: number): Promise<SessionWithCount[]> {
  const marked = (mark: string) =>
    sql<number>`(SELECT count(*) FROM session_registrations r WHERE r.session_id = "course_sessions"."id" AND r.attendance = ${mark})`;
  return db
    .select({
      s: courseSessions,
      registered,
      attended: marked("attended"),
      noShows: marked("no_show"),
    })
    .from(courseSessions)
    .where(eq(courseSessions.assetId, assetId))
    .orderBy(asc(courseSessions.startsAt))
    .limit(500)
    .then((rows) =>
      rows.map((r) => ({
        ...r.s,
        registered: r.registered,
        attended: r.attended,
        noShows: r.noShows,
      })),
    );
}

/** Scheduled sessions that have not started: the ones a visitor may pick. */
export async function openSessionsOfAsset(
  db: Db,
  assetId: number,
  now: number,
): Promise<SessionWithCount[]> {
  return db
    .select({ s: courseSessions, registered })
    .from(courseSessions)
    .where(
      and(
        eq(courseSessions.assetId, assetId),
        eq(courseSessions.status, "scheduled"),
        gt(courseSessions.startsAt, now),
      ),
    )
    .orderBy(asc(courseSessions.startsAt))
    .limit(20)
    .then((rows) => rows.map((r) => ({ ...r.s, registered: r.registered })));
}

export async function sessionOfAsset(
  db: Db,
  assetId: number,
  sessionId: number,
): Promise<SessionWithCount | undefined> {
  const [row] = await db
    .select({ s: courseSessions, registered })
    .from(courseSessions)
    .where(and(eq(courseSessions.assetId, assetId), eq(courseSessions.id, sessionId)));
  return row && { ...row.s, registered: row.registered };
}

export async function sessionById(db: Db, sessionId: number): Promise<CourseSession | undefined> {
  return db.query.courseSessions.findFirst({ where: eq(courseSessions.id, sessionId) });
}

export async function insertCourseSession(
  db: Db,
  values: typeof courseSessions.$inferInsert,
): Promise<CourseSession> {
  const [row] = await db.insert(courseSessions).values(values).returning();
  return row!;
}

/** Writes a change; `bumpSequence` raises the calendar SEQUENCE (time or status changed). */
export async function updateCourseSession(
  db: Db,
  sessionId: number,
  patch: Partial<
    Pick<
      CourseSession,
      "startsAt" | "durationMinutes" | "timezone" | "joinUrl" | "capacity" | "status"
    >
  >,
  bumpSequence: boolean,
  now: number,
): Promise<CourseSession | undefined> {
  const [row] = await db
    .update(courseSessions)
    .set({
      ...patch,
      updatedAt: now,
      ...(bumpSequence ? { calendarSequence: sql`${courseSessions.calendarSequence} + 1` } : {}),
    })
    .where(eq(courseSessions.id, sessionId))
    .returning();
  return row;
}

/** A session nobody registered for leaves no trace to keep. */
export async function deleteCourseSession(db: Db, sessionId: number): Promise<void> {
  await db.delete(courseSessions).where(eq(courseSessions.id, sessionId));
}
