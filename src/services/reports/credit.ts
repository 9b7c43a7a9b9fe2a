// Writing conversion credit into the attribution rollups, for every attribution model at once.
import { sql, type SQL } from "drizzle-orm";
import { ATTRIBUTION_MODELS, type AttributionModel } from "../../db/schema";
import { utcDay } from "../../domain/calendar-day";
import { bucketSql } from "./latency";

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
 * Each model's credit lands twice: in attributed_daily (asset × channel × campaign) and in the
 * per-asset asset_model_daily that asset-level reports read. An MQL also adds its lead→MQL latency
 * to the rows' histograms, so reports can show a median without reading leads.
 */
export function creditConversion(leadId: number, metric: CreditMetric, value: number, at: number): SQL[] {
  const column = sql.raw(metric);
  const day = utcDay(at);
  const isMql = metric === "mqls";
  const hist = isMql ? sql`json_object(CAST(${bucketSql(sql`${at} - (SELECT created_at FROM leads WHERE id = ${leadId})`)} AS TEXT), ${value} * share)` : sql`'{}'`;
  const histKey = sql`'$."' || (SELECT key FROM json_each(excluded.mql_hist)) || '"'`;
  const histUpdate = isMql ? sql`, mql_hist = json_set(mql_hist, ${histKey}, coalesce(json_extract(mql_hist, ${histKey}), 0) + excluded.mqls)` : sql``;
  return ATTRIBUTION_MODELS.flatMap((model) => [
    sql`
      INSERT INTO attributed_daily (model, asset_id, day, channel, campaign, ${column}, mql_hist)
      SELECT ${model}, asset_id, ${day}, channel, campaign, ${value} * share, ${hist}
      FROM (SELECT t.asset_id, t.channel, coalesce(t.utm_campaign, '') AS campaign, ${shareOf[model]} AS share FROM touches t WHERE t.lead_id = ${leadId})
      WHERE share > 0
      ON CONFLICT (model, asset_id, day, channel, campaign) DO UPDATE SET ${column} = ${column} + excluded.${column}${histUpdate}`,
    sql`
      INSERT INTO asset_model_daily (model, asset_id, day, ${column}, mql_hist)
      SELECT ${model}, asset_id, ${day}, ${value} * share, ${hist}
      FROM (SELECT t.asset_id, sum(${shareOf[model]}) AS share FROM touches t WHERE t.lead_id = ${leadId} GROUP BY t.asset_id)
      WHERE share > 0
      ON CONFLICT (model, asset_id, day) DO UPDATE SET ${column} = ${column} + excluded.${column}${histUpdate}`,
  ]);
}
