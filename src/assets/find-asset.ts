// Reading assets and their course sessions for the public pages.
import { and, asc, eq, gte } from "drizzle-orm";
import type { Db } from "../env";
import { assets, courseSessions, type Asset, type CourseSession } from "../db/schema";

export async function findPublishedAsset(db: Db, slug: string): Promise<Asset | null> {
  if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(slug)) return null;
  const asset = await db.query.assets.findFirst({ where: and(eq(assets.slug, slug), eq(assets.status, "published")) });
  return asset ?? null;
}

export async function findAssetById(db: Db, id: number): Promise<Asset | null> {
  return (await db.query.assets.findFirst({ where: eq(assets.id, id) })) ?? null;
}

/** The next session that has not ended yet (a course's thank-you page and reminders use it). */
export async function upcomingSession(db: Db, assetId: number, now: number): Promise<CourseSession | null> {
  const session = await db.query.courseSessions.findFirst({
    where: and(eq(courseSessions.assetId, assetId), gte(courseSessions.startsAt, now - 3 * 3600_000)),
    orderBy: asc(courseSessions.startsAt),
  });
  return session ?? null;
}
