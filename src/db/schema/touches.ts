// A touch is one gate submission with where it came from: UTM five, referrer, referral code, channel.
import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { id } from "./columns";
import { CHANNELS, type Channel } from "../../domain/vocabulary";

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
  },
  (t) => [index("touches_lead").on(t.leadId)],
);

export type Touch = typeof touches.$inferSelect;
