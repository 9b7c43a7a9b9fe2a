// The report bench: cost per lead by asset for a year, from rollups, beside a full scan computing the same figures.
// Run by bench/reports.bench.mjs; prints one LODESTONE_BENCH_REPORTS line of JSON for it.
import { it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { getDb } from "../src/db/client";
import { buildReport } from "../src/services/reports/report-service";
import { rollUpTouches } from "../src/services/reports/touch-credit";
import { allocateSpend, type LeadCell } from "../src/services/reports/spend-allocation";
import { spendRecordOf } from "../src/services/reports/spend-ties";
import type { ReportSpendRow } from "../src/store/spend";
import { matchKey } from "../src/domain/utm";
import { ATTRIBUTION_MODELS } from "../src/db/schema";
import { ASSETS, seed, YEAR_MS, YEAR_START } from "./reports-seed";

const log = (s: string) => console.log(`[bench] ${s}`);
const count = async (table: string) =>
  (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())!.n;

it("cost per lead by asset for a year: rollups vs a full scan", async () => {
  const benchEnv = env as unknown as { BENCH_LEADS: string; BENCH_REPEAT?: string };
  const leads = Number(benchEnv.BENCH_LEADS);
  const repeat = Math.max(1, Number(benchEnv.BENCH_REPEAT ?? "3") || 3);
  const db = getDb(env.DB);
  let t = performance.now();
  await seed(leads, log);
  const seedMs = performance.now() - t;
  log(`seeded in ${(seedMs / 1000).toFixed(1)} s`);

  // The rollups, built by the same sweep production runs (in large chunks), then views per asset-day.
  t = performance.now();
  for (let n = 1; n > 0; ) n = await rollUpTouches(db, Date.now(), 100_000);
  await env.DB.prepare("UPDATE asset_model_daily SET views = submissions * 8").run();
  const rollupMs = performance.now() - t;
  log(`rolled up in ${(rollupMs / 1000).toFixed(1)} s`);
  const sizes = Object.fromEntries(
    await Promise.all(
      [
        "leads",
        "touches",
        "events",
        "assets",
        "spend",
        "asset_model_daily",
        "attributed_daily",
        "campaign_monthly",
      ].map(async (x) => [x, await count(x)] as const),
    ),
  );
  log(JSON.stringify(sizes));

  const range = { from: "2026-01-01", to: "2026-12-31" };
  const opts = { now: Date.now(), currency: "USD", sweep: false };
  const runs: { model: string; grain: string; ms: number; rowsRead: number; rows: number }[] = [];
  const reports: Record<string, Awaited<ReturnType<typeof buildReport>>> = {};
  for (const model of ATTRIBUTION_MODELS) {
    for (const grain of ["range", "month"] as const) {
      await buildReport(db, { ...range, grain, model, by: ["asset"] }, opts); // warm
      const times: number[] = [];
      let report!: Awaited<ReturnType<typeof buildReport>>;
      for (let i = 0; i < repeat; i++) {
        const s = performance.now();
        report = await buildReport(db, { ...range, grain, model, by: ["asset"] }, opts);
        times.push(performance.now() - s);
      }
      if (grain === "range") reports[model] = report;
      runs.push({
        model,
        grain,
        ms: times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!,
        rowsRead: report.rowsRead,
        rows: report.rows.length,
      });
    }
  }

  // The same figures (first touch) from the raw tables: every lead of the year and its first touch.
  t = performance.now();
  const scan = await env.DB.prepare(`
    SELECT t.asset_id, strftime('%Y-%m', l.created_at / 1000, 'unixepoch') AS month, t.utm_campaign AS campaign, t.utm_source AS source, t.utm_medium AS medium, t.channel, count(*) AS leads
    FROM leads l JOIN touches t ON t.id = (SELECT min(id) FROM touches WHERE lead_id = l.id)
    WHERE l.created_at >= ? AND l.created_at < ? GROUP BY 1, 2, 3, 4, 5, 6`)
    .bind(YEAR_START, YEAR_START + YEAR_MS)
    .all<{
      asset_id: number;
      month: string;
      campaign: string | null;
      source: string | null;
      medium: string | null;
      channel: string;
      leads: number;
    }>();
  const spendRows = await env.DB.prepare(
    `SELECT id, asset_id AS "assetId", channel, utm_source AS "utmSource", utm_medium AS "utmMedium", utm_campaign AS "utmCampaign", day_from AS "dayFrom", day_to AS "dayTo", amount_minor AS "amountMinor", currency, reporting_minor AS "reportingMinor"
    FROM spend WHERE day_from <= ? AND day_to >= ?`,
  )
    .bind(range.to, range.from)
    .all<ReportSpendRow>();
  const cells: LeadCell[] = scan.results.map((r) => ({
    assetId: r.asset_id,
    month: r.month,
    channel: r.channel,
    campaign: matchKey(r.campaign),
    source: matchKey(r.source),
    medium: matchKey(r.medium),
    leads: r.leads,
  }));
  const records = spendRows.results.map(spendRecordOf);
  const spendBy = new Map<number | null, number>();
  for (const s of allocateSpend(records, cells, range, () => "range"))
    spendBy.set(s.assetId, (spendBy.get(s.assetId) ?? 0) + s.amountMinor);
  const leadsBy = new Map<number, number>();
  for (const c of cells) leadsBy.set(c.assetId, (leadsBy.get(c.assetId) ?? 0) + c.leads);
  const scanMs = performance.now() - t;
  const scanRowsRead = scan.meta.rows_read + spendRows.meta.rows_read;

  // Same answer both ways, per asset.
  const first = reports.first_touch!;
  expect(first.rows.filter((r) => r.asset_id !== null)).toHaveLength(ASSETS);
  for (const row of first.rows) {
    if (row.asset_id === null) continue;
    const l = leadsBy.get(row.asset_id) ?? 0;
    expect(row.leads).toBeCloseTo(l, 6);
    expect(row.spend_minor).toBe(spendBy.get(row.asset_id) ?? 0);
    expect(row.cost_per_lead_minor).toBe(
      l ? Math.round((spendBy.get(row.asset_id) ?? 0) / l) : null,
    );
  }
  for (const model of ATTRIBUTION_MODELS)
    expect(reports[model]!.totals.leads).toBeCloseTo(leads, 3);

  const result = {
    leads,
    sizes,
    seedMs,
    rollupMs,
    runs,
    scan: { ms: scanMs, rowsRead: scanRowsRead },
    sample: first.rows.slice(0, 3).map((r) => ({
      asset: r.asset_id,
      leads: r.leads,
      spend_minor: r.spend_minor,
      cpl_minor: r.cost_per_lead_minor,
    })),
  };
  console.log(`LODESTONE_BENCH_REPORTS ${JSON.stringify(result)}`);
});
