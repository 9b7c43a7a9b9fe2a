import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { postJson, fetchWorker } from "../support/http";
import { makeAsset } from "../support/fixtures";
import { ADMIN } from "./support/report-fixture";

const GOOGLE_ADS = [
  "Day,Campaign,Cost,Currency,Impressions,Clicks",
  '2026-03-01,spring,120.50,USD,"1,200",30',
  "2026-03-02,spring,80.00,USD,900,21",
  "2026-03-02,brand,5,USD,40,2",
  "Total,,205.50,,2140,53",
].join("\r\n");

const importCsv = (body: Record<string, unknown>) =>
  postJson("/api/v1/spend/import", body, { headers: ADMIN });
const spendCount = async () =>
  (await env.DB.prepare("SELECT count(*) AS n FROM spend").first<{ n: number }>())!.n;

describe("spend CSV import", () => {
  it("previews an ad platform's export without writing anything", async () => {
    const before = await spendCount();
    const res = await importCsv({ csv: GOOGLE_ADS, dry_run: true });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      rows: { line: number; amount_minor: number; impressions: number; duplicate: boolean }[];
      errors: unknown[];
      mapping: Record<string, string>;
    };
    expect(body.mapping).toMatchObject({
      day: "Day",
      campaign: "Campaign",
      cost: "Cost",
      currency: "Currency",
      impressions: "Impressions",
      clicks: "Clicks",
    });
    expect(body.rows.map((r) => [r.line, r.amount_minor, r.impressions])).toEqual([
      [2, 12050, 1200],
      [3, 8000, 900],
      [4, 500, 40],
    ]);
    expect(body.errors).toEqual([]);
    expect(await spendCount()).toBe(before);
  });

  it("importing the same file twice adds nothing the second time", async () => {
    const csv = GOOGLE_ADS.replace(/spring/g, "twice");
    const first = (await (await importCsv({ csv })).json()) as {
      imported: number;
      duplicates: number;
    };
    expect(first).toMatchObject({ imported: 3, duplicates: 0 });
    const count = await spendCount();
    const again = (await (await importCsv({ csv })).json()) as {
      imported: number;
      duplicates: number;
    };
    expect(again).toMatchObject({ imported: 0, duplicates: 3 });
    expect(await spendCount()).toBe(count);
    const preview = (await (await importCsv({ csv, dry_run: true })).json()) as {
      rows: { duplicate: boolean }[];
    };
    expect(preview.rows.every((r) => r.duplicate)).toBe(true);
  });

  it("sums rows of one campaign and day (an export split by ad group) into that day, and re-import adds nothing", async () => {
    const csv = "day,campaign,cost\n2026-04-01,dup,10\n2026-04-01,dup,10\n";
    expect(await (await importCsv({ csv })).json()).toMatchObject({ imported: 1 });
    expect(await (await importCsv({ csv })).json()).toMatchObject({ imported: 0, duplicates: 1 });
    const row = await env.DB.prepare(
      "SELECT amount_minor FROM spend WHERE day_from = '2026-04-01' AND utm_campaign = 'dup'",
    ).all();
    expect(row.results).toEqual([{ amount_minor: 2000 }]);
  });

  it("asks for a column mapping when the headers are not recognised, then imports with it", async () => {
    const csv = "Fecha;Campaña;Importe\n2026-05-01;verano;12,5\n".replace("12,5", "12.5");
    const res = await importCsv({ csv, dry_run: true });
    expect(res.status).toBe(400);
    const err = (await res.json()) as {
      error: { message: string; details: { missing: string[]; headers: string[] } };
    };
    expect(err.error.details).toEqual({
      missing: ["day", "cost"],
      headers: ["Fecha", "Campaña", "Importe"],
    });
    const mapped = await importCsv({
      csv,
      mapping: { day: "Fecha", campaign: "Campaña", cost: "Importe" },
    });
    expect(await mapped.json()).toMatchObject({
      imported: 1,
      rows: [{ day: "2026-05-01", campaign: "verano", amount_minor: 1250 }],
    });
  });

  it("names every bad row with its line and reason, and imports nothing", async () => {
    const before = await spendCount();
    const csv = [
      "day,campaign,cost,currency",
      "2026-06-01,ok,10.00,USD",
      "2026-13-01,bad-day,10,USD",
      '2026-06-02,"multi',
      'line",ten,USD',
      "2026-06-03,too-precise,1.234,USD",
      "2026-06-04,bad-ccy,5,XXQ",
      "2026-06-05,,,USD",
    ].join("\n");
    const res = await importCsv({ csv });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: {
        message: string;
        details: { rows: { line: number; field: string; reason: string }[] };
      };
    };
    expect(body.error.message).toMatch(/nothing was imported/);
    expect(body.error.details.rows.map((r) => [r.line, r.field])).toEqual([
      [3, "day"],
      [4, "cost"],
      [6, "cost"],
      [7, "currency"],
      [8, "cost"],
    ]);
    expect(body.error.details.rows[1]!.reason).toContain('"ten" is not an amount in USD');
    expect(await spendCount()).toBe(before);
  });

  it("names another currency with no exchange rate in the preview, never guessing; a rate given with the file converts", async () => {
    const csv = "day,campaign,cost,currency\n2026-07-01,eu,100.00,EUR\n2026-07-01,jp,1000,JPY\n";
    const preview = (await (await importCsv({ csv, dry_run: true })).json()) as {
      missing_rates: string[];
      rows: { reporting_minor: number | null }[];
    };
    expect(preview.missing_rates).toEqual(["EUR", "JPY"]);
    expect(preview.rows.map((r) => r.reporting_minor)).toEqual([null, null]);
    const ok = await importCsv({ csv, rates: { EUR: "1.08", JPY: "0.0067" } });
    const body = (await ok.json()) as {
      rows: { currency: string; amount_minor: number; reporting_minor: number }[];
    };
    expect(body.rows).toEqual([
      expect.objectContaining({ currency: "EUR", amount_minor: 10000, reporting_minor: 10800 }),
      expect.objectContaining({ currency: "JPY", amount_minor: 1000, reporting_minor: 670 }),
    ]);
  });

  it("ties every row to the asset or channel given with the file", async () => {
    const asset = await makeAsset();
    const res = await importCsv({
      csv: "day,cost\n2026-08-01,3.00\n",
      asset_id: asset.id,
      utm_source: "baidu",
      utm_medium: "cpc",
    });
    expect(await res.json()).toMatchObject({ imported: 1 });
    const row = await env.DB.prepare(
      "SELECT asset_id, channel, utm_source, utm_medium, utm_campaign FROM spend WHERE day_from = '2026-08-01'",
    ).first();
    // UTMs are ties of their own (they meet the leads with those UTMs), not a channel derived from them.
    expect(row).toEqual({
      asset_id: asset.id,
      channel: null,
      utm_source: "baidu",
      utm_medium: "cpc",
      utm_campaign: null,
    });
  });

  it("refuses a file whose rows are tied to nothing", async () => {
    const res = await importCsv({ csv: "day,cost\n2026-08-02,3.00\n" });
    expect(res.status).toBe(400);
    expect(
      ((await res.json()) as { error: { details: { fields: Record<string, string[]> } } }).error
        .details.fields.asset_id,
    ).toBeDefined();
  });

  it("names the line of a quote that never closes", async () => {
    const res = await importCsv({
      csv: 'day,campaign,cost\n2026-01-01,ok,1\n2026-01-02,"open,1\n',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { details: { rows: [{ line: 3 }] } } });
  });
});

describe("spend API", () => {
  it("records a range of spend and lists it", async () => {
    const asset = await makeAsset();
    const res = await postJson(
      "/api/v1/spend",
      {
        asset_id: asset.id,
        day_from: "2026-02-01",
        day_to: "2026-02-28",
        amount_minor: 280000,
        currency: "usd",
        impressions: 10,
      },
      { headers: ADMIN },
    );
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: number };
    expect(created).toMatchObject({
      asset_id: asset.id,
      day_from: "2026-02-01",
      day_to: "2026-02-28",
      amount_minor: 280000,
      currency: "USD",
      reporting_minor: 280000,
      imported: false,
    });
    const list = (await (
      await fetchWorker(`/api/v1/spend?asset_id=${asset.id}`, { headers: ADMIN })
    ).json()) as { data: { id: number }[] };
    expect(list.data.map((d) => d.id)).toEqual([created.id]);
    const del = await fetchWorker(`/api/v1/spend/${created.id}`, {
      method: "DELETE",
      headers: ADMIN,
    });
    expect(del.status).toBe(204);
    expect(
      (await fetchWorker(`/api/v1/spend/${created.id}`, { method: "DELETE", headers: ADMIN }))
        .status,
    ).toBe(404);
  });

  it.each([
    [{ day_from: "2026-02-01", amount_minor: 100, currency: "USD" }, "asset_id"],
    [{ asset_id: 1, day_from: "2026-02-30", amount_minor: 100, currency: "USD" }, "day_from"],
    [
      {
        channel: "paid",
        day_from: "2026-02-02",
        day_to: "2026-02-01",
        amount_minor: 100,
        currency: "USD",
      },
      "day_to",
    ],
    [
      { channel: "paid", day_from: "2026-02-01", amount_minor: 1.5, currency: "USD" },
      "amount_minor",
    ],
    [{ channel: "paid", day_from: "2026-02-01", amount_minor: 100, currency: "XXQ" }, "currency"],
    [{ channel: "tv", day_from: "2026-02-01", amount_minor: 100, currency: "USD" }, "channel"],
    [{ asset_id: 999999, day_from: "2026-02-01", amount_minor: 100, currency: "USD" }, "asset_id"],
  ])("refuses bad spend %j naming the field", async (body, field) => {
    const res = await postJson("/api/v1/spend", body, { headers: ADMIN });
    expect(res.status).toBe(400);
    const err = (await res.json()) as { error: { details: { fields: Record<string, string[]> } } };
    expect(Object.keys(err.error.details.fields)).toContain(field);
  });

  it("converts another currency at the given rate", async () => {
    const res = await postJson(
      "/api/v1/spend",
      {
        channel: "paid",
        day_from: "2026-02-01",
        amount_minor: 71200,
        currency: "CNY",
        fx_rate: "0.1404",
      },
      { headers: ADMIN },
    );
    expect(await res.json()).toMatchObject({
      amount_minor: 71200,
      currency: "CNY",
      reporting_minor: 9996,
    });
  });
});
