// A GBK 百度营销 export uploaded from the dashboard in a real browser: the preview reads its Chinese campaigns.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ORIGIN, startServer, type LiveServer } from "./support/server";
import { hasChromium, launch, shot } from "./support/chromium";
import { signInWithToken } from "./support/sign-in";

const BAIDU = path.resolve(import.meta.dirname, "../fixtures/ad-exports/baidu.csv");

let server: LiveServer;
let browser: Awaited<ReturnType<typeof launch>>;
let page: Page;

describe.skipIf(!hasChromium())("importing a GBK export from the dashboard", () => {
  beforeAll(async () => {
    server = await startServer();
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
    await form.locator("input[name=file]").setInputFiles(BAIDU);
    await form.locator("select[name=channel]").selectOption("paid");
    await form.locator("textarea[name=rates]").fill("CNY=0.14");
    await Promise.all([
      page.waitForURL(`${ORIGIN}/admin/spend/import`),
      form.locator("button[value=preview]").click(),
    ]);
    const detected = page.getByTestId("import-detected");
    await expect.poll(() => detected.textContent()).toContain("百度营销 (Baidu), GBK/GB18030");
    expect(await detected.textContent()).toContain("1 total row(s) (line 8)");
    const campaigns = await page.locator("table tbody tr td:nth-child(3)").allTextContents();
    expect(campaigns).toEqual([
      "白皮书-品牌词",
      "竞品词-数据分析",
      "白皮书-品牌词",
      "竞品词-数据分析",
    ]);
    await page.screenshot({ path: shot("spend-import-gbk-preview"), fullPage: true });

    await Promise.all([
      page.waitForURL(`${ORIGIN}/admin/spend/import`),
      page.getByRole("button", { name: "Import 4 rows" }).click(),
    ]);
    expect(await page.getByRole("status").textContent()).toContain("Imported 4 row(s)");
    await page.goto(`${ORIGIN}/admin/spend`);
    expect(await page.locator("body").textContent()).toContain("白皮书-品牌词");
    await page.screenshot({ path: shot("spend-import-gbk-list"), fullPage: true });
  });
});
