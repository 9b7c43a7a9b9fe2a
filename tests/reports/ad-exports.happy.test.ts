import { describe, expect, it } from "vitest";
import {
  fixtureBytes,
  type ImportBody,
  skippedCounts,
  totals,
  uploadExport,
} from "./support/ad-exports";

const preview = async (name: string, fields: Record<string, string> = {}) => {
  const res = await uploadExport(
    fixtureBytes(name),
    { channel: "paid", dry_run: "true", ...fields },
    name,
  );
  expect(res.status).toBe(200);
  return (await res.json()) as ImportBody;
};

describe("ad-platform exports import as downloaded, with no settings", () => {
  it("Google Ads: title and date-range lines and three Total rows are skipped, quoted thousands read", async () => {
    const b = await preview("google-ads.csv");
    expect(b).toMatchObject({ platform: "google_ads", encoding: "utf-8", account: "123-456-7890" });
    expect(skippedCounts(b)).toEqual({ title: 2, total: 3 });
    expect(b.skipped.find((s) => s.kind === "total")!.lines).toEqual([9, 10, 11]);
    expect(totals(b.rows)).toEqual({
      "Spring Whitepaper USD": {
        minor: 225456,
        impressions: 85212,
        clicks: 1512,
        from: "2026-11-01",
        to: "2026-11-03",
      },
      "Brand Search USD": {
        minor: 60895,
        impressions: 19371,
        clicks: 1251,
        from: "2026-11-01",
        to: "2026-11-02",
      },
    });
    // The Total rows' 2,863.51 is never counted on top of the rows it sums.
    expect(b.rows.reduce((s, r) => s + r.amount_minor, 0)).toBe(286351);
  });

  it("Google Ads' Excel download (UTF-16LE, tab-separated) reads the same way", async () => {
    const b = await preview("google-ads-excel.csv");
    expect(b).toMatchObject({
      platform: "google_ads",
      encoding: "utf-16le",
      account: "987-654-3210",
    });
    expect(skippedCounts(b)).toEqual({ title: 2, total: 2 });
    expect(totals(b.rows)).toEqual({
      "CMO Guide – Display USD": {
        minor: 399999,
        impressions: 218765,
        clicks: 2087,
        from: "2026-11-01",
        to: "2026-11-02",
      },
    });
  });

  it("Microsoft Advertising: the report header block and the © footer are skipped, US dates read, EUR kept", async () => {
    const b = await preview("microsoft-ads.csv", { rates: '{"EUR":"1.08"}' });
    expect(b).toMatchObject({ platform: "microsoft_ads", encoding: "utf-8", account: "F1234ABC" });
    expect(skippedCounts(b)).toEqual({ title: 9, blank: 2, total: 1, note: 1 });
    expect(totals(b.rows)).toEqual({
      "Spring Whitepaper EUR": {
        minor: 81085,
        impressions: 20100,
        clicks: 598,
        from: "2026-11-01",
        to: "2026-11-02",
      },
      "Competitor Terms EUR": {
        minor: 29235,
        impressions: 3961,
        clicks: 185,
        from: "2026-11-01",
        to: "2026-11-02",
      },
    });
  });

  it("Meta Ads Manager: the currency comes from 'Amount spent (USD)', each row covers its reporting days, the summary row is skipped", async () => {
    const b = await preview("meta-ads.csv");
    expect(b).toMatchObject({ platform: "meta_ads", account: null });
    expect(skippedCounts(b)).toEqual({ total: 1 });
    expect(b.rows.map((r) => [r.campaign, r.day, r.day_to, r.amount_minor])).toEqual([
      ["Webinar Retargeting", "2026-11-01", "2026-11-30", 130000],
      ["Lookalike – CMO Guide", "2026-11-01", "2026-11-15", 115000],
      ["Lookalike – CMO Guide", "2026-11-16", "2026-11-30", 70000],
    ]);
    expect(totals(b.rows)["Lookalike – CMO Guide USD"]).toEqual({
      minor: 185000,
      impressions: 130000,
      clicks: 1570,
      from: "2026-11-01",
      to: "2026-11-30",
    });
  });

  it("LinkedIn Campaign Manager: the title block is skipped and its account kept", async () => {
    const b = await preview("linkedin-ads.csv");
    expect(b).toMatchObject({ platform: "linkedin_ads", account: "Acme Analytics" });
    expect(skippedCounts(b)).toEqual({ title: 5, blank: 1 });
    expect(totals(b.rows)).toEqual({
      "CMO Guide - Sponsored Content USD": {
        minor: 50050,
        impressions: 24534,
        clicks: 137,
        from: "2026-11-01",
        to: "2026-11-02",
      },
      "Benchmark Report - Lead Gen USD": {
        minor: 35025,
        impressions: 16000,
        clicks: 79,
        from: "2026-11-01",
        to: "2026-11-02",
      },
    });
  });

  it("百度营销: a GBK file reads in Chinese, its 合计 row skipped, in CNY", async () => {
    const b = await preview("baidu.csv", { rates: '{"CNY":"0.14"}' });
    expect(b).toMatchObject({ platform: "baidu", encoding: "gb18030", account: "acme-baidu" });
    expect(skippedCounts(b)).toEqual({ title: 2, total: 1 });
    expect(totals(b.rows)).toEqual({
      "白皮书-品牌词 CNY": {
        minor: 204100,
        impressions: 24145,
        clicks: 408,
        from: "2026-11-01",
        to: "2026-11-02",
      },
      "竞品词-数据分析 CNY": {
        minor: 120950,
        impressions: 6500,
        clicks: 185,
        from: "2026-11-01",
        to: "2026-11-02",
      },
    });
  });

  it("巨量引擎: UTF-8 with BOM, 总计 skipped, billed in CNY though no column says so", async () => {
    const b = await preview("ocean-engine.csv", { rates: '{"CNY":"0.14"}' });
    expect(b).toMatchObject({
      platform: "ocean_engine",
      encoding: "utf-8",
      account: "1780000000000001",
    });
    expect(skippedCounts(b)).toEqual({ total: 1 });
    expect(totals(b.rows)).toEqual({
      "白皮书-线索收集 CNY": {
        minor: 445000,
        impressions: 230350,
        clicks: 3520,
        from: "2026-11-01",
        to: "2026-11-02",
      },
      "直播预约 CNY": {
        minor: 80000,
        impressions: 40000,
        clicks: 520,
        from: "2026-11-02",
        to: "2026-11-02",
      },
    });
  });

  it("腾讯广告: 花费(元) is CNY, 合计 skipped", async () => {
    const b = await preview("tencent-ads.csv", { rates: '{"CNY":"0.14"}' });
    expect(b).toMatchObject({ platform: "tencent_ads", encoding: "utf-8", account: "24680135" });
    expect(skippedCounts(b)).toEqual({ total: 1 });
    expect(totals(b.rows)).toEqual({
      "公众号-白皮书下载 CNY": {
        minor: 230000,
        impressions: 168200,
        clicks: 2040,
        from: "2026-11-01",
        to: "2026-11-02",
      },
      "朋友圈-研讨会报名 CNY": {
        minor: 65050,
        impressions: 30500,
        clicks: 410,
        from: "2026-11-01",
        to: "2026-11-01",
      },
    });
  });

  it("a file uploaded through the API is imported, and uploading it again adds nothing", async () => {
    const bytes = fixtureBytes("tencent-ads.csv");
    const fields = { channel: "paid", rates: '{"CNY":"0.14"}' };
    const first = (await (await uploadExport(bytes, fields)).json()) as ImportBody;
    expect(first.imported).toBe(3);
    const again = (await (await uploadExport(bytes, fields)).json()) as ImportBody & {
      duplicates: number;
    };
    expect(again).toMatchObject({ imported: 0, duplicates: 3 });
  });

  it("a mapping given by the user wins over the guess", async () => {
    const b = await preview("google-ads.csv", {
      mapping: JSON.stringify({ campaign: "Campaign status" }),
    });
    expect(new Set(b.rows.map((r) => r.campaign))).toEqual(new Set(["Enabled", "Paused"]));
  });

  it("a report with no day column takes its days from the date-range line above the header", async () => {
    const csv =
      'Campaign report\r\n"November 1, 2026 - November 30, 2026"\r\nCampaign,Currency code,Cost,Impr.,Clicks\r\nAutumn,USD,"1,500.00","10,000",90\r\nTotal: Account,USD,"1,500.00","10,000",90\r\n';
    const res = await uploadExport(new TextEncoder().encode(csv), {
      channel: "paid",
      dry_run: "true",
    });
    const b = (await res.json()) as ImportBody;
    expect(b.rows).toEqual([
      expect.objectContaining({
        campaign: "Autumn",
        day: "2026-11-01",
        day_to: "2026-11-30",
        amount_minor: 150000,
      }),
    ]);
  });

  it.each([
    ["UTF-16BE with a BOM", "utf-16be"],
    ["UTF-16LE without a BOM", "utf-16le"],
  ])("%s is detected", async (_what, encoding) => {
    const text = "Day;Campaign;Cost\r\n2026-11-05;Ünïcode;7.50\r\n";
    const units = Array.from(text, (ch) => ch.charCodeAt(0));
    const be = encoding === "utf-16be";
    const bytes = [
      ...(be ? [0xfe, 0xff] : []),
      ...units.flatMap((u) => (be ? [u >> 8, u & 0xff] : [u & 0xff, u >> 8])),
    ];
    const res = await uploadExport(Uint8Array.from(bytes), { channel: "paid", dry_run: "true" });
    const b = (await res.json()) as ImportBody;
    expect(b.encoding).toBe(encoding);
    expect(b.rows).toEqual([expect.objectContaining({ campaign: "Ünïcode", amount_minor: 750 })]);
  });
});
