// Rollup of credited leads per model × month × campaign × source × medium × channel × asset: the weights for
// spreading spend tied to a campaign, a UTM source/medium or a channel.
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
    /** The touch's utm_campaign as spend meets it (src/domain/utm.ts matchKey: trimmed, case-folded). */
    campaign: text("campaign").notNull(),
    /** utm_source and utm_medium the same way ("" for none). */
    source: text("source").notNull().default(""),
    medium: text("medium").notNull().default(""),
    channel: text("channel").notNull(),
    assetId: integer("asset_id").notNull(),
    leads: real("leads").notNull().default(0),
  },
  (t) => [
    primaryKey({
      columns: [t.model, t.month, t.campaign, t.source, t.medium, t.channel, t.assetId],
    }),
  ],
);
