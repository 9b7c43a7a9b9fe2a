// Submissions and downloads counted into asset_daily as the gate and the download link see them.
import { sql, type SQL } from "drizzle-orm";
import { capturedLeadFrom } from "../captured-lead";

/** A submission on the captured lead's day, channel and campaign; new and referred leads count once. */
export function countCaptureSubmission(
  email: string,
  r: { assetId: number; day: string; channel: string; campaign: string },
): SQL {
  // Raw: an INSERT…SELECT upsert whose counts come from the lead row the batch just wrote.
  return sql`
      INSERT INTO asset_daily (asset_id, day, channel, campaign, submissions, new_leads, referral_leads)
      SELECT ${r.assetId}, ${r.day}, ${r.channel}, ${r.campaign}, 1, touch_count = 1, touch_count = 1 AND referred_by_lead_id IS NOT NULL ${capturedLeadFrom(email)}
      ON CONFLICT (asset_id, day, channel, campaign) DO UPDATE SET
        submissions = submissions + 1,
        new_leads = new_leads + excluded.new_leads,
        referral_leads = referral_leads + excluded.referral_leads`;
}

/** A download, credited to the channel and campaign of the lead's latest touch of this asset (none: not counted). */
export function countDownload(r: { assetId: number; day: string; leadId: number }): SQL {
  // Raw: an INSERT…SELECT upsert from the lead's latest touch.
  return sql`
        INSERT INTO asset_daily (asset_id, day, channel, campaign, downloads)
        SELECT ${r.assetId}, ${r.day}, t.channel, coalesce(t.utm_campaign, ''), 1 FROM touches t
        WHERE t.id = (SELECT max(id) FROM touches WHERE lead_id = ${r.leadId} AND asset_id = ${r.assetId})
        ON CONFLICT (asset_id, day, channel, campaign) DO UPDATE SET downloads = downloads + 1`;
}
