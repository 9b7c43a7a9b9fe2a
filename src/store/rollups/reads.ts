// The rollup reads behind every report: raw selects aliased to the schema's names, run in the report's metered batch.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../env";
import type {
  AttributionModel,
  assetDaily,
  assetModelDaily,
  attributedDaily,
  campaignMonthly,
} from "../../db/schema";
import { statement } from "../batch";

// ---- Reads for reports. Raw selects, aliased to the schema's names: they run in the report's metered
// batch, whose D1 rows_read the report returns (drizzle's select results carry no meta).

type AssetDaily = typeof assetDaily.$inferSelect;
type AssetModelDaily = typeof assetModelDaily.$inferSelect;
type AttributedDaily = typeof attributedDaily.$inferSelect;
type CampaignMonthly = typeof campaignMonthly.$inferSelect;

export type EventCellRow = Pick<
  AssetDaily,
  | "assetId"
  | "day"
  | "channel"
  | "campaign"
  | "views"
  | "submissions"
  | "newLeads"
  | "referralLeads"
>;
export type CreditCellRow = Pick<
  AttributedDaily,
  | "assetId"
  | "day"
  | "channel"
  | "campaign"
  | "leads"
  | "mqls"
  | "accepted"
  | "won"
  | "revenueMinor"
  | "mqlHist"
>;
/** A per-asset row holds both kinds of figure; its channel and campaign are always "". */
export type AssetCellRow = Pick<
  AssetModelDaily,
  | "assetId"
  | "day"
  | "views"
  | "submissions"
  | "newLeads"
  | "referralLeads"
  | "leads"
  | "mqls"
  | "accepted"
  | "won"
  | "revenueMinor"
  | "mqlHist"
> & { channel: string; campaign: string };
type CampaignLeadRow = Pick<
  CampaignMonthly,
  "month" | "campaign" | "source" | "medium" | "channel" | "assetId" | "leads"
>;

export interface CellQuery {
  model: AttributionModel;
  /** The assets to read; none reads nothing. */
  assetIds: number[];
  from: string;
  to: string;
  channel?: string;
  campaign?: string;
}

const inList = (ids: (number | string)[]) =>
  sql.join(
    ids.map((i) => sql`${i}`),
    sql`, `,
  );
const assetFilter = (q: CellQuery) =>
  q.assetIds.length ? sql`asset_id IN (${inList(q.assetIds)})` : sql`0`;
const cellFilter = (q: CellQuery) =>
  sql`${q.channel !== undefined ? sql` AND channel = ${q.channel}` : sql``}${q.campaign !== undefined ? sql` AND campaign = ${q.campaign}` : sql``}`;

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

/**
 * Credited leads per month × campaign × source × medium × channel × asset in [from, to] (YYYY-MM), with the
 * D1 rows it read. Campaign, source and medium are match keys (src/domain/utm.ts).
 */
export async function campaignLeads(
  db: Db,
  model: AttributionModel,
  from: string,
  to: string,
): Promise<{ rows: CampaignLeadRow[]; rowsRead: number }> {
  const res = await statement(
    db.$client,
    sql`SELECT month, campaign, source, medium, channel, asset_id AS "assetId", leads FROM campaign_monthly WHERE model = ${model} AND month BETWEEN ${from} AND ${to}`,
  ).all<CampaignLeadRow>();
  return { rows: res.results, rowsRead: res.meta.rows_read };
}

/** Credited leads (linear model) of these campaign keys per month × source × medium × asset, for the import preview. */
export async function leadsOfCampaigns(
  db: Db,
  campaignKeys: string[],
  fromMonth: string,
  toMonth: string,
): Promise<CampaignLeadRow[]> {
  const out: CampaignLeadRow[] = [];
  for (let i = 0; i < campaignKeys.length; i += 90) {
    const res = await statement(
      db.$client,
      sql`SELECT month, campaign, source, medium, channel, asset_id AS "assetId", leads FROM campaign_monthly WHERE model = 'linear' AND month BETWEEN ${fromMonth} AND ${toMonth} AND campaign IN (${inList(campaignKeys.slice(i, i + 90))})`,
    ).all<CampaignLeadRow>();
    out.push(...res.results);
  }
  return out;
}

/** Campaign keys that brought leads in [fromMonth, toMonth], most leads first: what a platform campaign can be mapped to. */
export async function knownCampaigns(
  db: Db,
  fromMonth: string,
  toMonth: string,
  limit = 200,
): Promise<string[]> {
  const res = await statement(
    db.$client,
    sql`SELECT campaign FROM campaign_monthly WHERE model = 'linear' AND month BETWEEN ${fromMonth} AND ${toMonth} AND campaign <> '' GROUP BY campaign ORDER BY sum(leads) DESC LIMIT ${limit}`,
  ).all<{ campaign: string }>();
  return res.results.map((r) => r.campaign);
}
