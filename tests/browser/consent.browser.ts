// Consent in a real browser: two unticked boxes on a zh-CN gate, the privacy one required, and the lead page in words.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ADMIN_TOKEN, ORIGIN, startServer, type LiveServer } from "./support/server";
import { signInWithToken } from "./support/sign-in";
import { hasChromium, launch, shot } from "./support/chromium";

const SLUG = "consent-guide";
let server: LiveServer;
let browser: Awaited<ReturnType<typeof launch>>;
let marketer: Page;

describe.skipIf(!hasChromium())("consent in a real browser", () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
    marketer = await browser.context.newPage();
    await signInWithToken(marketer);
    // The privacy policy link comes from Settings.
    await marketer.goto(`${ORIGIN}/admin/settings`);
    await marketer.fill("input[name=privacy_policy_url_zh]", "https://example.cn/privacy");
    await Promise.all([
      marketer.waitForURL(`${ORIGIN}/admin/settings?saved=1`),
      marketer.click("form.card button[type=submit]"),
    ]);
    // A zh-CN whitepaper whose gate requires agreeing to the privacy policy; marketing stays optional.
    await marketer.goto(`${ORIGIN}/admin/assets/new`);
    await marketer.fill("input[name=title]", "同意测试白皮书");
    await marketer.fill("input[name=slug]", SLUG);
    await marketer.selectOption("select[name=locale]", "zh-CN");
    await marketer.check("input[name=privacy_required]");
    await marketer.setInputFiles("input[name=file]", {
      name: "guide.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4 consent guide"),
    });
    await Promise.all([
      marketer.waitForURL(/\/admin\/assets\/\d+\/edit\?saved=1/),
      marketer.click("form.card button[type=submit]"),
    ]);
    const id = /assets\/(\d+)\//.exec(marketer.url())![1];
    const put = await fetch(`${ORIGIN}/api/v1/assets/${id}/sequence`, {
      method: "PUT",
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({
        name: "同意测试序列",
        steps: [{ template: "whitepaper-welcome", delayMinutes: 0 }],
      }),
    });
    expect(put.status).toBeLessThan(300);
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

  it("a prospect sees two unticked boxes, must agree to the privacy policy, and gets the paper without marketing consent", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${ORIGIN}/p/${SLUG}`);
    expect(await page.isChecked("#consent")).toBe(false);
    expect(await page.isChecked("#privacy")).toBe(false);
    expect(await page.getByRole("link", { name: "《隐私政策》" }).getAttribute("href")).toBe(
      "https://example.cn/privacy",
    );
    await page.screenshot({ path: shot("consent-gate-zh"), fullPage: true });
    await page.fill("#email", "consent@buyer.test");
    await page.fill("#name", "王芳");
    await page.click("button[type=submit]");
    await expect.poll(() => page.getByText("请阅读并同意隐私政策后继续").isVisible()).toBe(true);
    await page.check("#privacy");
    await page.click("button[type=submit]");
    await expect.poll(() => page.locator("#download").isVisible()).toBe(true);
    await page.close();

    await marketer.goto(`${ORIGIN}/admin/leads`);
    await marketer.getByRole("link", { name: "王芳", exact: true }).click();
    await expect
      .poll(() => marketer.getByText("Not enrolled: no marketing consent").isVisible())
      .toBe(true);
    await expect
      .poll(() => marketer.getByText("No marketing consent").first().isVisible())
      .toBe(true);
    await marketer.screenshot({ path: shot("consent-lead"), fullPage: true });
  });
});
