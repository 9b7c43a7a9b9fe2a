// The report service: reads rollups (never touches or events), spreads spend, assembles rows. API and dashboard share it.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../env";
import { batch } from "../../store/batch";
import { assembleReport, type CreditCell, type EventCell, type ReportFigures, type ReportRow } from "./assemble";
import { parseHistogram } from "./latency";
import { periodOf } from "../../domain/report-days";
import { allocateSpend, type LeadCell, type SpendRecord } from "./spend-allocation";
import { rollUpTouches } from "./touch-credit";
import type { ReportQuery } from "./query";

export interface Report {
  model: ReportQuery["model"];
  currency: string;
  from: string;
  to: string;
  grain: ReportQuery["grain"];
  by: ReportQuery["by"];
  assets: Record<number, { title: string; slug: string }>;
  rows: ReportRow[];
  totals: ReportFigures;
  /** D1 rows read by the report's queries (after the touch sweep), for the bench and for operators. */
  rowsRead: number;
}

const inList = (ids: (number | string)[]) => sql.join(ids.map((i) => sql`${i}`), sql`, `);

/** Coarse rollups answer per-asset reports (one row per asset-day); channel or campaign needs the fine ones. */
export function needsFineRollups(q: ReportQuery): boolean {
  return q.by.includes("channel") || q.by.includes("campaign") || q.channel !== undefined || q.campaign !== undefined;
}

export async function buildReport(db: Db, q: ReportQuery, opts: { now: number; currency: string; sweep?: boolean }): Promise<Report> {
  if (opts.sweep !== false) await rollUpTouches(db, opts.now);
  const assetRows = await db.$client.prepare("SELECT id, title, slug FROM assets ORDER BY id").all<{ id: number; title: string; slug: string }>();
  let rowsRead = assetRows.meta.rows_read;
  const assets = Object.fromEntries(assetRows.results.map((a) => [a.id, { title: a.title, slug: a.slug }]));
  const ids = q.asset_id !== undefined ? [q.asset_id] : assetRows.results.map((a) => a.id);
  const range = { from: q.from, to: q.to };
  const empty = { model: q.model, currency: opts.currency, from: q.from, to: q.to, grain: q.grain, by: q.by, assets };

  // Spend records overlapping the range (the spend table is small: one row per campaign-day at most).
  const spendQuery = sql`
    SELECT id, asset_id, channel, utm_campaign, day_from, day_to, reporting_minor FROM spend
    WHERE day_from <= ${q.to} AND day_to >= ${q.from}${q.asset_id !== undefined ? sql` AND (asset_id = ${q.asset_id} OR asset_id IS NULL)` : sql``}`;
  const cellFilter = sql`${q.channel !== undefined ? sql` AND channel = ${q.channel}` : sql``}${q.campaign !== undefined ? sql` AND campaign = ${q.campaign}` : sql``}`;
  const assetFilter = ids.length ? sql`asset_id IN (${inList(ids)})` : sql`0`;

  const statements: SQL[] = [spendQuery];
  if (needsFineRollups(q)) {
    statements.push(
      sql`SELECT asset_id, day, channel, campaign, views, submissions, new_leads, referral_leads FROM asset_daily WHERE ${assetFilter} AND day BETWEEN ${q.from} AND ${q.to}${cellFilter}`,
      sql`SELECT asset_id, day, channel, campaign, leads, mqls, accepted, won, revenue_minor, mql_hist FROM attributed_daily WHERE model = ${q.model} AND ${assetFilter} AND day BETWEEN ${q.from} AND ${q.to}${cellFilter}`,
    );
  } else {
    statements.push(sql`SELECT asset_id, day, '' AS channel, '' AS campaign, views, submissions, new_leads, referral_leads, leads, mqls, accepted, won, revenue_minor, mql_hist FROM asset_model_daily WHERE model = ${q.model} AND ${assetFilter} AND day BETWEEN ${q.from} AND ${q.to}`);
  }
  const results = await batch(db, statements);
  rowsRead += results.reduce((s, r) => s + r.meta.rows_read, 0);

  const spendRecords: SpendRecord[] = (results[0]!.results as Record<string, unknown>[]).map((r) => ({
    id: r.id as number,
    assetId: r.asset_id as number | null,
    channel: (r.channel as string | null) || null,
    campaign: (r.utm_campaign as string | null) ?? null,
    dayFrom: r.day_from as string,
    dayTo: r.day_to as string,
    reportingMinor: r.reporting_minor as number,
  }));
  const raw = results.slice(1).flatMap((r) => r.results as Record<string, unknown>[]);
  const events: EventCell[] = [];
  const credits: CreditCell[] = [];
  for (const r of raw) {
    const base = { assetId: r.asset_id as number, day: r.day as string, channel: r.channel as string, campaign: r.campaign as string };
    if ("views" in r) events.push({ ...base, views: r.views as number, submissions: r.submissions as number, newLeads: r.new_leads as number, referralLeads: r.referral_leads as number });
    if ("leads" in r) credits.push({ ...base, leads: r.leads as number, mqls: r.mqls as number, accepted: r.accepted as number, won: r.won as number, revenueMinor: r.revenue_minor as number, hist: parseHistogram(r.mql_hist as string) });
  }

  // Spend with no asset is spread by the leads its channel/campaign brought, under the same model, in the months it covers.
  const unowned = spendRecords.filter((s) => s.assetId === null);
  const leadCells: LeadCell[] = [];
  if (unowned.length) {
    const from = unowned.reduce((m, s) => (s.dayFrom < m ? s.dayFrom : m), unowned[0]!.dayFrom).slice(0, 7);
    const to = unowned.reduce((m, s) => (s.dayTo > m ? s.dayTo : m), unowned[0]!.dayTo).slice(0, 7);
    const cells = await db.$client
      .prepare("SELECT month, campaign, channel, asset_id, leads FROM campaign_monthly WHERE model = ? AND month BETWEEN ? AND ?")
      .bind(q.model, from, to)
      .all<{ month: string; campaign: string; channel: string; asset_id: number; leads: number }>();
    rowsRead += cells.meta.rows_read;
    for (const r of cells.results) leadCells.push({ assetId: r.asset_id, month: r.month, channel: r.channel, campaign: r.campaign, leads: r.leads });
  }
  let spend = allocateSpend(spendRecords, leadCells, range, (day) => periodOf(day, q.grain, range));
  if (q.asset_id !== undefined) spend = spend.filter((s) => s.assetId === q.asset_id);
  if (q.channel !== undefined) spend = spend.filter((s) => s.channel === q.channel);
  if (q.campaign !== undefined) spend = spend.filter((s) => s.campaign === q.campaign);
  if (!needsFineRollups(q)) spend = spend.map((s) => ({ ...s, channel: "", campaign: "" }));

  const { rows, totals } = assembleReport({ model: q.model, grain: q.grain, by: q.by, range, events, credits, spend });
  return { ...empty, rows, totals, rowsRead };
}
