// Rollup of credited leads per model × month × campaign × channel × asset: the weights for spreading campaign spend.
import { sqliteTable, text, integer, real, primaryKey } from "drizzle-orm/sqlite-core";
import { ATTRIBUTION_MODELS } from "./attributed-daily";

/**
 * Written by the touch-credit sweep next to attributed_daily. A month per row keeps a year of a
 * campaign to ~12 rows per asset, so spreading a year of daily campaign spend reads thousands of
 * rows, not the hundreds of thousands of daily cells.
 */
export const campaignMonthly = sqliteTable(
  "campaign_monthly",
  {
    model: text("model", { enum: ATTRIBUTION_MODELS }).notNull(),
    month: text("month").notNull(), // YYYY-MM, UTC, of the lead's creation
    campaign: text("campaign").notNull(),
    channel: text("channel").notNull(),
    assetId: integer("asset_id").notNull(),
    leads: real("leads").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.model, t.month, t.campaign, t.channel, t.assetId] })],
);
