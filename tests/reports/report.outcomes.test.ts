import { describe, expect, it } from "vitest";
import { fetchWorker, postJson } from "../support/http";
import { makeAsset } from "../support/fixtures";
import { addDays } from "../../src/domain/report-days";
import { utcDay } from "../../src/domain/calendar-day";
import { ADMIN, gate } from "./support/report-fixture";

describe("outcomes that sales report flow back into the report", () => {
  it("a won deal reported through the API shows as won, revenue and ROI on the asset that brought the lead", async () => {
    const asset = await makeAsset({ title: "Won asset" });
    const lead = await gate(asset.slug, {
      email: "buyer@won.test",
      utm_source: "linkedin",
      utm_medium: "cpc",
      utm_campaign: "won-camp",
    });
    await gate(asset.slug, {
      email: "other@won.test",
      utm_source: "linkedin",
      utm_medium: "cpc",
      utm_campaign: "won-camp",
    });
    const today = utcDay(Date.now());
    expect(
      (
        await postJson(
          "/api/v1/spend",
          { asset_id: asset.id, day_from: today, amount_minor: 20_000, currency: "USD" },
          { headers: ADMIN },
        )
      ).status,
    ).toBe(201);
    const won = await postJson(
      `/api/v1/leads/${lead}/outcomes`,
      { stage: "won", amount: 1200, currency: "USD", external_id: "opp-1" },
      { headers: ADMIN },
    );
    expect(won.status, await won.clone().text()).toBeLessThan(300);

    const q = new URLSearchParams({
      from: addDays(today, -1),
      to: addDays(today, 1),
      asset_id: String(asset.id),
    });
    const r = (await (
      await fetchWorker(`/api/v1/reports/performance?${q}`, { headers: ADMIN })
    ).json()) as { rows: Record<string, number>[] };
    expect(r.rows[0]).toMatchObject({
      leads: 2,
      spend_minor: 20_000,
      cost_per_lead_minor: 10_000,
      won: 1,
      accepted: 1,
      revenue_minor: 120_000,
      roi: 5,
    });
  });
});
