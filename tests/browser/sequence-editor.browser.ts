// The drip editor in headless Chromium: a marketer rewrites a step of the demo whitepaper's drip, previews it for a
// real lead, sends a test, saves, and reads the test in the captured mail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { ORIGIN, startServer, type LiveServer } from "./support/server";
import { signInWithToken } from "./support/sign-in";
import { CHROMIUM, hasChromium, shot } from "./support/chromium";

const SLUG = "saas-growth-whitepaper";

let server: LiveServer;
let browser: Browser;
let marketer: Page;
const problems: string[] = [];

describe.skipIf(!hasChromium())("the sequence editor in a real browser", () => {
  beforeAll(async () => {
    server = await startServer({ seedDemo: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
    const desk = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    marketer = await desk.newPage();
    marketer.on("pageerror", (e) => problems.push(`${marketer.url()}: ${e.message}`));
    await signInWithToken(marketer);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("edits a step, previews it for a real lead, sends a test, saves, and finds the test in Mail", async () => {
    // A real lead to preview as, through the public gate.
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${ORIGIN}/p/${SLUG}`);
    await visitor.fill("input[name=email]", "hedy.lamarr@example.com");
    for (const [name, value] of [
      ["name", "Hedy Lamarr"],
      ["company", "Frequency Hopping Inc"],
      ["job_title", "Inventor"],
      ["phone", "139 1234 5678"],
    ] as const) {
      const field = visitor.locator(`input[name=${name}]`);
      if (await field.count()) await field.fill(value);
    }
    await visitor.check("input[name=consent]");
    await visitor.check("input[name=privacy]");
    await Promise.all([visitor.waitForNavigation(), visitor.click("form button[type=submit]")]);
    expect(await visitor.locator("body").textContent()).not.toContain("请检查标出的字段");

    await marketer.goto(`${ORIGIN}/admin/assets`);
    await marketer.click("text=SaaS");
    await marketer.click("text=Edit drip");
    await expect.poll(() => marketer.url()).toMatch(/\/admin\/assets\/\d+\/sequence$/);
    expect(await marketer.locator("fieldset.step").count()).toBe(3);

    await marketer.fill(
      "input[name=s0_en_subject]",
      "Your report, {{first_name}}: “{{asset_title}}”",
    );
    await marketer.fill(
      "textarea[name=s0_en_body]",
      "Hi {{first_name}},\n\nThanks for reading **{{asset_title}}** at {{company}}.\n\n- Chapter 2: channel mix\n- Chapter 5: nurture cadence\n\n[[Download the report]]({{download_link}})",
    );
    await marketer.selectOption("select[name=pv_locale]", "en");
    await marketer.fill("input[name=pv_lead]", "hedy.lamarr@example.com");
    await Promise.all([
      marketer.waitForURL(/\/sequence\/preview$/),
      marketer.click("#step-1 button[name=preview_step]"),
    ]);
    expect(await marketer.locator(".preview-subject").textContent()).toMatch(
      /^Your report, Hedy: “.+”$/,
    );
    const frame = marketer.frameLocator("iframe[sandbox]");
    await expect.poll(() => frame.locator("body").textContent()).toContain("Hi Hedy,");
    expect(await frame.locator("body").textContent()).toContain("at Frequency Hopping Inc.");
    expect(await frame.locator("li").count()).toBe(2);
    await marketer.waitForTimeout(500); // the sandboxed frame paints after its text is there
    await marketer.locator("#preview").screenshot({ path: shot("sequence-editor-preview") });

    await marketer.fill("input[name=test_to]", "marketer.inbox@example.com");
    await marketer.click("#step-1 button[name=test_step]");
    await expect
      .poll(() => marketer.locator("p.ok").textContent())
      .toContain("Test sent to marketer.inbox@example.com");

    await Promise.all([marketer.waitForURL(/saved=copy/), marketer.click("button[value=save]")]);
    expect(await marketer.locator("p.ok").textContent()).toContain("new words apply");
    expect(await marketer.inputValue("input[name=s0_en_subject]")).toBe(
      "Your report, {{first_name}}: “{{asset_title}}”",
    );
    await marketer.screenshot({ path: shot("sequence-editor-saved"), fullPage: false });

    await marketer.goto(`${ORIGIN}/admin/mail`);
    await marketer.click("text=[Test] Your report");
    expect(await marketer.locator("body").textContent()).toContain("marketer.inbox@example.com");
    await marketer.screenshot({ path: shot("sequence-editor-test-mail") });
    expect(problems).toEqual([]);
  });
});
