// Rollup of conversions credited to asset × day × channel × campaign under each attribution model.
import { sqliteTable, text, integer, real, primaryKey, index } from "drizzle-orm/sqlite-core";
import { ATTRIBUTION_MODELS, type AttributionModel } from "../../domain/vocabulary";

export { ATTRIBUTION_MODELS, type AttributionModel };

export const attributedDaily = sqliteTable(
  "attributed_daily",
  {
    model: text("model", { enum: ATTRIBUTION_MODELS }).notNull(),
    assetId: integer("asset_id").notNull(),
    day: text("day").notNull(),
    channel: text("channel").notNull(),
    campaign: text("campaign").notNull().default(""),
    leads: real("leads").notNull().default(0),
    mqls: real("mqls").notNull().default(0),
    accepted: real("accepted").notNull().default(0),
    won: real("won").notNull().default(0),
    revenueMinor: real("revenue_minor").notNull().default(0),
    /** Lead→MQL latency histogram: JSON object bucket → credited MQLs (see src/reports/latency.ts). */
    mqlHist: text("mql_hist").notNull().default("{}"),
  },
  (t) => [
    primaryKey({ columns: [t.model, t.assetId, t.day, t.channel, t.campaign] }),
    // Spreading a campaign's spend reads only that campaign's cells.
    index("attributed_daily_campaign").on(t.model, t.campaign, t.day),
  ],
);
