// The report service: reads rollups (never touches or events), spreads spend, assembles rows. API and dashboard share it.
import type { Db } from "../../env";
import { batch } from "../../store/batch";
import { assetTitles } from "../../store/assets";
import {
  assetCells,
  campaignLeads,
  creditCells,
  eventCells,
  type AssetCellRow,
  type CellQuery,
  type CreditCellRow,
  type EventCellRow,
} from "../../store/rollups";
import { spendOverlapping, type ReportSpendRow } from "../../store/spend";
import {
  assembleReport,
  type CreditCell,
  type EventCell,
  type ReportFigures,
  type ReportRow,
} from "./assemble";
import { parseHistogram } from "./latency";
import { periodOf } from "../../domain/report-days";
import { allocateSpend, type LeadCell, type SpendRecord } from "./spend-allocation";
import { spendRecordOf } from "./spend-ties";
import { needsRates, spendPerDay, type Unconverted } from "./spend-currency";
import { ratesForWindow } from "../../store/exchange-rates";
import { statement } from "../../store/batch";
import { seriesByCurrency, type DayRate, type RateSeries } from "../../domain/exchange-rates";
import { matchKey } from "../../domain/utm";
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
  /** Spend in a currency with no exchange rate on or before its days: left out of every figure, named here. */
  unconverted: Unconverted[];
}

/** Coarse rollups answer per-asset reports (one row per asset-day); channel or campaign needs the fine ones. */
function needsFineRollups(q: ReportQuery): boolean {
  return (
    q.by.includes("channel") ||
    q.by.includes("campaign") ||
    q.channel !== undefined ||
    q.campaign !== undefined
  );
}

export async function buildReport(
  db: Db,
  q: ReportQuery,
  opts: { now: number; currency: string; sweep?: boolean },
): Promise<Report> {
  if (opts.sweep !== false) await rollUpTouches(db, opts.now);
  const assetRows = await assetTitles(db);
  let rowsRead = assetRows.rowsRead;
  const assets = Object.fromEntries(
    assetRows.rows.map((a) => [a.id, { title: a.title, slug: a.slug }]),
  );
  const ids = q.asset_id !== undefined ? [q.asset_id] : assetRows.rows.map((a) => a.id);
  const range = { from: q.from, to: q.to };
  const empty = {
    model: q.model,
    currency: opts.currency,
    from: q.from,
    to: q.to,
    grain: q.grain,
    by: q.by,
    assets,
  };

  // One batch: spend records overlapping the range (the spend table is small: one row per campaign-day
  // at most), then the rollup cells, fine (per channel and campaign) only when the query needs them.
  const cellQuery: CellQuery = {
    model: q.model,
    assetIds: ids,
    from: q.from,
    to: q.to,
    channel: q.channel,
    campaign: q.campaign,
  };
  const results = await batch(db, [
    spendOverlapping({ from: q.from, to: q.to, assetId: q.asset_id }),
    ...(needsFineRollups(q)
      ? [eventCells(cellQuery), creditCells(cellQuery)]
      : [assetCells(cellQuery)]),
  ]);
  rowsRead += results.reduce((s, r) => s + r.meta.rows_read, 0);

  const spendRows = results[0]!.results as ReportSpendRow[];
  const foreign = needsRates(spendRows, opts.currency);
  let rates = new Map<string, RateSeries>();
  if (foreign.length) {
    const res = await statement(db.$client, ratesForWindow(foreign, q.from, q.to)).all<DayRate>();
    rowsRead += res.meta.rows_read;
    rates = seriesByCurrency(res.results);
  }
  const { perDay, unconverted } = spendPerDay(spendRows, opts.currency, rates, range);
  const spendRecords: SpendRecord[] = spendRows.map((r) => ({
    ...spendRecordOf(r),
    perDay: perDay.get(r.id),
  }));
  const raw = results
    .slice(1)
    .flatMap((r) => r.results as (EventCellRow | CreditCellRow | AssetCellRow)[]);
  const events: EventCell[] = [];
  const credits: CreditCell[] = [];
  for (const r of raw) {
    const base = { assetId: r.assetId, day: r.day, channel: r.channel, campaign: r.campaign };
    if ("views" in r)
      events.push({
        ...base,
        views: r.views,
        submissions: r.submissions,
        newLeads: r.newLeads,
        referralLeads: r.referralLeads,
      });
    if ("leads" in r)
      credits.push({
        ...base,
        leads: r.leads,
        mqls: r.mqls,
        accepted: r.accepted,
        won: r.won,
        revenueMinor: r.revenueMinor,
        hist: parseHistogram(r.mqlHist),
      });
  }

  // Spend with no asset is spread by the leads its channel/campaign brought, under the same model, in the months it covers.
  const unowned = spendRecords.filter((s) => s.assetId === null);
  const leadCells: LeadCell[] = [];
  if (unowned.length) {
    // Days are YYYY-MM-DD strings: sorted as text, the first and last are the earliest and latest.
    const from = unowned
      .map((s) => s.dayFrom)
      .sort()[0]!
      .slice(0, 7);
    const to = unowned
      .map((s) => s.dayTo)
      .sort()
      .at(-1)!
      .slice(0, 7);
    const cells = await campaignLeads(db, q.model, from, to);
    rowsRead += cells.rowsRead;
    for (const r of cells.rows)
      leadCells.push({
        assetId: r.assetId,
        month: r.month,
        channel: r.channel,
        campaign: r.campaign,
        source: r.source,
        medium: r.medium,
        leads: r.leads,
      });
  }
  let spend = allocateSpend(spendRecords, leadCells, range, (day) => periodOf(day, q.grain, range));
  if (q.asset_id !== undefined) spend = spend.filter((s) => s.assetId === q.asset_id);
  if (q.channel !== undefined) spend = spend.filter((s) => s.channel === q.channel);
  if (q.campaign !== undefined)
    spend = spend.filter((s) => matchKey(s.campaign) === matchKey(q.campaign));
  if (!needsFineRollups(q)) spend = spend.map((s) => ({ ...s, channel: "", campaign: "" }));

  const { rows, totals } = assembleReport({
    model: q.model,
    grain: q.grain,
    by: q.by,
    range,
    events,
    credits,
    spend,
  });
  return { ...empty, rows, totals, rowsRead, unconverted };
}
