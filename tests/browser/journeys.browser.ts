// End-to-end journeys in headless Chromium against a live `wrangler dev`: prospect, marketer, hostile input.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { ADMIN_TOKEN, ORIGIN, startServer, type LiveServer } from "./support/server";
import { hasChromium, launch, shot } from "./support/chromium";

const XSS = "<img src=x onerror=alert(1)>";
const SLUG = "browser-guide";
const CAMPAIGN = "browser-launch";
const today = new Date().toISOString().slice(0, 10);

let server: LiveServer;
let browser: Awaited<ReturnType<typeof launch>>;
let marketer: Page;
const dialogs: string[] = [];

async function watch(page: Page) {
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  return page;
}

async function prospect(context: BrowserContext, name: string, email: string) {
  const page = await watch(await context.newPage());
  await page.goto(
    `${ORIGIN}/p/${SLUG}?utm_source=linkedin&utm_medium=cpc&utm_campaign=${CAMPAIGN}`,
  );
  await page.fill("#email", email);
  await page.fill("#name", name);
  // Post/Redirect/Get: the gate sends the browser on to the asset's thank-you page.
  await Promise.all([
    page.waitForURL(new RegExp(`^${ORIGIN}/p/${SLUG}/thanks\\?t=`)),
    page.click("button[type=submit]"),
  ]);
  return page;
}

/** The cost-per-lead cell of the asset's row in the overview table. */
async function overviewCpl(page: Page, title: string) {
  await page.goto(`${ORIGIN}/admin`);
  return (
    await page
      .locator("tr", { has: page.getByRole("link", { name: title, exact: true }) })
      .locator('[data-figure="cpl"]')
      .textContent()
  )?.trim();
}

describe.skipIf(!hasChromium())("in a real browser", () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
    marketer = await watch(await browser.context.newPage());
    // The marketer logs in with a token and publishes a whitepaper through the dashboard.
    await marketer.goto(`${ORIGIN}/admin`);
    await marketer.click("summary"); // "Sign in with a token"
    await marketer.fill("#token", ADMIN_TOKEN);
    await Promise.all([
      marketer.waitForURL(`${ORIGIN}/admin`),
      marketer.click("form[action='/admin/login'] button[type=submit]"),
    ]);
    await marketer.goto(`${ORIGIN}/admin/assets/new`);
    await marketer.fill("input[name=title]", "Browser Guide 2026");
    await marketer.fill("input[name=slug]", SLUG);
    await marketer.fill("textarea[name=summary]", "What buyers compare before they talk to sales.");
    await marketer.setInputFiles("input[name=file]", {
      name: "guide.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4 browser guide"),
    });
    await Promise.all([
      marketer.waitForURL(/\/admin\/assets\/\d+\/edit\?saved=1/),
      marketer.click("form.card button[type=submit]"),
    ]);
    await marketer.screenshot({ path: shot("asset-form"), fullPage: true });
    const id = /assets\/(\d+)\//.exec(marketer.url())![1];
    await marketer.goto(`${ORIGIN}/admin/assets/${id}`);
    await marketer.selectOption("select[name=status]", "published");
    await Promise.all([
      marketer.waitForURL(`${ORIGIN}/admin/assets/${id}`),
      marketer.click("form[action$='/status'] button[type=submit]"),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("a prospect goes from the landing page to the download", async () => {
    const context = browser.context;
    const page = await prospect(context, "Dana Buyer", "dana@buyer.test");
    await expect.poll(() => page.locator("#download").isVisible()).toBe(true);
    await page.screenshot({ path: shot("thank-you"), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
    expect(download.suggestedFilename()).toBe("guide.pdf");
    expect(readFileSync((await download.path())!, "utf8")).toBe("%PDF-1.4 browser guide");
    await page.close();
  });

  it("a marketer imports spend and sees the asset's cost per lead change", async () => {
    const before = await overviewCpl(marketer, "Browser Guide 2026");
    expect(before).toBe("—");
    await marketer.goto(`${ORIGIN}/admin/spend`);
    const csv = `Day,Campaign,Cost,Currency,Impressions,Clicks\n${today},${CAMPAIGN},40.00,USD,1200,33\n`;
    await marketer.setInputFiles("input[name=file]", {
      name: "linkedin-cost.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    await marketer.click("button[value=preview]");
    await expect
      .poll(() =>
        marketer.getByRole("button", { name: "Import 1 day of spend", exact: true }).isVisible(),
      )
      .toBe(true);
    await marketer.screenshot({ path: shot("spend-preview"), fullPage: true });
    await marketer.getByRole("button", { name: "Import 1 day of spend", exact: true }).click();
    await expect
      .poll(() => marketer.getByText("Imported 1 new day(s) of spend").isVisible())
      .toBe(true);
    const after = await overviewCpl(marketer, "Browser Guide 2026");
    expect(after).toBe("$40.00");
    await marketer.screenshot({ path: shot("overview"), fullPage: true });
  });

  it("a lead named like an HTML tag is shown as text and runs nothing", async () => {
    const page = await prospect(browser.context, XSS, "tag@buyer.test");
    await page.close();
    await marketer.goto(`${ORIGIN}/admin/leads`);
    await expect
      .poll(() => marketer.getByRole("link", { name: XSS, exact: true }).isVisible())
      .toBe(true);
    await marketer.screenshot({ path: shot("leads"), fullPage: true });
    await marketer.getByRole("link", { name: XSS, exact: true }).click();
    await expect
      .poll(() => marketer.getByRole("heading", { name: XSS, exact: true }).isVisible())
      .toBe(true);
    expect(await marketer.locator("img[src=x]").count()).toBe(0);
    await marketer.screenshot({ path: shot("lead-detail"), fullPage: true });
    await marketer.goto(`${ORIGIN}/admin/reports?by=asset,channel,campaign`);
    await marketer.screenshot({ path: shot("reports"), fullPage: true });
    expect(dialogs).toEqual([]);
  });

  it("the asset page shows its funnel and channels, and the dashboard reads in Chinese", async () => {
    await marketer.goto(`${ORIGIN}/admin/assets`);
    await marketer.getByRole("link", { name: "Browser Guide 2026", exact: true }).click();
    await expect.poll(() => marketer.locator("svg.chart").count()).toBe(1);
    await marketer.screenshot({ path: shot("asset-detail"), fullPage: true });
    await marketer.getByRole("button", { name: "中文" }).click();
    await marketer.goto(`${ORIGIN}/admin`);
    await expect.poll(() => marketer.getByRole("heading", { name: "概览" }).isVisible()).toBe(true);
    await marketer.screenshot({ path: shot("overview-zh"), fullPage: true });
    expect(dialogs).toEqual([]);
  });
});
