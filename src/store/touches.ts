// Touches as sales sees them: each visit that brought the lead to an asset, with the asset's slug and title.
import { sql, type SQL } from "drizzle-orm";
import type { Asset, Touch } from "../db/schema";

/** A lead's touches, first first, with their asset (raw: aliased for a raw batch). */
export function touchesWithAssetStatement(leadId: number): SQL {
  return sql`SELECT t.id, t.at, t.asset_id AS "assetId", a.slug, a.title, t.channel, t.utm_source AS "utmSource", t.utm_medium AS "utmMedium", t.utm_campaign AS "utmCampaign",
    t.referrer_host AS "referrerHost", t.country FROM touches t JOIN assets a ON a.id = t.asset_id WHERE t.lead_id = ${leadId} ORDER BY t.id`;
}
export type TouchWithAsset = Pick<Touch, "id" | "at" | "assetId" | "channel" | "utmSource" | "utmMedium" | "utmCampaign" | "referrerHost" | "country"> & Pick<Asset, "slug" | "title">;
