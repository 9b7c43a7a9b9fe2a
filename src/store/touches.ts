// Touches: where each gate submission came from (UTM five, referrer, share code, channel), as the gate writes them and reports, the sweep and sales read them.
import { sql, type SQL, desc, eq } from "drizzle-orm";
import type { Db } from "../env";
import { assets, touches, type Touch, type Asset } from "../db/schema";
import { capturedLeadFrom } from "./captured-lead";

/** How many touches (a, b] there are, counted only while `guard` holds (rows: { n }). Raw: the guard is a SQL condition. */
export function countTouchesBetween(a: number, b: number, guard: SQL): SQL {
  return sql`SELECT count(*) AS n FROM touches WHERE id > ${a} AND id <= ${b} AND ${guard}`;
}

type CaptureTouchValues = Pick<
  Touch,
  | "assetId"
  | "at"
  | "utmSource"
  | "utmMedium"
  | "utmCampaign"
  | "utmTerm"
  | "utmContent"
  | "referrerHost"
  | "refCode"
  | "referrerLeadId"
  | "country"
  | "landingUrl"
  | "channel"
  | "consentMarketing"
  | "consentMode"
  | "consentVersion"
  | "consentPrivacy"
  | "consentTextHash"
  | "consentIpHash"
  | "gclid"
  | "msclkid"
  | "fbclid"
  | "fbc"
  | "clickIds"
>;

/** The touch of the lead the same capture batch has just upserted (found by email, so no id round trip). */
export function insertCaptureTouch(email: string, t: CaptureTouchValues): SQL {
  // Raw: INSERT…SELECT from the lead upserted earlier in the batch.
  return sql`
      INSERT INTO touches (lead_id, asset_id, at, utm_source, utm_medium, utm_campaign, utm_term, utm_content,
        referrer_host, ref_code, referrer_lead_id, country, landing_url, channel,
        consent_marketing, consent_mode, consent_version, consent_privacy, consent_text_hash, consent_ip_hash,
        gclid, msclkid, fbclid, fbc, click_ids)
      SELECT id, ${t.assetId}, ${t.at}, ${t.utmSource}, ${t.utmMedium}, ${t.utmCampaign}, ${t.utmTerm}, ${t.utmContent},
        ${t.referrerHost}, ${t.refCode}, ${t.referrerLeadId}, ${t.country}, ${t.landingUrl}, ${t.channel},
        ${t.consentMarketing}, ${t.consentMode}, ${t.consentVersion}, ${t.consentPrivacy === null ? null : Number(t.consentPrivacy)},
        ${t.consentTextHash}, ${t.consentIpHash}, ${t.gclid}, ${t.msclkid}, ${t.fbclid}, ${t.fbc}, ${t.clickIds} ${capturedLeadFrom(email)}`;
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

/** A lead's touches, first first, with their asset (raw: aliased for a raw batch). */
export function touchesWithAssetStatement(leadId: number): SQL {
  return sql`SELECT t.id, t.at, t.asset_id AS "assetId", a.slug, a.title, t.channel, t.utm_source AS "utmSource", t.utm_medium AS "utmMedium", t.utm_campaign AS "utmCampaign",
    t.utm_term AS "utmTerm", t.utm_content AS "utmContent", t.referrer_host AS "referrerHost", t.country,
    t.gclid, t.msclkid, t.fbclid, t.fbc, t.click_ids AS "clickIds" FROM touches t JOIN assets a ON a.id = t.asset_id WHERE t.lead_id = ${leadId} ORDER BY t.id`;
}
export type TouchWithAsset = Pick<
  Touch,
  | "id"
  | "at"
  | "assetId"
  | "channel"
  | "utmSource"
  | "utmMedium"
  | "utmCampaign"
  | "utmTerm"
  | "utmContent"
  | "referrerHost"
  | "country"
  | "gclid"
  | "msclkid"
  | "fbclid"
  | "fbc"
  | "clickIds"
> &
  Pick<Asset, "slug" | "title">;

/**
 * Erasure keeps a touch's asset, channel and day (the counts) and drops what could identify the person,
 * click ids included: each names one person's ad click at the platform.
 */
export function scrubTouchesOfLead(leadId: number): SQL {
  return sql`UPDATE touches SET landing_url = NULL, utm_term = NULL, utm_content = NULL, country = NULL, consent_ip_hash = NULL,
    gclid = NULL, msclkid = NULL, fbclid = NULL, fbc = NULL, click_ids = NULL WHERE lead_id = ${leadId}`;
}

export function touchesOfLeadAsStored(leadId: number): SQL {
  return sql`SELECT * FROM touches WHERE lead_id = ${leadId} ORDER BY id`;
}

/** The consent record of each capture of a lead, newest first, with the words shown (raw: aliased for a raw batch). */
export function consentRecordsStatement(leadId: number, limit: number): SQL {
  return sql`SELECT t.id, t.at, t.asset_id AS "assetId", a.title AS "assetTitle", t.consent_marketing AS "marketing",
    t.consent_mode AS "mode", t.consent_version AS "version", t.consent_privacy AS "privacy", t.consent_text_hash AS "textHash",
    ct.text FROM touches t JOIN assets a ON a.id = t.asset_id LEFT JOIN consent_texts ct ON ct.hash = t.consent_text_hash
    WHERE t.lead_id = ${leadId} ORDER BY t.id DESC LIMIT ${limit}`;
}
export type ConsentRecordRow = {
  id: number;
  at: number;
  assetId: number;
  assetTitle: string;
  marketing: Touch["consentMarketing"];
  mode: Touch["consentMode"];
  version: string | null;
  privacy: number | null;
  textHash: string | null;
  text: string | null;
};

/** The assets a lead came through (for routing by asset): distinct ids, first touch first. */
export async function assetIdsOfLead(db: Db, leadId: number): Promise<number[]> {
  const rows = await db.all<{ assetId: number }>(
    sql`SELECT asset_id AS "assetId" FROM touches WHERE lead_id = ${leadId} GROUP BY asset_id ORDER BY min(id) LIMIT 100`,
  );
  return rows.map((r) => r.assetId);
}

/**
 * An imported lead's touch (channel `import`, the list's name as its campaign) with the import's consent
 * record, for the batch that upserts the lead by `email`.
 */
export function importTouch(t: {
  email: string;
  assetId: number;
  at: number;
  source: string;
  consent: "given" | "none";
  consentVersion: string | null;
  consentTextHash: string | null;
}): SQL {
  return sql`INSERT INTO touches (lead_id, asset_id, at, channel, utm_source, utm_medium, utm_campaign, consent_marketing, consent_version, consent_text_hash)
    SELECT id, ${t.assetId}, ${t.at}, 'import', 'import', 'import', ${t.source}, ${t.consent}, ${t.consentVersion}, ${t.consentTextHash}
    FROM leads WHERE email = ${t.email} AND erased_at IS NULL`;
}
