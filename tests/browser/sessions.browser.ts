// A marketer schedules course sessions in the dashboard; a visitor picks one on the landing page (en and zh-CN), sees a
// full one closed, and lands on a thank-you page with the session's .ics and Google Calendar link.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ADMIN_TOKEN, ORIGIN, startServer, type LiveServer } from "./support/server";
import { signInWithToken } from "./support/sign-in";
import { hasChromium, launch, shot } from "./support/chromium";

let server: LiveServer;
let browser: Awaited<ReturnType<typeof launch>>;

const HOUR = 3_600_000;
/** "YYYY-MM-DDTHH:mm" in Asia/Shanghai, `days` ahead, at 19:00. */
function shanghai(days: number): string {
  const today = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10);
  const utc = Date.parse(`${today}T19:00:00+08:00`) + days * 24 * HOUR;
  return new Date(utc + 8 * HOUR).toISOString().slice(0, 16);
}

async function createCourse(marketer: Page, slug: string, locale: "en" | "zh-CN", title: string) {
  await marketer.goto(`${ORIGIN}/admin/assets/new`);
  await marketer.fill("input[name=title]", title);
  await marketer.fill("input[name=slug]", slug);
  await marketer.selectOption("select[name=kind]", "course");
  await marketer.selectOption("select[name=locale]", locale);
  await marketer.fill("input[name=timezone]", "Asia/Shanghai");
  await Promise.all([
    marketer.waitForURL(/\/admin\/assets\/\d+\/edit\?saved=1/),
    marketer.click("form.card button[type=submit]"),
  ]);
  const id = /assets\/(\d+)\//.exec(marketer.url())![1]!;
  await marketer.goto(`${ORIGIN}/admin/assets/${id}`);
  await marketer.selectOption("select[name=status]", "published");
  await Promise.all([
    marketer.waitForURL(`${ORIGIN}/admin/assets/${id}`),
    marketer.click("form[action$='/status'] button[type=submit]"),
  ]);
  return id;
}

/** Two sessions through the dashboard page: one with a single seat, one unlimited. */
async function addSessions(marketer: Page, id: string) {
  await marketer.click("#sessions-link");
  for (const [days, seats] of [
    [2, "1"],
    [3, ""],
  ] as const) {
    await marketer.fill("#add-session input[name=starts_at]", shanghai(days));
    await marketer.fill("#add-session input[name=capacity]", seats);
    await marketer.fill(
      "#add-session input[name=join_url]",
      `https://meeting.example.com/j/${id}-${days}`,
    );
    await Promise.all([
      marketer.waitForURL(new RegExp(`/admin/assets/${id}/sessions`)),
      marketer.click("#add-session button[type=submit]"),
    ]);
  }
  expect(await marketer.locator("section.session").count()).toBe(2);
}

/** Someone takes the single seat through the gate's JSON API. */
async function fillFirstSeat(slug: string, sessionId: string) {
  const res = await fetch(`${ORIGIN}/p/${slug}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: `first-${slug}@buyer.test`, name: "First", session: sessionId }),
  });
  expect(res.status).toBe(201);
}

describe.skipIf(!hasChromium())("the course session picker in a real browser", () => {
  let marketer: Page;
  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
    marketer = await browser.context.newPage();
    await signInWithToken(marketer);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it.each([
    [
      "en",
      "picker-en",
      "Evening Open Class",
      "Choose a session",
      "Full",
      "Your time:",
      "Google Calendar",
    ],
    ["zh-CN", "picker-zh", "线索评分公开课", "选择场次", "已满", "您的时间", "Google 日历"],
  ] as const)(
    "%s: lists the sessions in both zones, closes the full one, and the chosen one reaches the thank-you page",
    async (locale, slug, title, legend, full, yourTime, google) => {
      const id = await createCourse(marketer, slug, locale, title);
      await addSessions(marketer, id);
      const page = await browser.context.newPage();
      await page.goto(`${ORIGIN}/p/${slug}`);
      const radios = page.locator("input[name=session]");
      expect(await radios.count()).toBe(2);
      const [first, second] = [radios.nth(0), radios.nth(1)];
      await fillFirstSeat(slug, (await first.getAttribute("value"))!);
      await page.reload();
      await expect.poll(() => page.getByText(legend).isVisible()).toBe(true);
      expect(await first.isDisabled()).toBe(true);
      expect(await page.locator(".session-option.full").textContent()).toContain(full);
      // The browser's own zone (UTC here) is added beside the session's.
      await expect
        .poll(() => page.locator(".session-option .local-time").first().textContent())
        .toContain(yourTime);
      expect(await page.locator(".session-option time").first().getAttribute("data-zone")).toBe(
        "Asia/Shanghai",
      );
      expect(await second.isChecked()).toBe(true);
      await page.screenshot({ path: shot(`session-picker-${locale}`), fullPage: true });

      await page.fill("#email", `picker-${locale}@buyer.test`);
      await page.fill("#name", locale === "zh-CN" ? "陈美" : "Rae Picker");
      await Promise.all([page.waitForURL(/\/thanks\?t=/), page.click("button[type=submit]")]);
      expect(await page.locator("#calendar").getAttribute("href")).toMatch(/calendar\.ics\?t=/);
      expect(await page.locator("#google-calendar").textContent()).toBe(google);
      expect(await page.locator("#google-calendar").getAttribute("href")).toMatch(
        /^https:\/\/calendar\.google\.com\/calendar\/render\?action=TEMPLATE&text=/,
      );
      const ics = await (
        await fetch((await page.locator("#calendar").getAttribute("href"))!)
      ).text();
      expect(ics).toContain("METHOD:PUBLISH");
      await page.screenshot({ path: shot(`session-thanks-${locale}`), fullPage: true });

      const sessions = (await (
        await fetch(`${ORIGIN}/api/v1/assets/${id}/sessions`, {
          headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        })
      ).json()) as { data: { registered: number }[] };
      expect(sessions.data.map((s) => s.registered)).toEqual([1, 1]);
      await page.close();
    },
  );
});
