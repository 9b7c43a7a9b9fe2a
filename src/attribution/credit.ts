// Writing conversion credit into the attributed_daily rollup, for every attribution model at once.
import { sql, type SQL } from "drizzle-orm";
import { ATTRIBUTION_MODELS, type AttributionModel } from "../db/schema";
import { utcDay } from "../domain/calendar-day";

/** The rollup columns a conversion can credit. */
export type CreditMetric = "leads" | "mqls" | "accepted" | "won" | "revenue_minor";

const shareOf: Record<AttributionModel, SQL> = {
  first_touch: sql`CASE WHEN t.id = (SELECT min(id) FROM touches WHERE lead_id = t.lead_id) THEN 1.0 ELSE 0 END`,
  last_touch: sql`CASE WHEN t.id = (SELECT max(id) FROM touches WHERE lead_id = t.lead_id) THEN 1.0 ELSE 0 END`,
  linear: sql`1.0 / (SELECT count(*) FROM touches WHERE lead_id = t.lead_id)`,
};

/**
 * Statements (include them in the caller's D1 batch) that credit `value` of `metric` to the lead's
 * touches under each model, on the day of the conversion. The SQL mirrors `creditShares`.
 */
export function creditConversion(leadId: number, metric: CreditMetric, value: number, at: number): SQL[] {
  const column = sql.raw(metric);
  return ATTRIBUTION_MODELS.map(
    (model) => sql`
      INSERT INTO attributed_daily (model, asset_id, day, channel, campaign, ${column})
      SELECT ${model}, t.asset_id, ${utcDay(at)}, t.channel, coalesce(t.utm_campaign, ''), ${value} * ${shareOf[model]}
      FROM touches t WHERE t.lead_id = ${leadId} AND ${shareOf[model]} > 0
      ON CONFLICT (model, asset_id, day, channel, campaign) DO UPDATE SET ${column} = ${column} + excluded.${column}`,
  );
}
