// Crediting conversions and leads to touches in the attributed rollups, under every attribution model at once.
import { sql, type SQL } from "drizzle-orm";
import { ATTRIBUTION_MODELS, type AttributionModel } from "../../db/schema";
import { utcDay } from "../../domain/calendar-day";
import { EVERY_MODEL, bucketSql, dayOf } from "./shared";

// ---- Conversions (an MQL, an accepted or won deal, revenue), credited when they happen.

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
export function creditConversion(
  leadId: number,
  metric: CreditMetric,
  value: number,
  at: number,
): SQL[] {
  // Raw: INSERT…SELECT over the lead's touches, upserting `x = x + excluded.x` and json_set on the histogram.
  const column = sql.raw(metric);
  const day = utcDay(at);
  const isMql = metric === "mqls";
  const hist = isMql
    ? sql`json_object(CAST(${bucketSql(sql`${at} - (SELECT created_at FROM leads WHERE id = ${leadId})`)} AS TEXT), ${value} * share)`
    : sql`'{}'`;
  const histKey = sql`'$."' || (SELECT key FROM json_each(excluded.mql_hist)) || '"'`;
  const histUpdate = isMql
    ? sql`, mql_hist = json_set(mql_hist, ${histKey}, coalesce(json_extract(mql_hist, ${histKey}), 0) + excluded.mqls)`
    : sql``;
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

// ---- The touch-credit sweep: leads credited to their touches, off the capture hot path.

/** A lead's credit share for touch t, counting only the lead's touches with id <= k (mirrors creditShares). */
function shareUpTo(model: AttributionModel, k: number): SQL {
  switch (model) {
    case "first_touch":
      return sql`CASE WHEN t.id = (SELECT min(id) FROM touches WHERE lead_id = t.lead_id) THEN 1.0 ELSE 0 END`;
    case "last_touch":
      return sql`CASE WHEN t.id = (SELECT max(id) FROM touches WHERE lead_id = t.lead_id AND id <= ${k}) THEN 1.0 ELSE 0 END`;
    case "linear":
      return sql`1.0 / (SELECT count(*) FROM touches WHERE lead_id = t.lead_id AND id <= ${k})`;
  }
}

/**
 * The change in a lead's credit when touches (a, b] arrive: its shares over touches <= b minus its
 * shares over touches <= a. Applied once per touch range, these deltas telescope, so after every
 * sweep the rollups hold each lead's credit over all its touches, on the day the lead was created.
 */
function creditDelta(model: AttributionModel, a: number, b: number): SQL {
  const affected = sql`(SELECT DISTINCT lead_id FROM touches WHERE id > ${a} AND id <= ${b})`;
  // The spend-matching keys ride along (src/domain/utm.ts matchKey; touches are stored trimmed and collapsed).
  const keys = sql`lower(trim(coalesce(t.utm_campaign, ''))) AS campaign_key, lower(trim(coalesce(t.utm_source, ''))) AS source, lower(trim(coalesce(t.utm_medium, ''))) AS medium`;
  return sql`
    SELECT t.asset_id, t.channel, coalesce(t.utm_campaign, '') AS campaign, ${keys}, ${dayOf(sql`l.created_at`)} AS day, ${shareUpTo(model, b)} AS credit
    FROM touches t JOIN leads l ON l.id = t.lead_id WHERE t.lead_id IN ${affected} AND t.id <= ${b}
    UNION ALL
    SELECT t.asset_id, t.channel, coalesce(t.utm_campaign, ''), ${keys}, ${dayOf(sql`l.created_at`)}, -(${shareUpTo(model, a)})
    FROM touches t JOIN leads l ON l.id = t.lead_id WHERE t.lead_id IN ${affected} AND t.id <= ${a}`;
}

/** Credits touches (a, b] in every lead-credit rollup; each statement writes only while `guard` holds. */
export function touchCreditStatements(a: number, b: number, guard: SQL): SQL[] {
  // Raw: INSERT…SELECT over a compound select, GROUP BY/HAVING, and additive upserts.
  const isFirst = sql`t.id = (SELECT min(id) FROM touches WHERE lead_id = t.lead_id)`;
  return [
    ...ATTRIBUTION_MODELS.flatMap((model) => [
      sql`
        INSERT INTO attributed_daily (model, asset_id, day, channel, campaign, leads)
        SELECT ${model}, asset_id, day, channel, campaign, sum(credit) FROM (${creditDelta(model, a, b)})
        WHERE ${guard} GROUP BY asset_id, day, channel, campaign HAVING abs(sum(credit)) > 1e-12
        ON CONFLICT (model, asset_id, day, channel, campaign) DO UPDATE SET leads = leads + excluded.leads`,
      sql`
        INSERT INTO campaign_monthly (model, month, campaign, source, medium, channel, asset_id, leads)
        SELECT ${model}, substr(day, 1, 7) AS month, campaign_key, source, medium, channel, asset_id, sum(credit) FROM (${creditDelta(model, a, b)})
        WHERE ${guard} GROUP BY month, campaign_key, source, medium, channel, asset_id HAVING abs(sum(credit)) > 1e-12
        ON CONFLICT (model, month, campaign, source, medium, channel, asset_id) DO UPDATE SET leads = leads + excluded.leads`,
      sql`
        INSERT INTO asset_model_daily (model, asset_id, day, leads)
        SELECT ${model}, asset_id, day, sum(credit) FROM (${creditDelta(model, a, b)})
        WHERE ${guard} GROUP BY asset_id, day HAVING abs(sum(credit)) > 1e-12
        ON CONFLICT (model, asset_id, day) DO UPDATE SET leads = leads + excluded.leads`,
    ]),
    // Event counts of the new touches, the same in every model's row.
    sql`
      INSERT INTO asset_model_daily (model, asset_id, day, submissions, new_leads, referral_leads)
      SELECT m.model, s.asset_id, s.day, s.submissions, s.new_leads, s.referral_leads
      FROM (
        SELECT t.asset_id, ${dayOf(sql`t.at`)} AS day, count(*) AS submissions, sum(${isFirst}) AS new_leads,
          sum(${isFirst} AND l.referred_by_lead_id IS NOT NULL) AS referral_leads
        FROM touches t JOIN leads l ON l.id = t.lead_id WHERE t.id > ${a} AND t.id <= ${b} GROUP BY t.asset_id, day
      ) s CROSS JOIN (${EVERY_MODEL}) m
      WHERE ${guard}
      ON CONFLICT (model, asset_id, day) DO UPDATE SET
        submissions = submissions + excluded.submissions, new_leads = new_leads + excluded.new_leads, referral_leads = referral_leads + excluded.referral_leads`,
  ];
}
