import { beforeAll, describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { insertLead } from "../support/leads";
import { fetchWorker } from "../support/http";
import { db, makeAsset } from "../support/fixtures";
import { recordViews } from "../../src/services/reports/record-views";
import { ADMIN, gate } from "./support/report-fixture";
import { utcDay } from "../../src/domain/calendar-day";
import { login, type Session } from "../admin/support/browser-like";

const today = utcDay(Date.now());
const range = `from=${today}&to=${today}`;
let s: Session;

beforeAll(async () => {
  s = await login();
});

describe("score calibration", () => {
  beforeAll(async () => {
    // Scores 12, 15 and 19 share the 10–19 band; 3 and 7 share 0–9; one lead below zero.
    for (const score of [12, 15, 19, 3, 7, -4]) {
      const id = await insertLead();
      await env.DB.prepare("UPDATE leads SET score = ? WHERE id = ?").bind(score, id).run();
    }
  });

  it("the API gives each band once, with every lead of the band counted in it", async () => {
    const res = await fetchWorker(`/api/v1/reports/score-calibration?${range}`, { headers: ADMIN });
    expect(res.status).toBe(200);
    const { bands } = (await res.json()) as { bands: { band: string; leads: number }[] };
    expect(bands.map((b) => [b.band, b.leads])).toEqual([
      ["<0", 1],
      ["0–9", 2],
      ["10–19", 3],
    ]);
  });

  it("the reports page shows each band in one row", async () => {
    const html = await (await s.get(`/admin/reports?${range}`)).text();
    const calibration = html.slice(html.indexOf("Score calibration"));
    const bands = [...calibration.matchAll(/<tr><td>([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(bands).toEqual(["&lt;0", "0–9", "10–19"]);
  });
});

/** The HTML from a heading to the end of its card. */
const card = (html: string, heading: string) => {
  const at = html.indexOf(heading);
  expect(at, `no "${heading}" on the page`).toBeGreaterThan(-1);
  const next = html.indexOf('<div class="card">', at);
  return html.slice(at, next === -1 ? undefined : next);
};
const figure = (html: string, assetId: number, name: string) =>
  new RegExp(`data-asset-id="${assetId}"[\\s\\S]*?data-figure="${name}">([^<]*)<`).exec(html)?.[1];

describe("figures without spend, and charts without data", () => {
  let withLeads: Awaited<ReturnType<typeof makeAsset>>;
  let withoutLeads: Awaited<ReturnType<typeof makeAsset>>;
  beforeAll(async () => {
    withLeads = await makeAsset({ title: "Asset With Leads" });
    withoutLeads = await makeAsset({ title: "Asset Without Leads" });
    await gate(withLeads.slug, { email: "first@display.test", utm_campaign: "display" });
    await gate(withLeads.slug, { email: "second@display.test", utm_campaign: "display" });
    // Visited but no lead: a row in the overview with zero leads every day.
    await recordViews(db(), [
      { type: "view", assetId: withoutLeads.id, day: today, channel: "direct", campaign: "" },
    ]);
    const views = await (
      await fetchWorker(`/api/v1/reports/performance?${range}&asset_id=${withoutLeads.id}`, {
        headers: ADMIN,
      })
    ).json<{ rows: { views: number; leads: number }[] }>();
    expect(views.rows).toMatchObject([{ views: 1, leads: 0 }]);
  });

  it("spend, cost per lead and cost per MQL show — where no spend was recorded, in the overview and the report", async () => {
    for (const path of ["/admin", `/admin/reports?${range}`]) {
      const html = await (await s.get(path)).text();
      for (const f of ["spend", "cpl", "cost_per_mql"])
        expect(figure(html, withLeads.id, f), `${path} ${f}`).toBe("—");
    }
    const kpi = (html: string, label: string) =>
      new RegExp(`<div class="kpi"><b>([^<]*)</b><span>${label}</span>`).exec(html)?.[1];
    const en = await (await s.get("/admin")).text();
    expect(kpi(en, "Spend")).toBe("—");
    expect(kpi(en, "Cost per lead")).toBe("—");
    const zh = await (await (await login(env.ADMIN_TOKEN, "zh-CN")).get("/admin")).text();
    expect(figure(zh, withLeads.id, "cpl")).toBe("—");
    expect(kpi(zh, "花费")).toBe("—");
    expect(kpi(zh, "单条线索成本")).toBe("—");
  });

  it("the cost-per-lead chart draws no axis while no week has spend, and the leads chart leaves out the asset without leads", async () => {
    const html = await (await s.get("/admin")).text();
    const cpl = card(html, "Cost per lead per week");
    expect(cpl).toContain('data-chart-empty="true"');
    expect(cpl).toContain("No cost per lead yet");
    expect(cpl).not.toContain("<svg");
    const leads = card(html, "Leads per day");
    expect(leads).toContain("<svg");
    expect(leads).toContain("Asset With Leads");
    expect(leads).not.toContain("Asset Without Leads");
  });

  it("once spend is recorded the figures are money and the chart has its axis", async () => {
    const res = await fetchWorker("/api/v1/spend", {
      method: "POST",
      headers: { ...ADMIN, "content-type": "application/json" },
      body: JSON.stringify({
        asset_id: withLeads.id,
        day_from: today,
        amount_minor: 5000,
        currency: "USD",
      }),
    });
    expect(res.status).toBe(201);
    const html = await (await s.get("/admin")).text();
    expect(figure(html, withLeads.id, "spend")).toBe("$50.00");
    expect(figure(html, withLeads.id, "cpl")).toBe("$25.00");
    expect(figure(html, withLeads.id, "cost_per_mql"), "no MQLs to divide by").toBe("—");
    const cpl = card(html, "Cost per lead per week");
    expect(cpl).toContain("<svg");
    expect(cpl).not.toContain("data-chart-empty");
    expect(cpl).toContain("$25.00");
    expect(cpl).not.toContain("Asset Without Leads");
  });
});
