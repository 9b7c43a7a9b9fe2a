// A touch is one gate submission with where it came from: UTM five, referrer, referral code, channel, click ids.
import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { id } from "./columns";
import {
  CHANNELS,
  type Channel,
  MARKETING_CONSENT_MODES,
  MARKETING_CONSENT_STATES,
} from "../../domain/vocabulary";

export { CHANNELS, type Channel };

export const touches = sqliteTable(
  "touches",
  {
    id: id(),
    leadId: integer("lead_id").notNull(),
    assetId: integer("asset_id").notNull(),
    at: integer("at").notNull(),
    utmSource: text("utm_source"),
    utmMedium: text("utm_medium"),
    utmCampaign: text("utm_campaign"),
    utmTerm: text("utm_term"),
    utmContent: text("utm_content"),
    referrerHost: text("referrer_host"),
    refCode: text("ref_code"),
    referrerLeadId: integer("referrer_lead_id"),
    country: text("country"),
    landingUrl: text("landing_url"),
    channel: text("channel", { enum: CHANNELS }).notNull(),
    // The consent record of this capture (a regulator's consent log is the lead's touches):
    /** What the capture said about marketing email. */
    consentMarketing: text("consent_marketing", { enum: MARKETING_CONSENT_STATES }),
    /** The mode the visitor was shown: the asset's, or `optional` where their law decides. */
    consentMode: text("consent_mode", { enum: MARKETING_CONSENT_MODES }),
    /** The marketer's version label of the consent words. */
    consentVersion: text("consent_version"),
    /** The privacy notice box: ticked (1), or null when the notice was shown as text without a box. */
    consentPrivacy: integer("consent_privacy", { mode: "boolean" }),
    /** consent_texts.hash: the exact words shown. */
    consentTextHash: text("consent_text_hash"),
    /** Keyed hash of the visitor's IP (src/domain/ip-hash.ts). */
    consentIpHash: text("consent_ip_hash"),
    // Ad platforms' click ids from the landing URL (src/domain/click-ids.ts), validated; erasure clears them.
    // The ones the offline conversion exports read have a column each, so an export reads no JSON.
    gclid: text("gclid"),
    msclkid: text("msclkid"),
    fbclid: text("fbclid"),
    /** Meta's `_fbc` cookie as sent (`fb.1.<ms>.<fbclid>`), when the visitor had one. */
    fbc: text("fbc"),
    /** The other click ids (gbraid, wbraid, li_fat_id, ttclid, bd_vid, clickid, gdt_vid) as one JSON object. */
    clickIds: text("click_ids"),
  },
  (t) => [index("touches_lead").on(t.leadId)],
);

export type Touch = typeof touches.$inferSelect;
