// What a platform's campaign is tied to, saved at import so the next import of the same campaign meets the same leads.
import { sqliteTable, text, integer, primaryKey } from "drizzle-orm/sqlite-core";

export const spendCampaignMappings = sqliteTable(
  "spend_campaign_mappings",
  {
    /** The platform and account as the import saw them ("" for a generic file or no account). */
    platform: text("platform").notNull().default(""),
    account: text("account").notNull().default(""),
    /** The platform's campaign name as spend meets it (src/domain/utm.ts matchKey). */
    campaignKey: text("campaign_key").notNull(),
    /** The utm_campaign of the leads it paid for, and/or the asset they came through. */
    utmCampaign: text("utm_campaign"),
    assetId: integer("asset_id"),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.account, t.campaignKey] })],
);
