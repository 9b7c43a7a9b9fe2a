// Chinese platforms bill in CNY, others in USD or EUR: a rates table by day turns each day of spend, and
// each deal, into the reporting currency (USD here) at that day's rate — and names what it cannot convert.
import { describe, expect, it } from "vitest";
import { fetchWorker, postJson } from "../support/http";
import { makeAsset } from "../support/fixtures";
import { utcDay } from "../../src/domain/calendar-day";
import { addDays } from "../../src/domain/report-days";
import { ADMIN, gate } from "./support/report-fixture";

const put = (body: unknown) =>
  fetchWorker("/api/v1/exchange-rates", {
    method: "PUT",
    headers: { ...ADMIN, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

async function report(assetId: number, from: string, to: string) {
  const q = new URLSearchParams({ from, to, asset_id: String(assetId) });
  const res = await fetchWorker(`/api/v1/reports/performance?${q}`, { headers: ADMIN });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as {
    totals: { spend_minor: number; revenue_minor: number };
    unconverted: { currency: string; amount_minor: number }[];
  };
}

async function spend(body: Record<string, unknown>) {
  const res = await postJson("/api/v1/spend", body, { headers: ADMIN });
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json() as Promise<{ reporting_minor: number | null }>;
}

describe("setting rates", () => {
  it("takes rates as JSON or CSV and lists them by currency and day", async () => {
    expect(
      (await put({ rates: [{ currency: "sgd", day: "2026-01-05", rate: "0.74" }] })).status,
    ).toBe(200);
    const csv = await put({ csv: "currency,day,rate\nEUR,2026-01-05,1.08\nEUR,2026-01-06,1.09\n" });
    expect(await csv.json()).toEqual({ saved: 2 });
    const list = (await (
      await fetchWorker("/api/v1/exchange-rates?from=2026-01-01&to=2026-01-31", { headers: ADMIN })
    ).json()) as { data: unknown[] };
    expect(list.data).toEqual([
      { currency: "EUR", day: "2026-01-05", rate: "1.08" },
      { currency: "EUR", day: "2026-01-06", rate: "1.09" },
      { currency: "SGD", day: "2026-01-05", rate: "0.74" },
    ]);
  });

  it("replaces the rate of a currency-day set again", async () => {
    await put({ rates: [{ currency: "GBP", day: "2026-01-05", rate: "1.20" }] });
    await put({ rates: [{ currency: "GBP", day: "2026-01-05", rate: "1.25" }] });
    const list = (await (
      await fetchWorker("/api/v1/exchange-rates?currency=GBP", { headers: ADMIN })
    ).json()) as { data: { rate: string }[] };
    expect(list.data.map((r) => r.rate)).toEqual(["1.25"]);
  });

  it("names every bad line and saves nothing", async () => {
    const res = await put({
      csv: "day,currency,rate\n2026-02-30,CNY,0.14\n2026-02-01,XXQ,1\n2026-02-01,JPY,-1\n2026-02-02,CNY,0.14\n",
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { details: { rows: { line: number; field: string }[] } };
    };
    expect(body.error.details.rows.map((r) => [r.line, r.field])).toEqual([
      [2, "day"],
      [3, "currency"],
      [4, "rate"],
    ]);
    const list = (await (
      await fetchWorker("/api/v1/exchange-rates?from=2026-02-01&to=2026-02-28", { headers: ADMIN })
    ).json()) as { data: unknown[] };
    expect(list.data).toEqual([]);
  });

  it("refuses a rate for the reporting currency and a body with neither rates nor csv", async () => {
    expect((await put({ rates: [{ currency: "USD", day: "2026-01-05", rate: "1" }] })).status).toBe(
      400,
    );
    expect((await put({})).status).toBe(400);
  });
});

describe("spend in another currency", () => {
  it("is named, not guessed, while no rate covers its days, and converts once one does", async () => {
    const asset = await makeAsset({ title: "巨量引擎 campaign" });
    // ¥1,000.00 a day over Friday 2026-03-06 to Sunday 2026-03-08.
    const row = await spend({
      asset_id: asset.id,
      day_from: "2026-03-06",
      day_to: "2026-03-08",
      amount_minor: 300_000,
      currency: "CNY",
    });
    expect(row.reporting_minor).toBeNull();
    const before = await report(asset.id, "2026-03-06", "2026-03-08");
    expect(before.totals.spend_minor).toBe(0);
    expect(before.unconverted).toEqual([{ currency: "CNY", amount_minor: 300_000 }]);

    // A rate on Friday only: the weekend uses Friday's rate (the latest on or before each day).
    await put({ rates: [{ currency: "CNY", day: "2026-03-06", rate: "0.138" }] });
    const after = await report(asset.id, "2026-03-06", "2026-03-08");
    expect(after.unconverted).toEqual([]);
    expect(after.totals.spend_minor).toBe(3 * 13_800);

    // Sunday's own rate: Sunday converts at it, Friday and Saturday keep Friday's.
    await put({ rates: [{ currency: "CNY", day: "2026-03-08", rate: "0.14" }] });
    expect((await report(asset.id, "2026-03-06", "2026-03-08")).totals.spend_minor).toBe(
      2 * 13_800 + 14_000,
    );
    // A window of Saturday alone gets Saturday's share, at Friday's rate.
    expect((await report(asset.id, "2026-03-07", "2026-03-07")).totals.spend_minor).toBe(13_800);
  });

  it("keeps a rate given with the row itself", async () => {
    const asset = await makeAsset();
    const row = await spend({
      asset_id: asset.id,
      day_from: "2026-03-10",
      amount_minor: 100_000,
      currency: "CNY",
      fx_rate: "0.15",
    });
    expect(row.reporting_minor).toBe(15_000);
  });
});

describe("revenue in another currency", () => {
  it("converts a won deal at the rate of its day, and refuses one with no rate, naming the currency", async () => {
    const asset = await makeAsset();
    const today = utcDay(Date.now());
    const lead = await gate(asset.slug, { email: "eur-deal@buyer.test" });
    const refused = await postJson(
      `/api/v1/leads/${lead}/outcomes`,
      { stage: "won", amount: 1000, currency: "CHF", external_id: "chf-1" },
      { headers: ADMIN },
    );
    expect(refused.status).toBe(400);
    const err = (await refused.json()) as {
      error: { details: { fields: Record<string, string[]> } };
    };
    expect(err.error.details.fields.currency![0]).toContain("CHF");

    await put({ rates: [{ currency: "CHF", day: addDays(today, -3), rate: "1.1" }] });
    const won = await postJson(
      `/api/v1/leads/${lead}/outcomes`,
      { stage: "won", amount: 1000, currency: "CHF", external_id: "chf-1" },
      { headers: ADMIN },
    );
    expect(won.status, await won.clone().text()).toBeLessThan(300);
    const r = await report(asset.id, addDays(today, -1), addDays(today, 1));
    expect(r.totals.revenue_minor).toBe(110_000);
  });
});
