// A marketer points an ad platform's campaign at the leads' campaign in the import preview, and keeps
// exchange rates on the spend page: all from the dashboard.
import { beforeAll, describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { login, type Session } from "./support/browser-like";
import { makeAsset } from "../support/fixtures";
import { utcDay } from "../../src/domain/calendar-day";
import { gate } from "../reports/support/report-fixture";

const today = utcDay(Date.now());
let s: Session;

beforeAll(async () => {
  s = await login();
  const asset = await makeAsset({ title: "巨量 paper" });
  await gate(asset.slug, {
    email: "jl@buyer.cn",
    utm_source: "oceanengine",
    utm_medium: "cpc",
    utm_campaign: "jl-autumn",
  });
});

describe("campaigns in the import preview", () => {
  it("flags a campaign that meets no lead, maps it to the leads' campaign, and imports it there", async () => {
    const csv = `day,campaign,cost\n${today},巨量-秋季-信息流,88.00\n`;
    const preview = await s.post("/admin/spend/import", { csv, action: "preview" });
    const html = await preview.text();
    expect(preview.status, html).toBe(200);
    expect(html).toContain("Meets no lead");
    expect(html).toContain('<option value="jl-autumn">jl-autumn</option>');

    const mapped = await s.post("/admin/spend/import", {
      csv,
      action: "preview",
      cmap_name_0: "巨量-秋季-信息流",
      cmap_utm_0: "jl-autumn",
    });
    const mappedHtml = await mapped.text();
    expect(mappedHtml).not.toContain("Meets no lead");
    expect(mappedHtml).toMatch(/<td class="n">1<\/td>/);

    const done = await s.post("/admin/spend/import", {
      csv,
      action: "import",
      cmap_name_0: "巨量-秋季-信息流",
      cmap_utm_0: "jl-autumn",
    });
    expect(done.status).toBe(200);
    const row = await env.DB.prepare(
      "SELECT utm_campaign, platform_campaign, amount_minor FROM spend WHERE platform_campaign = ?",
    )
      .bind("巨量-秋季-信息流")
      .first();
    expect(row).toEqual({
      utm_campaign: "jl-autumn",
      platform_campaign: "巨量-秋季-信息流",
      amount_minor: 8800,
    });
    // The spend list says what the row is tied to, and the name it had in the ad platform.
    const list = await (await s.get("/admin/spend")).text();
    expect(list).toContain("jl-autumn");
    expect(list).toContain("← 巨量-秋季-信息流");
  });
});

describe("exchange rates on the spend page", () => {
  it("saves pasted rates and lists each currency's latest", async () => {
    const res = await s.post("/admin/spend/rates", {
      rates_csv: "2026-11-27,CNY,0.1381\n2026-11-30,CNY,0.1379\n2026-11-30,EUR,1.05",
    });
    const html = await res.text();
    expect(res.status, html).toBe(200);
    expect(html).toContain("Saved 3 rate(s).");
    expect(html).toMatch(/CNY<\/td><td>2026-11-30<\/td><td class="n">0\.1379/);
  });

  it("names a bad line and saves nothing", async () => {
    const res = await s.post("/admin/spend/rates", { rates_csv: "2026-11-31,CNY,0.14" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Line 2");
  });
});
