// Real exports, as downloaded, give the cost per lead a marketer can check by hand: per campaign, per asset
// and per channel, in USD, with a 百度 file in CNY converted at the day's rate.
import { beforeAll, describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { fetchWorker } from "../support/http";
import { makeAsset } from "../support/fixtures";
import { insertLead } from "../support/leads";
import { ADMIN } from "./support/report-fixture";
import { fixtureBytes, uploadExport } from "./support/ad-exports";

type Row = Record<string, number | string | null>;
const NOV_1 = Date.UTC(2026, 10, 1, 12);

async function leadVia(assetId: number, source: string, campaign: string) {
  const id = await insertLead({ created_at: NOV_1 });
  await env.DB.prepare(
    "INSERT INTO touches (lead_id, asset_id, at, channel, utm_source, utm_medium, utm_campaign) VALUES (?, ?, ?, 'paid', ?, 'cpc', ?)",
  )
    .bind(id, assetId, NOV_1, source, campaign)
    .run();
}

async function report(by: string): Promise<{ rows: Row[]; totals: Row }> {
  const q = new URLSearchParams({ from: "2026-11-01", to: "2026-11-03", by, model: "first_touch" });
  const res = await fetchWorker(`/api/v1/reports/performance?${q}`, { headers: ADMIN });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json() as Promise<{ rows: Row[]; totals: Row }>;
}

let a: { id: number };
let b: { id: number };

beforeAll(async () => {
  a = await makeAsset({ title: "Whitepaper A" });
  b = await makeAsset({ title: "Report B" });
  for (let i = 0; i < 3; i++) await leadVia(a.id, "google", "Spring Whitepaper");
  // Tagged by hand in lower case: the Google campaign "Brand Search" still meets them.
  for (let i = 0; i < 2; i++) await leadVia(a.id, "google", "brand search");
  await leadVia(b.id, "google", "Spring Whitepaper");
  for (let i = 0; i < 2; i++) await leadVia(b.id, "baidu", "白皮书-品牌词");

  const google = await uploadExport(fixtureBytes("google-ads.csv"));
  expect(google.status, await google.clone().text()).toBe(200);
  const rate = await fetchWorker("/api/v1/exchange-rates", {
    method: "PUT",
    headers: { ...ADMIN, "content-type": "application/json" },
    body: JSON.stringify({ rates: [{ currency: "CNY", day: "2026-10-30", rate: "0.14" }] }),
  });
  expect(rate.status).toBe(200);
  const baidu = await uploadExport(fixtureBytes("baidu.csv"));
  expect(baidu.status, await baidu.clone().text()).toBe(200);
});

describe("cost per lead from real exports, checked by hand", () => {
  // Google (USD): Spring Whitepaper 1,234.56 + 1,020.00 + 0.00 = 2,254.56; Brand Search 310.20 + 298.75 = 608.95.
  // 百度 (CNY at 0.14, day by day): 白皮书-品牌词 1,050.30 → 147.04 and 990.70 → 138.70 = 285.74;
  // 竞品词-数据分析 620.00 → 86.80 and 589.50 → 82.53 = 169.33, which meets no lead.
  it("per campaign", async () => {
    const r = await report("campaign");
    const by = (c: string) => r.rows.find((x) => x.campaign === c)!;
    expect(by("Spring Whitepaper")).toMatchObject({
      leads: 4,
      spend_minor: 225_456,
      cost_per_lead_minor: 56_364,
    });
    expect(by("brand search")).toMatchObject({
      leads: 2,
      spend_minor: 60_895,
      cost_per_lead_minor: 30_448,
    });
    expect(by("白皮书-品牌词")).toMatchObject({
      leads: 2,
      spend_minor: 28_574,
      cost_per_lead_minor: 14_287,
    });
    expect(by("竞品词-数据分析")).toMatchObject({ leads: 0, spend_minor: 16_933 });
    expect(r.totals).toMatchObject({ leads: 8, spend_minor: 331_858 });
  });

  it("per asset: campaign spend spread by the leads each asset got from it", async () => {
    const r = await report("asset");
    const of = (id: number | null) => r.rows.find((x) => x.asset_id === id)!;
    // A: 3/4 of Spring (169,092) + Brand (60,895) over 5 leads; B: 1/4 of Spring (56,364) + 百度 (28,574) over 3.
    expect(of(a.id)).toMatchObject({ leads: 5, spend_minor: 229_987, cost_per_lead_minor: 45_997 });
    expect(of(b.id)).toMatchObject({ leads: 3, spend_minor: 84_938, cost_per_lead_minor: 28_313 });
    expect(of(null)).toMatchObject({ spend_minor: 16_933 });
  });

  it("per channel: every matched dollar on the paid leads' row", async () => {
    const r = await report("channel");
    expect(r.rows.find((x) => x.channel === "paid")).toMatchObject({
      leads: 8,
      spend_minor: 314_925,
      cost_per_lead_minor: 39_366,
    });
  });
});
