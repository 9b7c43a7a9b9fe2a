// Reading assets and their course sessions for the public pages, with a short per-isolate cache.
import type { Db } from "../../env";
import type { Asset, CourseSession } from "../../db/schema";
import { assetById, publishedAssetBySlug } from "../../store/assets";
import { firstSessionFrom } from "../../store/course-sessions";

/**
 * Published assets are read on every page view and gate submission, and change rarely: each isolate
 * keeps them for ASSET_CACHE_MS, which takes the only D1 read off the landing page. Edits made
 * through Lodestone call forgetAsset(); other isolates see an edit within ASSET_CACHE_MS.
 */
export const ASSET_CACHE_MS = 30_000;
const published = new Map<string, { asset: Asset; until: number }>();
const sessions = new Map<number, { session: CourseSession | null; until: number }>();

export function forgetAsset(): void {
  published.clear();
  sessions.clear();
}

export async function findPublishedAsset(
  db: Db,
  slug: string,
  now = Date.now(),
): Promise<Asset | null> {
  if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(slug)) return null;
  const hit = published.get(slug);
  if (hit && hit.until > now) return hit.asset;
  const asset = await publishedAssetBySlug(db, slug);
  if (asset) published.set(slug, { asset, until: now + ASSET_CACHE_MS });
  else published.delete(slug);
  return asset ?? null;
}

export async function findAssetById(db: Db, id: number): Promise<Asset | null> {
  return (await assetById(db, id)) ?? null;
}

/** The next session that has not ended yet (a course's thank-you page and reminders use it). */
export async function upcomingSession(
  db: Db,
  assetId: number,
  now: number,
): Promise<CourseSession | null> {
  const hit = sessions.get(assetId);
  if (hit && hit.until > now && (!hit.session || hit.session.startsAt >= now - 3 * 3600_000))
    return hit.session;
  const session = await firstSessionFrom(db, assetId, now - 3 * 3600_000);
  sessions.set(assetId, { session: session ?? null, until: now + ASSET_CACHE_MS });
  return session ?? null;
}
