// People in a real browser: an admin invites teammates, the mail lands in the local sink, the teammate asks
// for a sign-in link, follows it, confirms, and meets the limits of their role, in English and in Chinese.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ADMIN_TOKEN, ORIGIN, startServer, type LiveServer } from "./support/server";
import { hasChromium, launch, shot } from "./support/chromium";
import { askForLink as askWith, linkInMail as link } from "./support/mail";

let server: LiveServer;
let browser: Awaited<ReturnType<typeof launch>>;
let admin: Page;

const linkInMail = (page: Page, subject: string) =>
  link(page, subject, `people-mail-${subject.slice(0, 12).replace(/\W+/g, "-")}`);
const askForLink = (email: string, lang: "en" | "zh-CN") =>
  askWith(browser.context.browser()!, email, lang);

const text = async (page: Page, selector: string) =>
  (await page.locator(selector).first().textContent()) ?? "";

describe.skipIf(!hasChromium())("people and roles in a real browser", () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
    admin = await browser.context.newPage();
    await admin.goto(`${ORIGIN}/admin/login`);
    await admin.screenshot({ path: shot("people-01-login") });
    await admin.click("summary");
    await admin.fill("#token", ADMIN_TOKEN);
    await Promise.all([
      admin.waitForURL(`${ORIGIN}/admin`),
      admin.click("form[action='/admin/login'] button[type=submit]"),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("an admin invites a marketer, who signs in by link and sees a marketer's dashboard", async () => {
    await admin.goto(`${ORIGIN}/admin/people`);
    await admin.fill("#invite-email", "mia@team.test");
    await admin.fill("#invite-name", "Mia Marketer");
    await admin.selectOption("#invite-role", "marketer");
    await admin.selectOption("#invite-locale", "en");
    await admin.click("form[action='/admin/people'] button[type=submit]");
    expect(await text(admin, "p.ok")).toContain("Invitation sent to mia@team.test");
    await admin.screenshot({ path: shot("people-02-invited"), fullPage: true });
    const signInPage = await linkInMail(admin, "ADMIN_TOKEN invited you");
    expect(signInPage).toBe(`${ORIGIN}/admin/login`);

    const mia = await askForLink("mia@team.test", "en");
    expect((await text(mia, "h1")).trim()).toBe("Check your inbox");
    await mia.screenshot({ path: shot("people-03-check-inbox") });
    const link = await linkInMail(admin, "Your Lodestone sign-in link");
    expect(link).toMatch(/\/admin\/login\/link\/[A-Za-z0-9_-]{43}\?lang=en$/);

    await mia.goto(link);
    expect((await text(mia, "h1")).trim()).toBe("Sign in to Lodestone");
    await mia.screenshot({ path: shot("people-04-confirm") });
    await Promise.all([mia.waitForURL(`${ORIGIN}/admin`), mia.click("button[type=submit]")]);
    expect(await text(mia, "header .who")).toContain("Mia Marketer");
    expect(await text(mia, "header .who")).toContain("Marketer");
    expect(await mia.locator("header nav a[href='/admin/people']").count()).toBe(0);
    expect(await mia.locator("header nav a[href='/admin/spend']").count()).toBe(1);
    await mia.screenshot({ path: shot("people-05-marketer-overview") });
    const refused = await mia.goto(`${ORIGIN}/admin/people`);
    expect(refused!.status()).toBe(403);
    await mia.screenshot({ path: shot("people-06-marketer-403") });

    // The link was used up: opening it again says so.
    const again = await mia.goto(link);
    expect(again!.status()).toBe(410);
    await mia.screenshot({ path: shot("people-07-link-used") });
  });

  it("a viewer invited in Chinese reads everything in Chinese and can change nothing", async () => {
    await admin.goto(`${ORIGIN}/admin/people`);
    await admin.fill("#invite-email", "wang@team.test");
    await admin.fill("#invite-name", "王伟");
    await admin.selectOption("#invite-role", "viewer");
    await admin.selectOption("#invite-locale", "zh-CN");
    await admin.click("form[action='/admin/people'] button[type=submit]");
    await linkInMail(admin, "邀请您加入 Lodestone");

    const wang = await askForLink("wang@team.test", "zh-CN");
    expect((await text(wang, "h1")).trim()).toBe("请查收邮件");
    await wang.screenshot({ path: shot("people-08-zh-check-inbox") });
    const link = await linkInMail(admin, "您的 Lodestone 登录链接");
    await wang.goto(link);
    expect((await text(wang, "h1")).trim()).toBe("登录 Lodestone");
    await wang.screenshot({ path: shot("people-09-zh-confirm") });
    await Promise.all([wang.waitForURL(`${ORIGIN}/admin`), wang.click("button[type=submit]")]);
    expect(await text(wang, "header .who")).toContain("只读");
    await wang.goto(`${ORIGIN}/admin/spend`);
    // Read only: the records, and no form to add or delete one.
    expect(await wang.locator("form[action='/admin/spend']").count()).toBe(0);
    await wang.screenshot({ path: shot("people-10-zh-viewer-spend"), fullPage: true });
    const refused = await wang.goto(`${ORIGIN}/admin/assets/new`);
    expect(refused!.status()).toBe(403);
    expect(await text(wang, "main")).toContain("您的角色（只读）无权进行此操作");
    await wang.screenshot({ path: shot("people-11-zh-viewer-403") });
  });

  it("the admin sees who did what in the audit log, and the team in both languages", async () => {
    await admin.goto(`${ORIGIN}/admin/audit`);
    expect(await text(admin, "table")).toContain("person.invite");
    await admin.screenshot({ path: shot("people-12-audit"), fullPage: true });
    await admin.goto(`${ORIGIN}/admin/people`);
    await admin.click("header button[name=locale]");
    expect((await text(admin, "h1")).trim()).toBe("成员");
    await admin.screenshot({ path: shot("people-13-zh-people"), fullPage: true });
  });
});
