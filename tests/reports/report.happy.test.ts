import { beforeAll, describe, expect, it } from "vitest";
import { fetchWorker } from "../support/http";
import { addDays } from "../../src/domain/report-days";
import { ADMIN, addSpend, buildWorld } from "./support/report-fixture";

type Row = Record<string, number | string | null>;
interface ReportJson {
  model: string;
  rows: Row[];
  totals: Row;
  assets: Record<string, { title: string }>;
  rows_read: number;
}

let world: Awaited<ReturnType<typeof buildWorld>>;
let from: string;
let to: string;

beforeAll(async () => {
  world = await buildWorld();
  await addSpend(world.today, world.b.id);
  from = addDays(world.today, -1);
  to = addDays(world.today, 2);
});

async function report(params: Record<string, string>): Promise<ReportJson> {
  const res = await fetchWorker(
    `/api/v1/reports/performance?${new URLSearchParams({ from, to, ...params })}`,
    { headers: ADMIN },
  );
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}
const rowOf = (r: ReportJson, assetId: number) => r.rows.find((x) => x.asset_id === assetId)!;

describe("cost per lead per asset, under each attribution model", () => {
  // Hand-computed from the fixture: campaign "spring" leads per asset are first A2/B1, last A1/B1, linear A1.5/B1.
  it.each([
    [
      "first_touch",
      { a: { leads: 4, spend: 6000, cpl: 1500 }, b: { leads: 2, spend: 4000, cpl: 2000 } },
    ],
    [
      "last_touch",
      { a: { leads: 4, spend: 4500, cpl: 1125 }, b: { leads: 2, spend: 5500, cpl: 2750 } },
    ],
    [
      "linear",
      { a: { leads: 4, spend: 5400, cpl: 1350 }, b: { leads: 2, spend: 4600, cpl: 2300 } },
    ],
  ] as const)(
    "%s spreads the campaign's spend over the assets its leads came through",
    async (model, want) => {
      const r = await report({ model });
      expect(r.model).toBe(model);
      for (const [asset, w] of [
        [world.a, want.a],
        [world.b, want.b],
      ] as const) {
        const row = rowOf(r, asset.id);
        expect(row.model).toBe(model);
        expect(row.leads).toBeCloseTo(w.leads, 6);
        expect(row.spend_minor).toBe(w.spend);
        expect(row.cost_per_lead_minor).toBe(w.cpl);
      }
      expect(r.totals.spend_minor).toBe(10_000);
      expect(r.totals.leads).toBeCloseTo(6, 6);
    },
  );

  it("credits MQLs, won deals and revenue by the model, and derives cost per MQL and ROI", async () => {
    const first = await report({ model: "first_touch" });
    expect(rowOf(first, world.a.id)).toMatchObject({
      mqls: 1,
      cost_per_mql_minor: 6000,
      won: 0,
      revenue_minor: 0,
      roi: -1,
    });
    expect(rowOf(first, world.b.id)).toMatchObject({
      mqls: 0,
      cost_per_mql_minor: null,
      won: 1,
      revenue_minor: 50_000,
      roi: 11.5,
    });
    const last = await report({ model: "last_touch" });
    expect(rowOf(last, world.a.id)).toMatchObject({ mqls: 0, won: 1, revenue_minor: 50_000 });
    expect(rowOf(last, world.b.id)).toMatchObject({ mqls: 1, won: 0 });
    const linear = await report({ model: "linear" });
    expect(rowOf(linear, world.a.id)).toMatchObject({
      mqls: 0.5,
      won: 0.5,
      revenue_minor: 25_000,
      cost_per_mql_minor: 10_800,
    });
  });

  it("counts views, new leads, visit→lead rate and referrals per lead the same under every model", async () => {
    for (const model of ["first_touch", "last_touch", "linear"]) {
      const r = await report({ model });
      expect(rowOf(r, world.a.id)).toMatchObject({
        views: 10,
        submissions: 5,
        new_leads: 4,
        visit_to_lead_rate: 0.4,
        referral_leads: 1,
        referrals_per_lead: 0.25,
      });
      expect(rowOf(r, world.b.id)).toMatchObject({
        views: 4,
        submissions: 3,
        new_leads: 2,
        visit_to_lead_rate: 0.5,
        referral_leads: 0,
        referrals_per_lead: 0,
      });
    }
  });

  it("shows the median time from lead to MQL, within the ±9% of its histogram bucket", async () => {
    const r = await report({ model: "first_touch" });
    expect(rowOf(r, world.a.id).median_minutes_to_mql).toBeGreaterThan(120 * 0.9);
    expect(rowOf(r, world.a.id).median_minutes_to_mql).toBeLessThan(120 * 1.1);
    expect(rowOf(r, world.b.id).median_minutes_to_mql).toBeNull();
  });

  it.each(["first_touch", "last_touch", "linear"])(
    "per-asset rows add up to the totals exactly (%s), and so do channel × campaign rows",
    async (model) => {
      const coarse = await report({ model });
      const fine = await report({ model, by: "asset,channel,campaign" });
      for (const r of [coarse, fine]) {
        for (const key of [
          "views",
          "submissions",
          "new_leads",
          "leads",
          "spend_minor",
          "mqls",
          "won",
          "revenue_minor",
          "referral_leads",
        ]) {
          const sum = r.rows.reduce((s, row) => s + (row[key] as number), 0);
          expect(sum, key).toBeCloseTo(r.totals[key] as number, 6);
        }
      }
      for (const key of [
        "views",
        "submissions",
        "new_leads",
        "leads",
        "spend_minor",
        "mqls",
        "won",
        "revenue_minor",
      ])
        expect(fine.totals[key], key).toBeCloseTo(coarse.totals[key] as number, 6);
    },
  );

  it("breaks spend down by channel and campaign: campaign spend on paid/spring, asset spend on no channel", async () => {
    const r = await report({ model: "first_touch", by: "asset,channel,campaign" });
    const cell = (asset: number, channel: string, campaign: string) =>
      r.rows.find((x) => x.asset_id === asset && x.channel === channel && x.campaign === campaign);
    expect(cell(world.a.id, "paid", "spring")).toMatchObject({
      spend_minor: 6000,
      leads: 2,
      cost_per_lead_minor: 3000,
    });
    expect(cell(world.b.id, "paid", "spring")).toMatchObject({ spend_minor: 3000, leads: 1 });
    expect(cell(world.b.id, "", "")).toMatchObject({ spend_minor: 1000 });
    // Leads that cost nothing: a cost per lead of zero, not "unknown".
    expect(cell(world.b.id, "email", "")).toMatchObject({
      leads: 1,
      views: 4,
      spend_minor: 0,
      cost_per_lead_minor: 0,
    });
  });

  it("groups by day, week and month without changing the totals", async () => {
    const whole = await report({ model: "linear" });
    for (const grain of ["day", "week", "month"]) {
      const r = await report({ model: "linear", grain });
      expect(r.totals.spend_minor).toBe(whole.totals.spend_minor);
      expect(r.totals.leads).toBeCloseTo(whole.totals.leads as number, 6);
      expect(new Set(r.rows.map((x) => x.period)).size).toBeGreaterThanOrEqual(1);
    }
    const daily = await report({ model: "linear", grain: "day" });
    expect(
      daily.rows.find((x) => x.asset_id === world.a.id && x.period === world.today),
    ).toMatchObject({ spend_minor: 5400 });
  });

  it("filters to one asset", async () => {
    const r = await report({ model: "first_touch", asset_id: String(world.b.id) });
    expect(r.rows.map((x) => x.asset_id)).toEqual([world.b.id]);
    expect(r.totals.spend_minor).toBe(4000);
  });

  it("exports the report as CSV with the model on every row and money as decimals", async () => {
    const res = await fetchWorker(
      `/api/v1/reports/performance?${new URLSearchParams({ from, to, model: "last_touch", format: "csv" })}`,
      { headers: ADMIN },
    );
    expect(res.headers.get("content-type")).toContain("text/csv");
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines[0]).toContain("attribution_model");
    expect(lines[0]).toContain("cost_per_lead_USD");
    expect(lines.slice(1).every((l) => l.includes(",last_touch,"))).toBe(true);
    const header = lines[0]!.split(",");
    const b = lines.find((l) => l.includes("Asset B"))!.split(",");
    expect(b[header.indexOf("spend_USD")]).toBe("55.00");
    expect(b[header.indexOf("cost_per_lead_USD")]).toBe("27.50");
    expect(lines.at(-1)).toMatch(/^total,/);
  });
});
