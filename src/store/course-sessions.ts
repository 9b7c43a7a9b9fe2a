// Course sessions: the live hours of a course asset (an open class, a trial lesson).
import { and, asc, desc, eq, gte } from "drizzle-orm";
import type { Db } from "../env";
import { courseSessions, type CourseSession } from "../db/schema";

/** The earliest session of the asset starting at or after `from`. */
export async function firstSessionFrom(
  db: Db,
  assetId: number,
  from: number,
): Promise<CourseSession | undefined> {
  return db.query.courseSessions.findFirst({
    where: and(eq(courseSessions.assetId, assetId), gte(courseSessions.startsAt, from)),
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

export async function insertCourseSession(
  db: Db,
  values: typeof courseSessions.$inferInsert,
): Promise<void> {
  await db.insert(courseSessions).values(values);
}
