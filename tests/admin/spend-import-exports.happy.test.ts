import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtureBytes } from "../reports/support/ad-exports";
import { login, type Session } from "./support/browser-like";

let s: Session;
beforeAll(async () => {
  s = await login(env.ADMIN_TOKEN, "zh-CN");
});

/** An HTML attribute value back to its text, as a browser reads a hidden field. */
const unescapeAttribute = (v: string) =>
  v
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

const upload = (name: string, fields: Record<string, string>) =>
  s.post(
    "/admin/spend/import",
    { action: "preview", channel: "paid", ...fields },
    { files: { file: new File([fixtureBytes(name)], name, { type: "text/csv" }) } },
  );

describe("the dashboard import reads an export from its bytes", () => {
  it("a GBK 百度 file previews with readable Chinese campaigns, the platform, its encoding and the skipped lines", async () => {
    const res = await upload("baidu.csv", { rates: "CNY=0.14" });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("识别为百度营销，编码 GBK/GB18030。");
    expect(html).toContain("账户：acme-baidu。");
    expect(html).toContain("表格上方的标题行 2 行（第 1–2 行）");
    expect(html).toContain("合计行 1 行（第 8 行）");
    expect(html).toContain("<td>白皮书-品牌词</td>");
    expect(html).toContain("导入 4 天的花费");
    // The next step carries the decoded text, not the bytes: the confirm form imports the same rows.
    expect(html).toContain('name="encoding" value="gb18030"');
  });

  it("confirming the preview imports the rows in CNY, converted at the rate given", async () => {
    const preview = await (await upload("baidu.csv", { rates: "CNY=0.14" })).text();
    const csv = /<input type="hidden" name="csv" value="([^"]*)"/.exec(preview)![1]!;
    const done = await s.post("/admin/spend/import", {
      action: "import",
      channel: "paid",
      csv: unescapeAttribute(csv),
      encoding: "gb18030",
      rates: "CNY=0.14",
    });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("已导入 4 天的新花费");
    const rows = await env.DB.prepare(
      "SELECT utm_campaign, currency, sum(amount_minor) AS minor, sum(reporting_minor) AS reporting FROM spend WHERE currency = 'CNY' GROUP BY utm_campaign ORDER BY utm_campaign",
    ).all();
    expect(rows.results).toEqual([
      { utm_campaign: "白皮书-品牌词", currency: "CNY", minor: 204100, reporting: 28574 },
      { utm_campaign: "竞品词-数据分析", currency: "CNY", minor: 120950, reporting: 16933 },
    ]);
  });

  it("a UTF-16 Google Ads file uploads from the dashboard too", async () => {
    const html = await (await upload("google-ads-excel.csv", {})).text();
    expect(html).toContain("识别为Google Ads，编码 UTF-16LE。");
    expect(html).toContain("<td>CMO Guide – Display</td>");
  });

  it("a file that is not text is refused with a reason, not an error page", async () => {
    const res = await s.post(
      "/admin/spend/import",
      { action: "preview", channel: "paid" },
      { files: { file: new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2])], "r.xlsx") } },
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(".xlsx");
  });
});
