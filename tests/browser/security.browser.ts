// Hostile mail and hostile redirects in a real browser: what the sink kept cannot run or navigate, and
// `next` never leaves the dashboard.
import { signInWithToken } from "./support/sign-in";
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ADMIN_TOKEN, ORIGIN, startServer, type LiveServer } from "./support/server";
import { hasChromium, launch, shot } from "./support/chromium";

// The server's SIGNING_SECRET (support/server.ts); the sink key is derived from it as mailSinkKey does.
const SIGNING_SECRET = "browser-signing-secret-0123456789-abcdefghij";
const SINK_KEY = `re_sink_${createHmac("sha256", SIGNING_SECRET).update("lodestone/mail-sink/v1").digest("hex").slice(0, 40)}`;

const HOSTILE = [
  "<html><head>",
  `<meta http-equiv="refresh" content="0;url=${ORIGIN}/admin/login?refreshed=1">`,
  "<script>window.ran = true; document.title = 'pwned'; alert('script ran')</script>",
  "</head><body onload=\"alert('onload ran')\">",
  '<p id="body">Quarterly report</p>',
  "<img src=x onerror=\"alert('onerror ran')\">",
  `<form action="${ORIGIN}/admin/logout" method="post"><button id="go">Go</button></form>`,
  "</body></html>",
].join("");

let server: LiveServer;
let browser: Awaited<ReturnType<typeof launch>>;
let page: Page;
const dialogs: string[] = [];

describe.skipIf(!hasChromium())("hostile content in a real browser", () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
    page = await browser.context.newPage();
    page.on("dialog", async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await signInWithToken(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("the sink refuses a post without its key", async () => {
    const res = await fetch(`${ORIGIN}/dev/resend/emails`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        from: "a@example.com",
        to: "b@example.com",
        subject: "x",
        html: HOSTILE,
      }),
    });
    expect(res.status).toBe(401);
  });

  it("captured HTML opens without running a script, a handler or a refresh", async () => {
    const res = await fetch(`${ORIGIN}/dev/resend/emails`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${SINK_KEY}` },
      body: JSON.stringify({
        from: "Lodestone <hello@example.com>",
        to: "victim@example.com",
        subject: "Hostile",
        html: HOSTILE,
      }),
    });
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };
    const url = `${ORIGIN}/admin/mail/${id}/html`;
    await page.goto(url);
    await page.waitForTimeout(1500);
    expect(page.url()).toBe(url);
    expect(await page.locator("#body").textContent()).toBe("Quarterly report");
    expect(await page.title()).not.toBe("pwned");
    // The sandbox also stops a form in the mail from posting to the dashboard.
    await page.click("#go").catch(() => {});
    await page.waitForTimeout(500);
    expect(page.url()).toBe(url);
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: shot("security-captured-mail"), fullPage: true });
    // Still logged in: nothing in the mail reached the dashboard.
    await page.goto(`${ORIGIN}/admin/mail`);
    expect(page.url()).toBe(`${ORIGIN}/admin/mail`);
  });

  it("a hostile next after login stays in the dashboard", async () => {
    const other = await launch();
    const p = await other.context.newPage();
    await p.goto(`${ORIGIN}/admin/login?next=${encodeURIComponent("/\\example.com/admin")}`);
    await p.click("summary"); // "Sign in with a token"
    await p.fill("#token", ADMIN_TOKEN);
    await Promise.all([
      p.waitForLoadState(),
      p.click("form[action='/admin/login'] button[type=submit]"),
    ]);
    expect(new URL(p.url()).origin).toBe(ORIGIN);
    expect(new URL(p.url()).pathname).toBe("/admin");
    await other.close();
  });
});
