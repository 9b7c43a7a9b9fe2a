// Coarse rollup: one row per attribution model × asset × day, so per-asset reports read ~1 row per asset-day.
import { sqliteTable, text, integer, real, primaryKey } from "drizzle-orm/sqlite-core";
import { ATTRIBUTION_MODELS } from "./attributed-daily";

/**
 * Kept off the capture hot path: touches are rolled up by the touch-credit sweep, views by the view
 * consumer, conversions by creditConversion. Event counts (views, submissions, new_leads,
 * referral_leads) are the same in every model's row; credited figures differ per model.
 */
export const assetModelDaily = sqliteTable(
  "asset_model_daily",
  {
    model: text("model", { enum: ATTRIBUTION_MODELS }).notNull(),
    assetId: integer("asset_id").notNull(),
    day: text("day").notNull(),
    views: integer("views").notNull().default(0),
    submissions: integer("submissions").notNull().default(0),
    newLeads: integer("new_leads").notNull().default(0),
    referralLeads: integer("referral_leads").notNull().default(0),
    leads: real("leads").notNull().default(0),
    mqls: real("mqls").notNull().default(0),
    accepted: real("accepted").notNull().default(0),
    won: real("won").notNull().default(0),
    revenueMinor: real("revenue_minor").notNull().default(0),
    /** Lead→MQL latency histogram: JSON object bucket → credited MQLs (see src/reports/latency.ts). */
    mqlHist: text("mql_hist").notNull().default("{}"),
  },
  (t) => [primaryKey({ columns: [t.model, t.assetId, t.day] })],
);
