// Spend meets the leads it paid for on the same keys as the leads' touches: UTM source, medium and
// campaign, whatever their case or spacing, and only on the days a report covers.
import { beforeAll, describe, expect, it } from "vitest";
import { fetchWorker, postJson } from "../support/http";
import { makeAsset } from "../support/fixtures";
import { utcDay } from "../../src/domain/calendar-day";
import { addDays } from "../../src/domain/report-days";
import { ADMIN, gate } from "./support/report-fixture";

type Row = Record<string, number | string | null>;
interface ReportJson {
  rows: Row[];
  totals: Row;
}

const today = utcDay(Date.now());
let whitepaper: { id: number; slug: string };
const googleLeads: number[] = [];

async function report(params: Record<string, string>): Promise<ReportJson> {
  const res = await fetchWorker(
    `/api/v1/reports/performance?${new URLSearchParams({ from: addDays(today, -1), to: addDays(today, 1), ...params })}`,
    { headers: ADMIN },
  );
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

async function spend(body: Record<string, unknown>) {
  const res = await postJson(
    "/api/v1/spend",
    { day_from: today, currency: "USD", ...body },
    { headers: ADMIN },
  );
  expect(res.status, await res.clone().text()).toBe(201);
}

beforeAll(async () => {
  whitepaper = await makeAsset({ title: "Google whitepaper" });
  // Four leads from a Google Ads campaign, tagged by hand with other case and stray spaces.
  for (const [i, utm] of [
    { utm_source: "google", utm_medium: "cpc", utm_campaign: "Spring Launch" },
    { utm_source: "Google ", utm_medium: "CPC", utm_campaign: "spring launch" },
    { utm_source: "google", utm_medium: "cpc", utm_campaign: " Spring  Launch " },
    { utm_source: "GOOGLE", utm_medium: "cpc", utm_campaign: "SPRING LAUNCH" },
  ].entries())
    googleLeads.push(await gate(whitepaper.slug, { email: `g${i}@buyer.test`, ...utm }));
  // A lead from elsewhere, which Google's spend must not be spread over.
  await gate(whitepaper.slug, {
    email: "news@buyer.test",
    utm_source: "newsletter",
    utm_medium: "email",
  });
});

describe("spend tied by UTM meets the leads with those UTMs", () => {
  it("stores a capture's source and medium case-folded and every value trimmed", async () => {
    const touchOf = async (id: number) =>
      (
        (await (await fetchWorker(`/api/v1/leads/${id}`, { headers: ADMIN })).json()) as {
          touches: Record<string, string | null>[];
        }
      ).touches[0]!;
    expect(await touchOf(googleLeads[1]!)).toMatchObject({
      utm_source: "google",
      utm_medium: "cpc",
      utm_campaign: "spring launch",
    });
    // Campaigns keep their case for display; runs of spaces become one.
    expect(await touchOf(googleLeads[2]!)).toMatchObject({ utm_campaign: "Spring Launch" });
  });

  it("puts spend tied by utm_source alone on the paid leads' row, none of it unattributed", async () => {
    await spend({ utm_source: "Google", amount_minor: 8000 });
    const r = await report({ model: "first_touch", by: "channel" });
    const paid = r.rows.find((x) => x.channel === "paid")!;
    expect(paid).toMatchObject({ leads: 4, spend_minor: 8000, cost_per_lead_minor: 2000 });
    expect(r.rows.find((x) => x.channel === "email")).toMatchObject({ spend_minor: 0 });
    expect(r.rows.filter((x) => x !== paid && x.spend_minor !== 0)).toEqual([]);
    expect(r.totals).toMatchObject({ spend_minor: 8000 });
  });

  it("matches a campaign whatever its case or spacing, on one campaign row", async () => {
    await spend({ utm_campaign: "SPRING   launch", amount_minor: 4000 });
    const r = await report({ model: "linear", by: "campaign" });
    const spring = r.rows.filter((x) => String(x.campaign).toLowerCase().includes("spring"));
    expect(spring).toHaveLength(1);
    expect(spring[0]).toMatchObject({ leads: 4, spend_minor: 12_000, cost_per_lead_minor: 3000 });
  });
});

describe("spend over a range of days", () => {
  it("is spread evenly over its days, and a report gets only the days inside its window", async () => {
    const other = await makeAsset({ title: "Ranged" });
    // 10 days × 30.00: a three-day window (yesterday, today, tomorrow) holds the days inside it.
    await spend({
      asset_id: other.id,
      day_from: addDays(today, -5),
      day_to: addDays(today, 4),
      amount_minor: 30_000,
    });
    const r = await report({ model: "first_touch", by: "asset", asset_id: String(other.id) });
    expect(r.totals).toMatchObject({ spend_minor: 9000 });
  });
});
