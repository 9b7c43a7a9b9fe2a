// Rollup: one row per asset × day × channel × campaign. Reports read this, never the raw events.
import { sqliteTable, text, integer, primaryKey } from "drizzle-orm/sqlite-core";

export const assetDaily = sqliteTable(
  "asset_daily",
  {
    assetId: integer("asset_id").notNull(),
    day: text("day").notNull(), // YYYY-MM-DD, UTC
    channel: text("channel").notNull(),
    campaign: text("campaign").notNull().default(""),
    views: integer("views").notNull().default(0),
    submissions: integer("submissions").notNull().default(0),
    newLeads: integer("new_leads").notNull().default(0),
    referralLeads: integer("referral_leads").notNull().default(0),
    downloads: integer("downloads").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.assetId, t.day, t.channel, t.campaign] })],
);
