// The one writer of the report rollups (asset_daily, asset_model_daily, attributed_daily, campaign_monthly) and their reads.
// Nearly every write here is raw SQL: upserts that add to a cell (`x = x + excluded.x`), filled by INSERT…SELECT.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../env";
import { ATTRIBUTION_MODELS, type AttributionModel, type assetDaily, type assetModelDaily, type attributedDaily, type campaignMonthly } from "../db/schema";
import { utcDay } from "../domain/calendar-day";
import { LAST_BUCKET, bucketLowerMinutes } from "../domain/latency-buckets";
import { statement } from "./batch";
import { capturedLeadFrom } from "./leads";

/** Every attribution model as a one-column table, to write a count into each model's row at once. */
const EVERY_MODEL = sql.raw(ATTRIBUTION_MODELS.map((m) => `SELECT '${m}' AS model`).join(" UNION ALL "));
const dayOf = (ms: SQL) => sql`strftime('%Y-%m-%d', ${ms} / 1000, 'unixepoch')`;

/** The latency bucketing of src/domain/latency-buckets.ts as SQL over milliseconds (no math functions needed in D1). */
export function bucketSql(latencyMs: SQL): SQL {
  const whens = [];
  for (let b = 1; b <= LAST_BUCKET; b++) whens.push(`WHEN d < ${Math.ceil(bucketLowerMinutes(b) * 60_000)} THEN ${b - 1}`);
  return sql`(SELECT CASE ${sql.raw(whens.join(" "))} ELSE ${LAST_BUCKET} END FROM (SELECT max(0, ${latencyMs}) AS d))`;
}

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
export function creditConversion(leadId: number, metric: CreditMetric, value: number, at: number): SQL[] {
  // Raw: INSERT…SELECT over the lead's touches, upserting `x = x + excluded.x` and json_set on the histogram.
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
  return sql`
    SELECT t.asset_id, t.channel, coalesce(t.utm_campaign, '') AS campaign, ${dayOf(sql`l.created_at`)} AS day, ${shareUpTo(model, b)} AS credit
    FROM touches t JOIN leads l ON l.id = t.lead_id WHERE t.lead_id IN ${affected} AND t.id <= ${b}
    UNION ALL
    SELECT t.asset_id, t.channel, coalesce(t.utm_campaign, ''), ${dayOf(sql`l.created_at`)}, -(${shareUpTo(model, a)})
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
        INSERT INTO campaign_monthly (model, month, campaign, channel, asset_id, leads)
        SELECT ${model}, substr(day, 1, 7) AS month, campaign, channel, asset_id, sum(credit) FROM (${creditDelta(model, a, b)})
        WHERE ${guard} GROUP BY month, campaign, channel, asset_id HAVING abs(sum(credit)) > 1e-12
        ON CONFLICT (model, month, campaign, channel, asset_id) DO UPDATE SET leads = leads + excluded.leads`,
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

// ---- Page views, counted by the view consumer.

/** Adds `count` views to one asset × day × channel × campaign cell. */
export function addAssetDailyViews(cell: { assetId: number; day: string; channel: string; campaign: string }, count: number): SQL {
  // Raw: an upsert with an expression (views + excluded.views).
  return sql`
      INSERT INTO asset_daily (asset_id, day, channel, campaign, views) VALUES (${cell.assetId}, ${cell.day}, ${cell.channel}, ${cell.campaign}, ${count})
      ON CONFLICT (asset_id, day, channel, campaign) DO UPDATE SET views = views + excluded.views`;
}

/** Adds `count` views to the asset's day in every model's row of the per-asset rollup. */
export function addAssetModelDailyViews(assetId: number, day: string, count: number): SQL {
  // `WHERE true` lets SQLite read ON CONFLICT as the upsert clause, not as part of the SELECT's join.
  return sql`
          INSERT INTO asset_model_daily (model, asset_id, day, views)
          SELECT m.model, ${assetId}, ${day}, ${count} FROM (${EVERY_MODEL}) m WHERE true
          ON CONFLICT (model, asset_id, day) DO UPDATE SET views = views + excluded.views`;
}

// ---- Reads for reports. Raw selects, aliased to the schema's names: they run in the report's metered
// batch, whose D1 rows_read the report returns (drizzle's select results carry no meta).

type AssetDaily = typeof assetDaily.$inferSelect;
type AssetModelDaily = typeof assetModelDaily.$inferSelect;
type AttributedDaily = typeof attributedDaily.$inferSelect;
type CampaignMonthly = typeof campaignMonthly.$inferSelect;

export type EventCellRow = Pick<AssetDaily, "assetId" | "day" | "channel" | "campaign" | "views" | "submissions" | "newLeads" | "referralLeads">;
export type CreditCellRow = Pick<AttributedDaily, "assetId" | "day" | "channel" | "campaign" | "leads" | "mqls" | "accepted" | "won" | "revenueMinor" | "mqlHist">;
/** A per-asset row holds both kinds of figure; its channel and campaign are always "". */
export type AssetCellRow = Pick<AssetModelDaily, "assetId" | "day" | "views" | "submissions" | "newLeads" | "referralLeads" | "leads" | "mqls" | "accepted" | "won" | "revenueMinor" | "mqlHist"> & { channel: string; campaign: string };
export type CampaignLeadRow = Pick<CampaignMonthly, "month" | "campaign" | "channel" | "assetId" | "leads">;

export interface CellQuery {
  model: AttributionModel;
  /** The assets to read; none reads nothing. */
  assetIds: number[];
  from: string;
  to: string;
  channel?: string;
  campaign?: string;
}

const inList = (ids: (number | string)[]) => sql.join(ids.map((i) => sql`${i}`), sql`, `);
const assetFilter = (q: CellQuery) => (q.assetIds.length ? sql`asset_id IN (${inList(q.assetIds)})` : sql`0`);
const cellFilter = (q: CellQuery) => sql`${q.channel !== undefined ? sql` AND channel = ${q.channel}` : sql``}${q.campaign !== undefined ? sql` AND campaign = ${q.campaign}` : sql``}`;

/** Event counts per asset × day × channel × campaign (rows: EventCellRow). */
export function eventCells(q: CellQuery): SQL {
  return sql`SELECT asset_id AS "assetId", day, channel, campaign, views, submissions, new_leads AS "newLeads", referral_leads AS "referralLeads" FROM asset_daily WHERE ${assetFilter(q)} AND day BETWEEN ${q.from} AND ${q.to}${cellFilter(q)}`;
}

/** One model's credited figures per asset × day × channel × campaign (rows: CreditCellRow). */
export function creditCells(q: CellQuery): SQL {
  return sql`SELECT asset_id AS "assetId", day, channel, campaign, leads, mqls, accepted, won, revenue_minor AS "revenueMinor", mql_hist AS "mqlHist" FROM attributed_daily WHERE model = ${q.model} AND ${assetFilter(q)} AND day BETWEEN ${q.from} AND ${q.to}${cellFilter(q)}`;
}

/** Both kinds of figure per asset-day under one model; channel and campaign filters do not apply (rows: AssetCellRow). */
export function assetCells(q: CellQuery): SQL {
  return sql`SELECT asset_id AS "assetId", day, '' AS channel, '' AS campaign, views, submissions, new_leads AS "newLeads", referral_leads AS "referralLeads", leads, mqls, accepted, won, revenue_minor AS "revenueMinor", mql_hist AS "mqlHist" FROM asset_model_daily WHERE model = ${q.model} AND ${assetFilter(q)} AND day BETWEEN ${q.from} AND ${q.to}`;
}

/** Credited leads per month × campaign × channel × asset in [from, to] (YYYY-MM), with the D1 rows it read. */
export async function campaignLeads(db: Db, model: AttributionModel, from: string, to: string): Promise<{ rows: CampaignLeadRow[]; rowsRead: number }> {
  const res = await statement(db.$client, sql`SELECT month, campaign, channel, asset_id AS "assetId", leads FROM campaign_monthly WHERE model = ${model} AND month BETWEEN ${from} AND ${to}`).all<CampaignLeadRow>();
  return { rows: res.results, rowsRead: res.meta.rows_read };
}

/** A submission on the captured lead's day, channel and campaign; new and referred leads count once. */
export function countCaptureSubmission(email: string, r: { assetId: number; day: string; channel: string; campaign: string }): SQL {
  // Raw: an INSERT…SELECT upsert whose counts come from the lead row the batch just wrote.
  return sql`
      INSERT INTO asset_daily (asset_id, day, channel, campaign, submissions, new_leads, referral_leads)
      SELECT ${r.assetId}, ${r.day}, ${r.channel}, ${r.campaign}, 1, touch_count = 1, touch_count = 1 AND referred_by_lead_id IS NOT NULL ${capturedLeadFrom(email)}
      ON CONFLICT (asset_id, day, channel, campaign) DO UPDATE SET
        submissions = submissions + 1,
        new_leads = new_leads + excluded.new_leads,
        referral_leads = referral_leads + excluded.referral_leads`;
}

/** A download, credited to the channel and campaign of the lead's latest touch of this asset (none: not counted). */
export function countDownload(r: { assetId: number; day: string; leadId: number }): SQL {
  // Raw: an INSERT…SELECT upsert from the lead's latest touch.
  return sql`
        INSERT INTO asset_daily (asset_id, day, channel, campaign, downloads)
        SELECT ${r.assetId}, ${r.day}, t.channel, coalesce(t.utm_campaign, ''), 1 FROM touches t
        WHERE t.id = (SELECT max(id) FROM touches WHERE lead_id = ${r.leadId} AND asset_id = ${r.assetId})
        ON CONFLICT (asset_id, day, channel, campaign) DO UPDATE SET downloads = downloads + 1`;
}
