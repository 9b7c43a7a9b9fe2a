// Touches: where each gate submission came from (UTM five, referrer, share code, channel), and the reads the touch-credit sweep makes.
import { sql, type SQL, desc, eq } from "drizzle-orm";
import type { Db } from "../env";
import { assets, touches, type Touch } from "../db/schema";
import { capturedLeadFrom } from "./leads";

/** How many touches (a, b] there are, counted only while `guard` holds (rows: { n }). Raw: the guard is a SQL condition. */
export function countTouchesBetween(a: number, b: number, guard: SQL): SQL {
  return sql`SELECT count(*) AS n FROM touches WHERE id > ${a} AND id <= ${b} AND ${guard}`;
}

export type CaptureTouchValues = Pick<
  Touch,
  "assetId" | "at" | "utmSource" | "utmMedium" | "utmCampaign" | "utmTerm" | "utmContent" | "referrerHost" | "refCode" | "referrerLeadId" | "country" | "landingUrl" | "channel"
>;

/** The touch of the lead the same capture batch has just upserted (found by email, so no id round trip). */
export function insertCaptureTouch(email: string, t: CaptureTouchValues): SQL {
  // Raw: INSERT…SELECT from the lead upserted earlier in the batch.
  return sql`
      INSERT INTO touches (lead_id, asset_id, at, utm_source, utm_medium, utm_campaign, utm_term, utm_content,
        referrer_host, ref_code, referrer_lead_id, country, landing_url, channel)
      SELECT id, ${t.assetId}, ${t.at}, ${t.utmSource}, ${t.utmMedium}, ${t.utmCampaign}, ${t.utmTerm}, ${t.utmContent},
        ${t.referrerHost}, ${t.refCode}, ${t.referrerLeadId}, ${t.country}, ${t.landingUrl}, ${t.channel} ${capturedLeadFrom(email)}`;
}

/** The slug of the asset a lead most recently came through (a share link without a target goes there). */
export async function latestTouchedAssetSlug(db: Db, leadId: number): Promise<string | null> {
  const [latest] = await db
    .select({ slug: assets.slug })
    .from(touches)
    .innerJoin(assets, eq(assets.id, touches.assetId))
    .where(eq(touches.leadId, leadId))
    .orderBy(desc(touches.id))
    .limit(1);
  return latest?.slug ?? null;
}
