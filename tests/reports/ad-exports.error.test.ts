import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { fetchWorker } from "../support/http";
import { fixtureBytes, type ImportBody, uploadExport } from "./support/ad-exports";
import { ADMIN } from "./support/report-fixture";

interface ErrorBody {
  error: {
    message: string;
    details: {
      rows?: { line: number; field: string | null; reason: string }[];
      fields?: Record<string, string[]>;
    };
  };
}
const utf8 = (s: string) => new TextEncoder().encode(s);

describe("a CNY export is never read as another currency", () => {
  it("a 巨量引擎 file without a CNY rate is kept in CNY and named, never read as USD", async () => {
    const res = await uploadExport(fixtureBytes("ocean-engine.csv"), { channel: "paid" });
    expect(res.status).toBe(200);
    const b = (await res.json()) as ImportBody & { missing_rates: string[] };
    expect(b.missing_rates).toEqual(["CNY"]);
    expect(b.rows.map((r) => r.currency)).toEqual(["CNY", "CNY", "CNY"]);
    const stored = await env.DB.prepare(
      "SELECT DISTINCT currency, reporting_minor FROM spend WHERE platform = 'ocean_engine'",
    ).all();
    expect(stored.results).toEqual([{ currency: "CNY", reporting_minor: null }]);
  });

  it("the preview lists the rows in CNY and says a CNY rate is missing", async () => {
    const res = await uploadExport(fixtureBytes("baidu.csv"), { channel: "paid", dry_run: "true" });
    const b = (await res.json()) as ImportBody & { missing_rates: string[] };
    expect(b.errors).toEqual([]);
    expect(b.missing_rates).toEqual(["CNY"]);
    expect(b.rows.every((r) => r.currency === "CNY")).toBe(true);
  });

  it("a currency typed in the form does not turn the platform's CNY into USD", async () => {
    const res = await uploadExport(fixtureBytes("ocean-engine.csv"), {
      channel: "paid",
      currency: "USD",
      dry_run: "true",
    });
    const b = (await res.json()) as ImportBody & { missing_rates: string[] };
    expect(b.rows.every((r) => r.currency === "CNY")).toBe(true);
    expect(b.missing_rates).toEqual(["CNY"]);
  });
});

describe("files that cannot be imported get a 4xx naming the line, never a 5xx", () => {
  it.each([
    ["an empty file", new Uint8Array(), 1, "The file is empty"],
    [
      "binary garbage",
      Uint8Array.from({ length: 600 }, (_, i) => (i * 151 + 7) % 256),
      1,
      "not text",
    ],
    ["an Excel workbook", Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0]), 1, ".xlsx"],
    ["a header with no rows", utf8("Day,Campaign,Cost\r\n"), 1, "header but no rows"],
    [
      "a title and a header with only a Total row",
      utf8('Campaign report\r\nDay,Campaign,Cost\r\nTotal: Account,--,"1.00"\r\n'),
      2,
      "header but no rows",
    ],
  ])("%s", async (_what, bytes, line, reason) => {
    const res = await uploadExport(bytes, { channel: "paid" });
    expect(res.status).toBe(400);
    const rows = ((await res.json()) as ErrorBody).error.details.rows!;
    expect(rows[0]).toMatchObject({ line });
    expect(rows[0]!.reason).toContain(reason);
  });

  it("a row with an unreadable amount is named by its line and field", async () => {
    const csv =
      'Campaign report\r\n"November 1, 2026 - November 2, 2026"\r\nDay,Campaign,Cost\r\n2026-11-01,a,"1,000.00"\r\n2026-11-02,a,12 euros\r\n';
    const res = await uploadExport(utf8(csv), { channel: "paid" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.details.rows).toEqual([
      { line: 5, field: "cost", reason: '"12 euros" is not an amount in USD' },
    ]);
  });

  it("an ambiguous day is refused rather than guessed in a file of no known platform", async () => {
    const res = await uploadExport(utf8("day,campaign,cost\n03/04/2026,a,1\n"), {
      channel: "paid",
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.details.rows![0]).toMatchObject({
      line: 2,
      field: "day",
    });
  });

  it("a form without the file, or with a mapping that is not JSON, names the field", async () => {
    const form = new FormData();
    form.set("channel", "paid");
    const noFile = await fetchWorker("/api/v1/spend/import", {
      method: "POST",
      body: form,
      headers: ADMIN,
    });
    expect(noFile.status).toBe(400);
    expect(((await noFile.json()) as ErrorBody).error.details.fields).toHaveProperty("file");
    const badMapping = await uploadExport(fixtureBytes("google-ads.csv"), {
      channel: "paid",
      mapping: "{day:",
    });
    expect(badMapping.status).toBe(400);
    expect(((await badMapping.json()) as ErrorBody).error.details.fields).toHaveProperty("mapping");
  });

  it("a body that is neither JSON nor a form is a 415", async () => {
    const res = await fetchWorker("/api/v1/spend/import", {
      method: "POST",
      body: "Day,Cost\n2026-11-01,1\n",
      headers: { ...ADMIN, "content-type": "text/csv" },
    });
    expect(res.status).toBe(415);
  });

  it("a POST with no body and no content type is a 415, not a server error", async () => {
    const res = await fetchWorker("/api/v1/spend/import", { method: "POST", headers: ADMIN });
    expect(res.status).toBe(415);
    expect(((await res.json()) as ErrorBody).error.message).toMatch(/multipart|JSON/);
  });
});
