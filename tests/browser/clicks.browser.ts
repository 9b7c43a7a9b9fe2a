// Journeys in headless Chromium against a live `wrangler dev`: a prospect from a 百度 ad brings its click id
// (and Meta's _fbc cookie) to the lead page; a marketer makes a tagged link in Chinese and copies it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { ORIGIN, startServer, type LiveServer } from "./support/server";
import { signInWithToken } from "./support/sign-in";
import { CHROMIUM, hasChromium, shot } from "./support/chromium";

const SLUG = "saas-growth-whitepaper";
const BD_VID = "uANBIyIxUhNLgvw-browser";
const FBC = "fb.1.1764640000000.IwAR-browser";

let server: LiveServer;
let browser: Browser;
let desk: BrowserContext;
let marketer: Page;
const problems: string[] = [];

function watch(page: Page) {
  page.on("pageerror", (e) => problems.push(`${page.url()}: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !/^Failed to load resource/.test(m.text()))
      problems.push(`${page.url()}: ${m.text()}`);
  });
  return page;
}

describe.skipIf(!hasChromium())("click ids and tagged links in a real browser", () => {
  beforeAll(async () => {
    server = await startServer({ seedDemo: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
    desk = await browser.newContext({
      viewport: { width: 1360, height: 900 },
      permissions: ["clipboard-read", "clipboard-write"],
    });
    marketer = watch(await desk.newPage());
    await signInWithToken(marketer);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("a prospect from a 百度 ad: the lead page shows the bd_vid and Meta's cookie on the touch", async () => {
    const visitor = await browser.newContext();
    await visitor.addCookies([{ name: "_fbc", value: FBC, url: ORIGIN }]);
    const page = watch(await visitor.newPage());
    await page.goto(
      `${ORIGIN}/p/${SLUG}?utm_source=baidu&utm_medium=cpc&utm_campaign=2026-saas-growth&bd_vid=${BD_VID}&msclkid=not-a-click-id`,
    );
    await page.fill("input[name=email]", "bd.vid.visitor@yunfan-tech.example");
    for (const [name, value] of [
      ["name", "赵磊"],
      ["company", "云帆科技"],
      ["job_title", "市场经理"],
      ["phone", "139 1234 5678"],
    ])
      if (await page.locator(`input[name=${name}]`).count())
        await page.fill(`input[name=${name}]`, value);
    for (const box of await page.locator("input[type=checkbox]:visible").all()) await box.check();
    await Promise.all([page.waitForURL(/\/thanks\?t=/), page.click("button[type=submit]")]);
    await visitor.close();

    await marketer.goto(`${ORIGIN}/admin/leads`);
    await marketer.getByRole("link", { name: "赵磊", exact: true }).click();
    const ids = marketer.locator('tr[data-field="click_ids"] td').first();
    await expect
      .poll(() => ids.locator("[data-click-id]").allTextContents())
      .toEqual([`bd_vid ${BD_VID}`, `fbc ${FBC}`]);
    await marketer.screenshot({ path: shot("clicks-lead-en"), fullPage: true });
  });

  it("the marketer makes a tagged link in Chinese, copies it, and it opens the landing page", async () => {
    await marketer.goto(`${ORIGIN}/admin/links`);
    await Promise.all([
      marketer.waitForURL(`${ORIGIN}/admin/links`),
      marketer.getByRole("button", { name: "中文" }).click(),
    ]);
    await marketer.goto(`${ORIGIN}/admin/links`);
    await marketer.selectOption("select[name=asset_id]", { label: "2026 SaaS 增长白皮书" });
    await marketer.selectOption("select[name=preset]", "wechat_social");
    await marketer.fill("input[name=utm_campaign]", "  12月 公众号推文 ");
    await Promise.all([
      marketer.waitForURL(/\/admin\/links\?made=/),
      marketer.getByRole("button", { name: "生成链接" }).click(),
    ]);
    const url = await marketer.inputValue("#made-link");
    expect(url).toBe(
      `${ORIGIN}/p/${SLUG}?utm_source=wechat&utm_medium=social&utm_campaign=${encodeURIComponent("12月 公众号推文").replace(/%20/g, "+")}`,
    );
    await marketer.locator('button[data-copy="made-link"]').click();
    await expect.poll(() => marketer.evaluate("navigator.clipboard.readText()")).toBe(url);
    await expect
      .poll(() => marketer.locator('button[data-copy="made-link"]').textContent())
      .toBe("已复制");
    await marketer.screenshot({ path: shot("links-zh"), fullPage: true });

    const landing = watch(await desk.newPage());
    await landing.goto(url);
    expect(await landing.inputValue('input[name="utm_campaign"]')).toBe("12月 公众号推文");
    expect(await landing.inputValue('input[name="utm_source"]')).toBe("wechat");
    await landing.close();
    await Promise.all([
      marketer.waitForURL(`${ORIGIN}/admin/links`),
      marketer.getByRole("button", { name: "English" }).click(),
    ]);
    expect(problems).toEqual([]);
  });
});
