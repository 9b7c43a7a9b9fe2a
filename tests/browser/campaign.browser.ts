// A whole campaign by a new marketer, in a real browser and without a developer: an admin invites her; she
// makes a zh-CN course with a session at 19:00 Asia/Shanghai two days out, gives it a day-before reminder and a
// scoring rule, publishes it; a prospect signs up; she sees the reminder due 24 h before the session, the
// prospect's calendar file opens at the right instant with the join link, she rewrites the reminder, previews it
// for the real lead and test-sends it, and after the class imports the Zoom attendance and sees the score move.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ICAL from "ical.js";
import type { Page } from "playwright-core";
import { ADMIN_TOKEN, ORIGIN, startServer, type LiveServer } from "./support/server";
import { hasChromium, launch, shot } from "./support/chromium";
import { askForLink, linkInMail, openMail } from "./support/mail";
import { signInWithToken } from "./support/sign-in";

const HOUR = 3_600_000;
const SLUG = "b2b-lead-scoring-class";
const JOIN = "https://meeting.tencent.example/j/82746153";
const PROSPECT = "zhou.min@factory.example";

/** 19:00 Asia/Shanghai two days from today there: the value for a datetime-local input, and its instant. */
function sessionStart(): { local: string; utc: number } {
  const today = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10);
  const utc = Date.parse(`${today}T19:00:00+08:00`) + 48 * HOUR;
  return { local: new Date(utc + 8 * HOUR).toISOString().slice(0, 16), utc };
}

const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).first().textContent()) ?? "").trim();

const fact = (page: Page, field: string) => text(page, `table.facts tr[data-field=${field}] td`);

/** A Zoom "Participants" export (a meeting summary, a blank line, then one row per join) as Zoom writes it. */
function zoomExport(start: number, attendees: string[]): string {
  const at = (ms: number) => {
    const d = new Date(ms);
    const h = d.getUTCHours() % 12 || 12;
    const p = (n: number) => String(n).padStart(2, "0");
    return `${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${d.getUTCFullYear()} ${p(h)}:${p(d.getUTCMinutes())}:00 ${d.getUTCHours() < 12 ? "AM" : "PM"}`;
  };
  const end = start + 70 * 60_000;
  return [
    "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants",
    `827 4615 3000,B2B 线索评分公开课,${at(start)},${at(end)},host@lodestone.example,70,${attendees.length + 1}`,
    "",
    "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent,In Waiting Room",
    `Lodestone Host,host@lodestone.example,${at(start)},${at(end)},70,No,Y,No`,
    ...attendees.map((e) => `${e},${e},${at(start + 3 * 60_000)},${at(end)},67,Yes,Y,No`),
  ].join("\r\n");
}

describe.skipIf(!hasChromium())("a new marketer runs a course campaign end to end", () => {
  let server: LiveServer;
  let browser: Awaited<ReturnType<typeof launch>>;
  let mia: Page;
  let assetId = "";
  let sessionId = "";
  let leadId = "";
  let thanksUrl = "";
  const start = sessionStart();

  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
    const admin = await browser.context.newPage();
    await signInWithToken(admin, ADMIN_TOKEN);
    await admin.goto(`${ORIGIN}/admin/people`);
    await admin.fill("#invite-email", "mia@team.test");
    await admin.fill("#invite-name", "Mia Marketer");
    await admin.selectOption("#invite-role", "marketer");
    await admin.selectOption("#invite-locale", "en");
    await admin.click("form[action='/admin/people'] button[type=submit]");
    mia = await askForLink(browser.context.browser()!, "mia@team.test", "en");
    await mia.goto(await linkInMail(admin, "Your Lodestone sign-in link"));
    await Promise.all([mia.waitForURL(`${ORIGIN}/admin`), mia.click("button[type=submit]")]);
    expect(await text(mia, "header .who")).toContain("Marketer");
    await admin.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("creates the course, schedules its session, and publishes it", async () => {
    await mia.goto(`${ORIGIN}/admin/assets/new`);
    await mia.selectOption("select[name=kind]", "course");
    await mia.fill("input[name=title]", "B2B 线索评分公开课");
    await mia.fill("input[name=slug]", SLUG);
    await mia.selectOption("select[name=locale]", "zh-CN");
    await mia.fill("input[name=timezone]", "Asia/Shanghai");
    await Promise.all([
      mia.waitForURL(/\/admin\/assets\/\d+\/edit\?saved=1/),
      mia.click("form.card button[type=submit]"),
    ]);
    assetId = /assets\/(\d+)\//.exec(mia.url())![1]!;

    await mia.goto(`${ORIGIN}/admin/assets/${assetId}`);
    await mia.click("#sessions-link");
    await mia.fill("#add-session input[name=starts_at]", start.local);
    await mia.fill("#add-session input[name=time_zone]", "Asia/Shanghai");
    await mia.fill("#add-session input[name=capacity]", "200");
    await mia.fill("#add-session input[name=join_url]", JOIN);
    await Promise.all([
      mia.waitForURL(new RegExp(`/admin/assets/${assetId}/sessions`)),
      mia.click("#add-session button[type=submit]"),
    ]);
    expect(await mia.locator("section.session").count()).toBe(1);
    expect(await text(mia, "section.session")).toMatch(/7:00\s?PM \(China Standard Time\)/);
    await mia.screenshot({ path: shot("campaign-01-session"), fullPage: true });

    await mia.goto(`${ORIGIN}/admin/assets/${assetId}`);
    await mia.selectOption("select[name=status]", "published");
    await Promise.all([
      mia.waitForURL(`${ORIGIN}/admin/assets/${assetId}`),
      mia.click("form[action$='/status'] button[type=submit]"),
    ]);
    const page = await fetch(`${ORIGIN}/p/${SLUG}`);
    expect(page.status).toBe(200);
  });

  it("gives it a reminder the day before the session, and a rule that scores coming to class", async () => {
    await mia.goto(`${ORIGIN}/admin/assets/${assetId}/sequence`);
    // A course with no drip yet opens on the day-before reminder, counted from the session start.
    expect(await mia.inputValue("select[name=s0_anchor]")).toBe("session_start");
    expect(await mia.inputValue("input[name=s0_delay]")).toBe("-1");
    expect(await mia.inputValue("select[name=s0_unit]")).toBe("days");
    await mia.fill("input[name=name]", "公开课提醒");
    await Promise.all([mia.waitForURL(/saved=/), mia.click("button[value=save]")]);
    expect(await mia.locator("fieldset.step").count()).toBe(1);

    await mia.goto(`${ORIGIN}/admin/scoring`);
    await mia.click("details:has(form[action='/admin/scoring/rules']) > summary");
    await mia.selectOption("form[action='/admin/scoring/rules'] select[name=kind]", "behaviour");
    await mia.fill("form[action='/admin/scoring/rules'] input[name=label]", "Came to the class");
    await mia.selectOption("form[action='/admin/scoring/rules'] select[name=field]", "event");
    await mia.fill("form[action='/admin/scoring/rules'] textarea[name=match]", "session_attended");
    await mia.fill("form[action='/admin/scoring/rules'] input[name=points]", "25");
    await Promise.all([
      mia.waitForNavigation(),
      mia.click("form[action='/admin/scoring/rules'] button[type=submit]:not([name=change])"),
    ]);
    expect(await text(mia, "main")).toContain("Came to the class");
    await mia.screenshot({ path: shot("campaign-02-scoring"), fullPage: true });
  });

  it("a prospect signs up, and the lead's reminder is due 24 hours before the session", async () => {
    const visitor = await (await browser.context.browser()!.newContext()).newPage();
    await visitor.goto(`${ORIGIN}/p/${SLUG}`);
    expect(await visitor.locator("input[name=session]").count()).toBe(1);
    await visitor.fill("#email", PROSPECT);
    await visitor.fill("#name", "周敏");
    for (const box of ["consent", "privacy"]) {
      const el = visitor.locator(`input[name=${box}]`);
      if (await el.count()) await el.check();
    }
    await Promise.all([visitor.waitForURL(/\/thanks\?t=/), visitor.click("button[type=submit]")]);
    thanksUrl = visitor.url();
    await visitor.screenshot({ path: shot("campaign-03-thanks"), fullPage: true });
    await visitor.close();

    await mia.goto(`${ORIGIN}/admin/leads`);
    await mia.click(`a.lead-name:has-text("周敏")`);
    leadId = /\/admin\/leads\/(\d+)/.exec(mia.url())![1]!;
    const lead = (await (
      await fetch(`${ORIGIN}/api/v1/leads/${leadId}`, {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      })
    ).json()) as { nurture: { state: string; next_step_at: string | null }[] };
    const [nurture] = lead.nurture;
    expect(nurture?.state).toBe("enrolled");
    expect(Date.parse(nurture!.next_step_at!)).toBe(start.utc - 24 * HOUR);
    const shown = new Intl.DateTimeFormat("en", {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: "UTC",
    }).format(new Date(start.utc - 24 * HOUR));
    expect(await text(mia, ".lead-nurture tbody tr")).toContain(shown);
    await mia.locator(".lead-nurture").screenshot({ path: shot("campaign-04-nurture-state") });
  });

  it("the prospect's calendar file opens at the session's instant, with the join link", async () => {
    const visitor = await (await browser.context.browser()!.newContext()).newPage();
    await visitor.goto(thanksUrl);
    const [download] = await Promise.all([
      visitor.waitForEvent("download"),
      visitor.click("#calendar"),
    ]);
    const ics = await new Response(
      (await download.createReadStream()) as unknown as ReadableStream,
    ).text();
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
    expect(event.startDate.toJSDate().getTime()).toBe(start.utc);
    expect(event.endDate.toJSDate().getTime()).toBeGreaterThan(start.utc);
    expect(event.summary).toBe("B2B 线索评分公开课");
    // The join link is Lodestone's signed link to the room, valid until the session ends.
    const join = event.location;
    expect(join).toMatch(new RegExp(`^${ORIGIN}/`));
    expect(event.description).toContain(join);
    const room = await fetch(join, { redirect: "manual" });
    expect(room.headers.get("location")).toBe(JOIN);
    sessionId = String(
      (
        (await (
          await fetch(`${ORIGIN}/api/v1/assets/${assetId}/sessions`, {
            headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
          })
        ).json()) as { data: { id: number }[] }
      ).data[0]!.id,
    );
    await visitor.close();
  });

  it("rewrites the reminder, previews it for the lead, and test-sends it", async () => {
    await mia.goto(`${ORIGIN}/admin/assets/${assetId}/sequence`);
    await mia.fill("input[name='s0_zh-CN_subject']", "{{first_name}}，明天 {{session_time}} 见");
    await mia.fill(
      "textarea[name='s0_zh-CN_body']",
      "{{first_name}}，您好：\n\n明天的 **{{asset_title}}** 将讲解：\n\n- 行为分与画像分\n- 何时交给销售\n\n[[进入直播间]]({{join_link}})",
    );
    await mia.selectOption("select[name=pv_locale]", "zh-CN");
    await mia.fill("input[name=pv_lead]", PROSPECT);
    await Promise.all([
      mia.waitForURL(/\/sequence\/preview$/),
      mia.click("#step-1 button[name=preview_step]"),
    ]);
    expect(await text(mia, ".preview-subject")).toMatch(/^周敏，明天 .+ 见$/);
    const frame = mia.frameLocator("iframe[sandbox]");
    await expect.poll(() => frame.locator("body").textContent()).toContain("周敏，您好");
    expect(await frame.locator("li").count()).toBe(2);
    await mia.waitForTimeout(500);
    await mia.locator("#preview").screenshot({ path: shot("campaign-05-preview") });

    await mia.fill("input[name=test_to]", "mia@team.test");
    await mia.click("#step-1 button[name=test_step]");
    await expect.poll(() => text(mia, "p.ok")).toContain("Test sent to mia@team.test");
    await Promise.all([mia.waitForURL(/saved=copy/), mia.click("button[value=save]")]);
    await openMail(mia, "[Test] 周敏，明天");
    expect(await text(mia, "body")).toContain("行为分与画像分");
    // The test is the lead's email: their own calendar links are under the copy.
    expect(await text(mia, "body")).toContain("添加到日历");
    expect(await mia.locator("a", { hasText: "Google 日历" }).count()).toBe(1);
    await mia.screenshot({ path: shot("campaign-06-test-mail") });
  });

  it("after the class, imports the Zoom attendance and sees the lead's score move", async () => {
    await mia.goto(`${ORIGIN}/admin/leads/${leadId}`);
    const before = await fact(mia, "score");
    // Time passes: the class was held (the one thing a browser cannot do).
    server.sql(
      `UPDATE course_sessions SET starts_at = ${Date.now() - 2 * HOUR} WHERE id = ${sessionId}`,
    );
    await mia.goto(`${ORIGIN}/admin/assets/${assetId}/sessions`);
    await mia.setInputFiles(`#file-${sessionId}`, {
      name: "participants_82746153.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(zoomExport(Date.now() - 2 * HOUR, [PROSPECT])),
    });
    await Promise.all([
      mia.waitForNavigation(),
      mia.click(`form[action$='/sessions/${sessionId}/attendance'] button[type=submit]`),
    ]);
    expect(await text(mia, "p.ok")).toBe(
      "Imported a Zoom export: 1 attended, 0 no-shows. Not registered (hosts, walk-ins): 1.",
    );
    await mia.screenshot({ path: shot("campaign-07-attendance"), fullPage: true });

    await expect
      .poll(
        async () => {
          await mia.goto(`${ORIGIN}/admin/leads/${leadId}`);
          return fact(mia, "score");
        },
        { timeout: 20_000, interval: 500 },
      )
      .not.toBe(before);
    expect(await text(mia, "main")).toContain("Came to the class");
    expect(await text(mia, "table.timeline tr[data-kind=session_attended] td.what")).toBe(
      "Attended the live session of 《B2B 线索评分公开课》 (attendance import)",
    );
    await mia.screenshot({ path: shot("campaign-08-score-moved"), fullPage: true });
  });
});
