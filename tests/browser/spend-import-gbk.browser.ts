// A GBK 百度营销 export uploaded from the dashboard in a real browser: the preview reads its Chinese campaigns,
// one campaign is pointed at the leads' campaign, and the report shows its cost per lead.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ORIGIN, startServer, type LiveServer } from "./support/server";
import { hasChromium, launch, shot } from "./support/chromium";
import { signInWithToken } from "./support/sign-in";

const BAIDU = path.resolve(import.meta.dirname, "../fixtures/ad-exports/baidu.csv");
const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const TODAY = day(0);
const TOMORROW = day(1);

/**
 * The 百度 fixture with its two days moved to today and tomorrow, so the leads captured now meet it. Its
 * bytes stay GBK: digits and "-" are single bytes below every GBK trail byte, so they are replaced alone.
 */
function baiduFileForNow(): Buffer {
  const bytes = readFileSync(BAIDU);
  const swap = (b: Buffer, from: string, to: string) => {
    const parts: Buffer[] = [];
    let at = 0;
    for (let i = b.indexOf(from, 0, "latin1"); i >= 0; i = b.indexOf(from, at, "latin1")) {
      parts.push(b.subarray(at, i), Buffer.from(to, "latin1"));
      at = i + from.length;
    }
    parts.push(b.subarray(at));
    return Buffer.concat(parts);
  };
  return swap(swap(bytes, "2026-11-02", TOMORROW), "2026-11-01", TODAY);
}

let server: LiveServer;
let browser: Awaited<ReturnType<typeof launch>>;
let page: Page;

describe.skipIf(!hasChromium())("importing a GBK export from the dashboard", () => {
  beforeAll(async () => {
    server = await startServer({ seedDemo: true });
    browser = await launch();
    page = await browser.context.newPage();
    await signInWithToken(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("previews the 百度 file with its Chinese campaigns readable, then imports it in CNY", async () => {
    await page.goto(`${ORIGIN}/admin/spend`);
    const form = page.locator("form[action='/admin/spend/import'][enctype='multipart/form-data']");
    // A lead who came through the brand campaign, tagged by hand in the link as wp-brand.
    const lead = await fetch(`${ORIGIN}/p/saas-growth-whitepaper`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({
        email: `gbk-${Date.now()}@buyer.cn`,
        name: "赵磊",
        company: "杭州某科技",
        phone: "13800138000",
        privacy: "on",
        utm_source: "baidu",
        utm_medium: "cpc",
        utm_campaign: "wp-brand",
      }),
    });
    expect(lead.status, await lead.clone().text()).toBeLessThan(300);
    await form.locator("input[name=file]").setInputFiles({
      name: "baidu.csv",
      mimeType: "text/csv",
      buffer: baiduFileForNow(),
    });
    await form.locator("select[name=channel]").selectOption("paid");
    await form.locator("textarea[name=rates]").fill("CNY=0.14");
    await Promise.all([
      page.waitForURL(`${ORIGIN}/admin/spend/import`),
      form.locator("button[value=preview]").click(),
    ]);
    const detected = page.getByTestId("import-detected");
    await expect.poll(() => detected.textContent()).toContain("百度营销 (Baidu), GBK/GB18030");
    expect(await detected.textContent()).toContain("1 total row(s) (line 8)");
    const rowsTable = page.locator(".card:has(button[value=import]) table");
    const campaigns = await rowsTable.locator("tbody tr td:nth-child(3)").allTextContents();
    expect(campaigns).toEqual([
      "白皮书-品牌词",
      "竞品词-数据分析",
      "白皮书-品牌词",
      "竞品词-数据分析",
    ]);
    await page.screenshot({ path: shot("spend-import-gbk-preview"), fullPage: true });

    // The brand campaign meets no lead under its Baidu name: point it at the leads' wp-brand.
    const brand = page.locator("tr", { hasText: "白皮书-品牌词" }).first();
    expect(await brand.textContent()).toContain("Meets no lead");
    await brand.locator("select").selectOption("wp-brand");
    await Promise.all([
      page.waitForURL(`${ORIGIN}/admin/spend/import`),
      page.getByRole("button", { name: "Preview with these campaigns" }).click(),
    ]);
    expect(
      await page.locator("tr", { hasText: "白皮书-品牌词" }).first().textContent(),
    ).not.toContain("Meets no lead");
    await page.screenshot({ path: shot("spend-import-gbk-mapped"), fullPage: true });

    await Promise.all([
      page.waitForURL(`${ORIGIN}/admin/spend/import`),
      page.getByRole("button", { name: "Import 4 days of spend" }).click(),
    ]);
    expect(await page.locator("p.ok").textContent()).toContain("Imported 4 new day(s) of spend");

    // The report by campaign: ¥1,050.30 + ¥990.70 at 0.14 = $285.74 for the one wp-brand lead.
    await page.goto(`${ORIGIN}/admin/reports?from=${TODAY}&to=${TOMORROW}&by=campaign`);
    const row = page.locator("tr", { hasText: "wp-brand" }).first();
    await expect.poll(() => row.textContent()).toContain("$285.74");
    await page.screenshot({ path: shot("spend-import-gbk-report"), fullPage: true });
    await page.goto(`${ORIGIN}/admin/spend`);
    expect(await page.locator("body").textContent()).toContain("白皮书-品牌词");
    await page.screenshot({ path: shot("spend-import-gbk-list"), fullPage: true });
  });
});
