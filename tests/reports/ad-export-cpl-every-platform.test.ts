// Every platform's export, as downloaded, lands on the leads of its campaigns: one lead per campaign, so
// each campaign's cost per lead is its spend, checked against the file's own figures by hand.
// Foreign currencies convert at 2 (EUR and CNY) so the arithmetic stays exact on paper.
import { beforeAll, describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { fetchWorker } from "../support/http";
import { makeAsset } from "../support/fixtures";
import { insertLead } from "../support/leads";
import { ADMIN } from "./support/report-fixture";
import { fixtureBytes, uploadExport } from "./support/ad-exports";

const NOV_1 = Date.UTC(2026, 10, 1, 12);

/** Spend per campaign in USD cents, from each fixture's rows (EUR and CNY × 2). */
const EXPECTED: Record<string, number> = {
  // Google Ads 2,254.56 + Microsoft €810.85 × 2: both name their campaign "Spring Whitepaper".
  "Spring Whitepaper": 225_456 + 162_170,
  "Brand Search": 60_895,
  "CMO Guide – Display": 399_999, // Google's Excel download
  "Competitor Terms": 58_470, // Microsoft €292.35 × 2
  "Webinar Retargeting": 130_000, // Meta, one row over Nov 1–30
  "Lookalike – CMO Guide": 185_000, // Meta, two rows: Nov 1–15 and 16–30
  "CMO Guide - Sponsored Content": 50_050, // LinkedIn
  "Benchmark Report - Lead Gen": 35_025,
  "白皮书-品牌词": 408_200, // 百度 ¥2,041.00 × 2
  "竞品词-数据分析": 241_900,
  "白皮书-线索收集": 890_000, // 巨量引擎 ¥4,450.00 × 2
  直播预约: 160_000,
  "公众号-白皮书下载": 460_000, // 腾讯广告 ¥2,300.00 × 2
  "朋友圈-研讨会报名": 130_100,
};

let asset: { id: number };

beforeAll(async () => {
  asset = await makeAsset({ title: "Every platform" });
  for (const campaign of Object.keys(EXPECTED)) {
    const id = await insertLead({ created_at: NOV_1 });
    await env.DB.prepare(
      "INSERT INTO touches (lead_id, asset_id, at, channel, utm_source, utm_medium, utm_campaign) VALUES (?, ?, ?, 'paid', 'ads', 'cpc', ?)",
    )
      .bind(id, asset.id, NOV_1, campaign)
      .run();
  }
  for (const file of [
    "google-ads.csv",
    "google-ads-excel.csv",
    "microsoft-ads.csv",
    "meta-ads.csv",
    "linkedin-ads.csv",
    "baidu.csv",
    "ocean-engine.csv",
    "tencent-ads.csv",
  ]) {
    const res = await uploadExport(fixtureBytes(file), { rates: '{"EUR":"2","CNY":"2"}' }, file);
    expect(res.status, `${file}: ${await res.clone().text()}`).toBe(200);
  }
});

async function report(by: string) {
  const q = new URLSearchParams({ from: "2026-11-01", to: "2026-11-30", by, model: "linear" });
  const res = await fetchWorker(`/api/v1/reports/performance?${q}`, { headers: ADMIN });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as { rows: Record<string, number | string | null>[] };
}

describe("cost per lead from every platform's export", () => {
  it("per campaign: each campaign's spend on its one lead", async () => {
    const r = await report("campaign");
    const got = Object.fromEntries(
      r.rows
        .filter((x) => (x.leads as number) > 0)
        .map((x) => [x.campaign, [x.leads, x.spend_minor, x.cost_per_lead_minor]]),
    );
    expect(got).toEqual(
      Object.fromEntries(Object.entries(EXPECTED).map(([c, s]) => [c, [1, s, s]])),
    );
    expect(r.rows.filter((x) => !x.leads && x.spend_minor)).toEqual([]);
  });

  it("per asset and per channel: all of it on the one asset's paid leads", async () => {
    const total = Object.values(EXPECTED).reduce((a, b) => a + b, 0); // 3,597,265
    const leads = Object.keys(EXPECTED).length;
    for (const [by, key, value] of [
      ["asset", "asset_id", asset.id],
      ["channel", "channel", "paid"],
    ] as const) {
      const row = (await report(by)).rows.find((x) => x[key] === value)!;
      expect(row).toMatchObject({
        leads,
        spend_minor: total,
        cost_per_lead_minor: Math.round(total / leads),
      });
    }
  });
});
