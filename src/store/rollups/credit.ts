// Crediting conversions and leads to touches in the attributed rollups, under every attribution model at once.
import { sql, type SQL } from "drizzle-orm";
import { ATTRIBUTION_MODELS, type AttributionModel } from "../../db/schema";
import { utcDay } from "../../domain/calendar-day";
import { EVERY_MODEL, bucketSql, dayOf } from "./shared";
import {
  CREDITED_WEIGHTS,
  CURRENT_WEIGHTS,
  type ShareScope,
  stageOfMetric,
  touchShareRows,
} from "./shares";

// ---- Conversions (an MQL, an accepted or won deal, revenue), credited when they happen.

/** The rollup columns a conversion can credit. */
export type CreditMetric = "leads" | "mqls" | "accepted" | "won" | "revenue_minor";

export interface ConversionCreditOptions {
  /** The models to credit (default: every one); the backfill credits only the models it adds. */
  models?: readonly AttributionModel[];
  /** Share over the touches at or before the conversion only (a backfilled past conversion). */
  touchesUntil?: boolean;
  /** Write only while this holds (the backfill's claim). */
  guard?: SQL;
  /** With `won`: the deal's revenue, credited in the same upserts (one row write per cell, not two). */
  revenueMinor?: number;
}

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
  opts: ConversionCreditOptions = {},
): SQL[] {
  // Raw: INSERT…SELECT over the lead's touches, upserting `x = x + excluded.x` and json_set on the histogram.
  const withRevenue = metric === "won" && opts.revenueMinor !== undefined;
  const columns = sql.raw(withRevenue ? `${metric}, revenue_minor` : metric);
  const values = withRevenue
    ? sql`${value} * share, ${opts.revenueMinor} * share`
    : sql`${value} * share`;
  const updates = sql.raw(
    `${metric} = ${metric} + excluded.${metric}${withRevenue ? ", revenue_minor = revenue_minor + excluded.revenue_minor" : ""}`,
  );
  const day = utcDay(at);
  const isMql = metric === "mqls";
  const hist = isMql
    ? sql`json_object(CAST(${bucketSql(sql`${at} - (SELECT created_at FROM leads WHERE id = ${leadId})`)} AS TEXT), ${value} * share)`
    : sql`'{}'`;
  const histKey = sql`'$."' || (SELECT key FROM json_each(excluded.mql_hist)) || '"'`;
  const histUpdate = isMql
    ? sql`, mql_hist = json_set(mql_hist, ${histKey}, coalesce(json_extract(mql_hist, ${histKey}), 0) + excluded.mqls)`
    : sql``;
  const scope: ShareScope = {
    upTo: null,
    atMost: opts.touchesUntil ? sql`${at}` : null,
    stage: stageOfMetric(metric),
    version: CURRENT_WEIGHTS,
  };
  const guard = opts.guard ?? sql`1`;
  const rows = (model: AttributionModel) =>
    touchShareRows(model, sql`t.lead_id = ${leadId}`, scope);
  return (opts.models ?? ATTRIBUTION_MODELS).flatMap((model) => [
    sql`
      INSERT INTO attributed_daily (model, asset_id, day, channel, campaign, ${columns}, mql_hist)
      SELECT ${model}, asset_id, ${day}, channel, campaign, ${values}, ${hist}
      FROM (${rows(model)})
      WHERE share > 0 AND ${guard}
      ON CONFLICT (model, asset_id, day, channel, campaign) DO UPDATE SET ${updates}${histUpdate}`,
    sql`
      INSERT INTO asset_model_daily (model, asset_id, day, ${columns}, mql_hist)
      SELECT ${model}, asset_id, ${day}, ${values}, ${hist}
      FROM (SELECT asset_id, sum(share) AS share FROM (${rows(model)}) GROUP BY asset_id)
      WHERE share > 0 AND ${guard}
      ON CONFLICT (model, asset_id, day) DO UPDATE SET ${updates}${histUpdate}`,
  ]);
}

// ---- The touch-credit sweep: leads credited to their touches, off the capture hot path.

/**
 * The change in a lead's credit when touches (a, b] arrive: its shares over touches <= b minus its
 * shares over touches <= a. Applied once per touch range, these deltas telescope, so after every
 * sweep the rollups hold each lead's credit over all its touches, on the day the lead was created.
 */
function creditDelta(model: AttributionModel, a: number, b: number): SQL {
  const affected = sql`t.lead_id IN (SELECT DISTINCT lead_id FROM touches WHERE id > ${a} AND id <= ${b})`;
  const now = touchShareRows(model, affected, { upTo: b, stage: "mql", version: CURRENT_WEIGHTS });
  const before = touchShareRows(model, affected, {
    upTo: a,
    stage: "mql",
    version: CREDITED_WEIGHTS,
  });
  return sql`
    SELECT x.asset_id, x.channel, x.campaign, x.campaign_key, x.source, x.medium, ${dayOf(sql`l.created_at`)} AS day, x.share AS credit
    FROM (${now}) x JOIN leads l ON l.id = x.lead_id
    UNION ALL
    SELECT x.asset_id, x.channel, x.campaign, x.campaign_key, x.source, x.medium, ${dayOf(sql`l.created_at`)}, -x.share
    FROM (${before}) x JOIN leads l ON l.id = x.lead_id`;
}

/**
 * The three lead-credit rollup upserts of one model from `credits`, a select of (asset_id, channel,
 * campaign, campaign_key, source, medium, day, credit) rows; each writes only while `guard` holds.
 */
export function leadCreditInserts(model: AttributionModel, credits: SQL, guard: SQL): SQL[] {
  // Raw: INSERT…SELECT over a compound select, GROUP BY/HAVING, and additive upserts.
  return [
    sql`
        INSERT INTO attributed_daily (model, asset_id, day, channel, campaign, leads)
        SELECT ${model}, asset_id, day, channel, campaign, sum(credit) FROM (${credits})
        WHERE ${guard} GROUP BY asset_id, day, channel, campaign HAVING abs(sum(credit)) > 1e-12
        ON CONFLICT (model, asset_id, day, channel, campaign) DO UPDATE SET leads = leads + excluded.leads`,
    sql`
        INSERT INTO campaign_monthly (model, month, campaign, source, medium, channel, asset_id, leads)
        SELECT ${model}, substr(day, 1, 7) AS month, campaign_key, source, medium, channel, asset_id, sum(credit) FROM (${credits})
        WHERE ${guard} GROUP BY month, campaign_key, source, medium, channel, asset_id HAVING abs(sum(credit)) > 1e-12
        ON CONFLICT (model, month, campaign, source, medium, channel, asset_id) DO UPDATE SET leads = leads + excluded.leads`,
    sql`
        INSERT INTO asset_model_daily (model, asset_id, day, leads)
        SELECT ${model}, asset_id, day, sum(credit) FROM (${credits})
        WHERE ${guard} GROUP BY asset_id, day HAVING abs(sum(credit)) > 1e-12
        ON CONFLICT (model, asset_id, day) DO UPDATE SET leads = leads + excluded.leads`,
  ];
}

/**
 * The new models' lead credit for leads (fromLead, toLead] over their touches up to `touchUpto`, as
 * the touch-credit sweep would have given it (data_driven with no weights yet: linear); the backfill.
 */
export function backfillLeadCredit(
  models: readonly AttributionModel[],
  fromLead: number,
  toLead: number,
  touchUpto: number,
  guard: SQL,
): SQL[] {
  const leads = sql`t.lead_id > ${fromLead} AND t.lead_id <= ${toLead}`;
  return models.flatMap((model) => {
    const rows = touchShareRows(model, leads, {
      upTo: touchUpto,
      stage: "mql",
      version: sql`NULL`,
    });
    const credits = sql`SELECT x.asset_id, x.channel, x.campaign, x.campaign_key, x.source, x.medium, ${dayOf(sql`l.created_at`)} AS day, x.share AS credit FROM (${rows}) x JOIN leads l ON l.id = x.lead_id`;
    return leadCreditInserts(model, credits, guard);
  });
}

/** Credits touches (a, b] in every lead-credit rollup; each statement writes only while `guard` holds. */
export function touchCreditStatements(a: number, b: number, guard: SQL): SQL[] {
  // Raw: INSERT…SELECT over the lead's touches, counted per asset × day.
  const isFirst = sql`t.id = (SELECT min(id) FROM touches WHERE lead_id = t.lead_id)`;
  return [
    ...ATTRIBUTION_MODELS.flatMap((model) =>
      leadCreditInserts(model, creditDelta(model, a, b), guard),
    ),
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
