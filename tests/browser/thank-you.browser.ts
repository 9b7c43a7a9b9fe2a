// Post/Redirect/Get in a real browser: the gate lands on the asset's thank-you URL, a reload records nothing, and an
// altered thank-you URL shows the invalid-link page instead of anyone's links.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ADMIN_TOKEN, ORIGIN, startServer, type LiveServer } from "./support/server";
import { signInWithToken } from "./support/sign-in";
import { hasChromium, launch, shot } from "./support/chromium";

const SLUG = "thanks-guide";
const EMAIL = "reload@buyer.test";

let server: LiveServer;
let browser: Awaited<ReturnType<typeof launch>>;

/** An API answer, read loosely: the assertions say what matters. */
const api = async (path: string): Promise<any> => {
  const res = await fetch(`${ORIGIN}${path}`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  expect(res.status, path).toBe(200);
  return res.json();
};

/** What the lead's submissions wrote, as the API shows it: touches, timeline, assets, and how many leads there are. */
async function recorded() {
  const found = await api(`/api/v1/leads?email=${encodeURIComponent(EMAIL)}`);
  const lead = await api(`/api/v1/leads/${found.data[0].id}`);
  const all = await api("/api/v1/leads?limit=100");
  return {
    leads: all.data.length,
    touches: lead.touches.length,
    timeline: lead.timeline.map((e: { type: string }) => e.type),
    assets: lead.assets.map((a: { slug: string }) => a.slug),
    score: lead.score.total,
  };
}

/** The record once the capture's own queued follow-up (scoring) has run: two reads 3 s apart agree. */
async function settled() {
  let last = JSON.stringify(await recorded());
  for (;;) {
    await new Promise((r) => setTimeout(r, 3_000));
    const now = JSON.stringify(await recorded());
    if (now === last) return JSON.parse(now);
    last = now;
  }
}

describe.skipIf(!hasChromium())("the thank-you page in a real browser", () => {
  let page: Page;
  let thanksUrl: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
    const marketer = await browser.context.newPage();
    await signInWithToken(marketer);
    await marketer.goto(`${ORIGIN}/admin/assets/new`);
    await marketer.fill("input[name=title]", "Thanks Guide");
    await marketer.fill("input[name=slug]", SLUG);
    await marketer.fill("textarea[name=summary]", "What a good thank-you page does.");
    await marketer.setInputFiles("input[name=file]", {
      name: "thanks.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4 thanks guide"),
    });
    await Promise.all([
      marketer.waitForURL(/\/admin\/assets\/\d+\/edit\?saved=1/),
      marketer.click("form.card button[type=submit]"),
    ]);
    const id = /assets\/(\d+)\//.exec(marketer.url())![1];
    await marketer.goto(`${ORIGIN}/admin/assets/${id}`);
    await marketer.selectOption("select[name=status]", "published");
    await Promise.all([
      marketer.waitForURL(`${ORIGIN}/admin/assets/${id}`),
      marketer.click("form[action$='/status'] button[type=submit]"),
    ]);
    await marketer.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("the gate lands on /p/{slug}/thanks, and reloading it shows the page again and records nothing", async () => {
    page = await browser.context.newPage();
    await page.goto(`${ORIGIN}/p/${SLUG}?utm_source=google&utm_medium=cpc&utm_campaign=thanks`);
    await page.fill("#email", EMAIL);
    await page.fill("#name", "Rae Load");
    await Promise.all([
      page.waitForURL(new RegExp(`^${ORIGIN}/p/${SLUG}/thanks\\?t=[\\w.-]+$`)),
      page.click("button[type=submit]"),
    ]);
    thanksUrl = page.url();
    await expect.poll(() => page.locator("#download").isVisible()).toBe(true);
    await page.screenshot({ path: shot("thank-you-prg"), fullPage: true });
    const download = await page.locator("#download").getAttribute("href");
    const before = await settled();
    expect(before).toMatchObject({ leads: 1, touches: 1, assets: [SLUG] });

    for (let i = 0; i < 2; i++) {
      const res = await page.reload();
      expect(res!.status()).toBe(200);
      expect(page.url()).toBe(thanksUrl);
      await expect
        .poll(() => page.getByRole("heading", { name: "Thank you!" }).isVisible())
        .toBe(true);
      expect(await page.locator("#download").getAttribute("href")).toBe(download);
    }
    expect(await settled()).toEqual(before);
  });

  it("an altered thank-you URL shows the invalid-link page, not a lead's links", async () => {
    const url = new URL(thanksUrl);
    const [body, sig] = url.searchParams.get("t")!.split(".");
    // One character of the signed claims changed; the signature kept.
    const i = Math.floor(body!.length / 2);
    const flipped = body!.slice(0, i) + (body![i] === "A" ? "B" : "A") + body!.slice(i + 1);
    url.searchParams.set("t", `${flipped}.${sig}`);
    const res = await page.goto(url.href);
    expect(res!.status()).toBe(403);
    await expect
      .poll(() => page.getByRole("heading", { name: "This link is not valid" }).isVisible())
      .toBe(true);
    expect(await page.locator("#download").count()).toBe(0);
    expect(await page.locator("#share-link").count()).toBe(0);
    await page.screenshot({ path: shot("thank-you-tampered"), fullPage: true });
    await page.close();
  });
});
