// Journeys in headless Chromium against a live `wrangler dev` with the demo content: the marketer reads a
// lead in English and Chinese, every dashboard page fits a 390 px phone, a prospect's 手机号 must be a
// mobile, and a course page in Los Angeles shows the session's time and the visitor's own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { ORIGIN, startServer, type LiveServer } from "./support/server";
import { signInWithToken } from "./support/sign-in";
import { CHROMIUM, hasChromium, shot } from "./support/chromium";

const DIRECTOR = "王芳";
const COLLEAGUE = "李娜";
const PHONE = { width: 390, height: 844 };
const VISITOR_ZONE = "America/Los_Angeles";

let server: LiveServer;
let browser: Browser;
let desk: BrowserContext;
let marketer: Page;
const problems: string[] = [];

/** Page errors, dialogs and refused scripts (a CSP violation shows as a console error) fail the journey. */
function watch(page: Page) {
  page.on("pageerror", (e) => problems.push(`${page.url()}: ${e.message}`));
  page.on("console", (m) => {
    // An answer's status is the test's business (the landline is meant to be a 400); a refused script is not.
    if (m.type() === "error" && !/^Failed to load resource/.test(m.text()))
      problems.push(`${page.url()}: ${m.text()}`);
  });
  page.on("dialog", async (d) => {
    problems.push(`dialog: ${d.message()}`);
    await d.dismiss();
  });
  return page;
}

async function logIn(context: BrowserContext) {
  const page = watch(await context.newPage());
  await signInWithToken(page);
  return page;
}

/** "label value …" of the row of a lead-page table marked data-field (cells' text, not their CSS case). */
const field = (page: Page, name: string) =>
  page
    .locator(`tr[data-field="${name}"]`)
    .first()
    .locator("th, td")
    .allTextContents()
    .then((cells) => cells.map((c) => c.replace(/\s+/g, " ").trim()).join(" "));
const timeline = (page: Page) =>
  page
    .locator("table.timeline td.what")
    .allTextContents()
    .then((rows) => rows.map((r) => r.replace(/\s+/g, " ").trim()));

async function openLead(page: Page, name: string) {
  await page.goto(`${ORIGIN}/admin/leads`);
  await page.getByRole("link", { name, exact: true }).click();
  await expect.poll(() => page.getByRole("heading", { name, exact: true }).isVisible()).toBe(true);
  return page.url();
}

describe.skipIf(!hasChromium())("reading leads and course times in a real browser", () => {
  let directorUrl: string;

  beforeAll(async () => {
    server = await startServer({ seedDemo: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
    desk = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    marketer = await logIn(desk);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("the marketer reads a Chinese lead in English: fields, first and latest touch, the timeline in words", async () => {
    directorUrl = await openLead(marketer, DIRECTOR);
    expect(await field(marketer, "phone")).toBe("Phone +8613800138000");
    expect(await field(marketer, "company_size")).toBe("Company size 201-500");
    expect(await field(marketer, "job_title")).toBe("Job title 市场总监");
    expect(await field(marketer, "stage")).toBe("Stage MQL");
    expect(await field(marketer, "utm_source")).toBe("UTM source baidu baidu");
    expect(await field(marketer, "utm_term")).toBe("UTM term 线索评分 线索评分");
    expect(await field(marketer, "utm_content")).toBe("UTM content banner-a banner-a");
    const words = await timeline(marketer);
    expect(words).toEqual(
      expect.arrayContaining([
        "Requested 《2026 SaaS 增长白皮书》 via Paid",
        "Downloaded 《2026 SaaS 增长白皮书》",
        "Score +15 (rule Senior job title)",
        "Score +5 (rule Works in marketing, sales or operations)",
        "Stage Lead → MQL: score 50 reached the MQL threshold of 50",
      ]),
    );
    expect(words.join("\n")).not.toMatch(/[{}]|gate_submitted/);
    await marketer.screenshot({ path: shot("lead-detail-en"), fullPage: true });
  });

  it("the referred colleague's page links to the lead who referred her", async () => {
    await openLead(marketer, COLLEAGUE);
    expect(await field(marketer, "referred_by")).toBe(
      `Referred by ${DIRECTOR} (wang.fang@yunfan-tech.example)`,
    );
    expect(await timeline(marketer)).toEqual(
      expect.arrayContaining([
        "Requested 《2026 SaaS 增长白皮书》 via Referral",
        "Score −10 (rule Free-mail address)",
      ]),
    );
    await marketer.locator('tr[data-field="referred_by"] a').click();
    await marketer.waitForURL(directorUrl);
  });

  it("the same lead reads in Chinese", async () => {
    await marketer.goto(directorUrl);
    await Promise.all([
      marketer.waitForURL(`${ORIGIN}/admin/leads`),
      marketer.getByRole("button", { name: "中文" }).click(),
    ]);
    await marketer.goto(directorUrl);
    expect(await field(marketer, "phone")).toBe("手机号 +8613800138000");
    expect(await field(marketer, "stage")).toBe("阶段 市场合格线索");
    expect(await field(marketer, "channel")).toBe("渠道 付费广告 付费广告");
    expect(await timeline(marketer)).toEqual(
      expect.arrayContaining([
        "通过付费广告提交表单，索取《2026 SaaS 增长白皮书》",
        "下载了《2026 SaaS 增长白皮书》",
        "评分 +15（规则：高级职位）",
        "阶段：线索 → 市场合格线索（评分 50 达到 MQL 阈值 50）",
      ]),
    );
    await marketer.screenshot({ path: shot("lead-detail-zh"), fullPage: true });
    await Promise.all([
      marketer.waitForURL(`${ORIGIN}/admin/leads`),
      marketer.getByRole("button", { name: "English" }).click(),
    ]);
  });

  it("every dashboard page fits a 390 px phone: no sideways scrolling of the page, in both languages", async () => {
    const phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await logIn(phone);
    const paths = [
      "/admin",
      "/admin/leads",
      new URL(directorUrl).pathname,
      "/admin/reports",
      "/admin/assets",
      "/admin/spend",
    ];
    const wide: string[] = [];
    for (const locale of ["en", "zh"]) {
      if (locale === "zh") {
        await page.goto(`${ORIGIN}/admin`);
        await Promise.all([
          page.waitForURL(`${ORIGIN}/admin`),
          page.getByRole("button", { name: "中文" }).click(),
        ]);
      }
      for (const path of paths) {
        await page.goto(`${ORIGIN}${path}`);
        const width = await page.evaluate<number>("document.documentElement.scrollWidth");
        if (width > PHONE.width) wide.push(`${locale} ${path}: ${width}px`);
        const name = path.replace(/^\/admin\/?/, "").replace(/\/\d+$/, "-lead") || "overview";
        await page.screenshot({
          path: shot(`phone-${locale}-${name.replace(/\//g, "-")}`),
          fullPage: true,
        });
      }
    }
    expect(wide).toEqual([]);
    // The navigation is all there, wrapped, not cut off.
    await expect.poll(() => page.getByRole("link", { name: "本地邮件" }).isVisible()).toBe(true);
    await phone.close();
  });

  it("a prospect's 手机号 must be a mobile: a landline is refused in Chinese, a mobile goes through", async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = watch(await context.newPage());
    await page.goto(`${ORIGIN}/p/saas-growth-whitepaper`);
    await page.fill("#email", "zhou.jie@example-corp.cn");
    await page.fill("#name", "周杰");
    await page.fill("#company", "示例科技");
    await page.fill("#phone", "010-6552 1234");
    await page.check("#privacy");
    await page.click("button[type=submit]");
    await expect
      .poll(() => page.locator("#phone-error").textContent())
      .toBe("请填写手机号，不支持座机号码");
    expect(await page.locator("#phone").getAttribute("aria-invalid")).toBe("true");
    await page.screenshot({ path: shot("gate-landline-zh"), fullPage: true });
    await page.fill("#phone", "+86 139 1234 5678");
    await page.check("#privacy");
    await page.click("button[type=submit]");
    await expect.poll(() => page.locator("h1").textContent()).toBe("感谢您的关注！");
    await context.close();
  });

  it("a course page in Los Angeles shows the session's time in its zone and the visitor's own", async () => {
    const context = await browser.newContext({ viewport: PHONE, timezoneId: VISITOR_ZONE });
    const page = watch(await context.newPage());
    await page.goto(`${ORIGIN}/p/lead-scoring-open-class`);
    const local = page.locator(".session-time .local-time");
    await expect.poll(() => local.isVisible()).toBe(true);
    const startsAt = new Date((await page.locator(".session-time time").getAttribute("datetime"))!);
    const inZone = (timeZone: string, o: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat("en", { timeZone, ...o }).format(startsAt);
    const day = { year: "numeric", month: "numeric", day: "numeric" } as const;
    const visitorTime =
      inZone(VISITOR_ZONE, day) === inZone("Europe/London", day)
        ? inZone(VISITOR_ZONE, { hour: "numeric", minute: "2-digit" })
        : inZone(VISITOR_ZONE, {
            month: "short",
            day: "numeric",
            hour: "numeric",
            minute: "2-digit",
          });
    const text = ((await page.locator(".session-time").textContent()) ?? "").replace(/\s+/g, " ");
    expect(text).toContain(
      `${inZone("Europe/London", { dateStyle: "long", timeStyle: "short" })} (United Kingdom Time)`,
    );
    expect(text).toContain(`· Your time: ${visitorTime}`);
    await page.screenshot({ path: shot("course-los-angeles"), fullPage: true });
    await context.close();

    // A visitor in the session's own zone sees the one time; so does one without JavaScript.
    for (const o of [{ timezoneId: "Europe/London" }, { javaScriptEnabled: false }]) {
      const other = await browser.newContext({ viewport: PHONE, ...o });
      const p = await other.newPage();
      await p.goto(`${ORIGIN}/p/lead-scoring-open-class`);
      await p.waitForLoadState("load");
      expect(await p.locator(".session-time .local-time").isVisible()).toBe(false);
      expect(await p.locator(".session-time").textContent()).toContain("(United Kingdom Time)");
      await other.close();
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });
});
