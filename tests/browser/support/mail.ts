// The local mail sink as a teammate meets it: the newest captured mail with a subject, its button's link, and
// signing in by the link Lodestone mails.
import type { Browser, Page } from "playwright-core";
import { ORIGIN } from "./server";
import { shot } from "./chromium";

/** Opens the newest captured mail whose subject contains `subject` (in Mail, then its HTML); waits for it. */
export async function openMail(page: Page, subject: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.goto(`${ORIGIN}/admin/mail`);
    const row = page.getByRole("link", { name: subject }).first();
    if (await row.count()) {
      await row.click();
      await page.getByRole("link", { name: "HTML" }).click();
      return;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no captured mail "${subject}"`);
}

/** The newest captured mail whose subject contains `subject`, opened as HTML; its button's link. */
export async function linkInMail(
  page: Page,
  subject: string,
  screenshot?: string,
): Promise<string> {
  await openMail(page, subject);
  if (screenshot) await page.screenshot({ path: shot(screenshot) });
  return (await page.locator("a[style*='background']").first().getAttribute("href"))!;
}

/** A fresh browser for the teammate: asks for a sign-in link on the sign-in page in `lang`. */
export async function askForLink(browser: Browser, email: string, lang: "en" | "zh-CN") {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${ORIGIN}/admin/login?lang=${lang}`);
  await page.fill("#email", email);
  await page.click("form[action='/admin/login/email'] button");
  await page.waitForURL(`${ORIGIN}/admin/login/email`);
  return page;
}
