// Signing the marketer in as a script would: the token form behind "Sign in with a token" on /admin/login.
import type { Page } from "playwright-core";
import { ADMIN_TOKEN, ORIGIN } from "./server";

export async function signInWithToken(page: Page, token = ADMIN_TOKEN): Promise<void> {
  await page.goto(`${ORIGIN}/admin`);
  await page.click("summary"); // "Sign in with a token"
  await page.fill("#token", token);
  await Promise.all([
    page.waitForURL(`${ORIGIN}/admin`),
    page.click("form[action='/admin/login'] button[type=submit]"),
  ]);
}
