// CSV exports meant for people open in Excel with Chinese text intact, and never call unpaid leads free.
import { beforeAll, describe, expect, it } from "vitest";
import { fetchWorker } from "../support/http";
import { makeAsset } from "../support/fixtures";
import { utcDay } from "../../src/domain/calendar-day";
import { parseCsv } from "../../src/domain/csv";
import { ADMIN, gate } from "./support/report-fixture";

const today = utcDay(Date.now());
const BOM = [0xef, 0xbb, 0xbf];

beforeAll(async () => {
  const asset = await makeAsset({ title: "白皮书" });
  await gate(asset.slug, { email: "wang@buyer.cn", name: "王芳", company: "上海某科技" });
});

async function download(path: string) {
  const res = await fetchWorker(path, { headers: { ...ADMIN, accept: "text/csv" } });
  expect(res.status, await res.clone().text()).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { bytes, text: new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(bytes) };
}

describe("CSV exports for people", () => {
  it("the lead list starts with a UTF-8 byte order mark, so Excel reads 王芳 as 王芳", async () => {
    const { bytes, text } = await download("/api/v1/reports/leads.csv");
    expect([...bytes.slice(0, 3)]).toEqual(BOM);
    expect(text).toContain("王芳");
  });

  it("the performance report starts with the mark and leaves cost per lead empty where nothing was spent", async () => {
    const { bytes, text } = await download(
      `/api/v1/reports/performance?from=${today}&to=${today}&format=csv`,
    );
    expect([...bytes.slice(0, 3)]).toEqual(BOM);
    const [header, ...rows] = parseCsv(text).map((r) => r.cells);
    const col = (name: string) => header!.findIndex((h) => h.startsWith(name));
    const total = rows.find((r) => r[0] === "total")!;
    expect(total[col("leads")]).toBe("1");
    expect(total[col("spend_")]).toBe("0.00");
    expect(total[col("cost_per_lead_")]).toBe("");
    expect(total[col("cost_per_mql_")]).toBe("");
  });
});
