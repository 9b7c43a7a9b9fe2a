// The overview's data: 30 days of leads per asset per day, 12 weeks of cost per lead per asset, and totals.
import type { Db } from "../../env";
import type { AttributionModel } from "../../db/schema";
import { buildReport, type Report } from "./report-service";
import { addDays, eachDay, msToDay, periodOf } from "../../domain/report-days";
import type { Series } from "../../../templates/admin/charts";

const TOP_ASSETS = 6;

export interface Overview {
  /** The last 30 days per asset, one row each. */
  range: Report;
  daily: Report;
  weekly: Report;
  leadSeries: { labels: string[]; series: Series[] };
  cplSeries: { labels: string[]; series: Series[] };
}

/** Pure: one series per asset (the most leads first, at most TOP_ASSETS), one value per period. */
function seriesOf(
  report: Report,
  labels: string[],
  pick: (row: Report["rows"][number]) => number | null,
  rank: Map<number, number>,
): Series[] {
  const ids = [...rank.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP_ASSETS)
    .map(([id]) => id);
  return ids.map((id) => {
    const byPeriod = new Map(
      report.rows.filter((r) => r.asset_id === id).map((r) => [r.period, pick(r)]),
    );
    return {
      name: report.assets[id]?.title ?? `#${id}`,
      values: labels.map((l) => byPeriod.get(l) ?? null),
    };
  });
}

export async function loadOverview(
  db: Db,
  model: AttributionModel,
  opts: { now: number; currency: string },
): Promise<Overview> {
  const today = msToDay(opts.now);
  const dayFrom = addDays(today, -29);
  const weekFrom = periodOf(addDays(today, -7 * 11), "week", { from: today, to: today });
  const daily = await buildReport(
    db,
    { from: dayFrom, to: today, grain: "day", model, by: ["asset"] },
    opts,
  );
  const weekly = await buildReport(
    db,
    { from: weekFrom, to: today, grain: "week", model, by: ["asset"] },
    { ...opts, sweep: false },
  );
  const range = await buildReport(
    db,
    { from: dayFrom, to: today, grain: "range", model, by: ["asset"] },
    { ...opts, sweep: false },
  );
  const rank = new Map<number, number>();
  for (const r of daily.rows)
    if (r.asset_id !== null)
      rank.set(r.asset_id, (rank.get(r.asset_id) ?? 0) + r.leads + r.spend_minor / 1e9);
  for (const r of weekly.rows)
    if (r.asset_id !== null && !rank.has(r.asset_id)) rank.set(r.asset_id, 0);
  const dayLabels = eachDay(dayFrom, today);
  const weekLabels = Array.from({ length: 12 }, (_, i) => addDays(weekFrom, 7 * i));
  return {
    range,
    daily,
    weekly,
    leadSeries: {
      labels: dayLabels,
      series: seriesOf(daily, dayLabels, (r) => r.leads, rank).map((s) => ({
        ...s,
        values: s.values.map((v) => v ?? 0),
      })),
    },
    cplSeries: {
      labels: weekLabels,
      // A week without spend has no cost per lead to draw (the report says 0 for it).
      series: seriesOf(
        weekly,
        weekLabels,
        (r) => (r.spend_minor > 0 ? r.cost_per_lead_minor : null),
        rank,
      ),
    },
  };
}
