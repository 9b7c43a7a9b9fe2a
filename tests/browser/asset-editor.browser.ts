// The asset editor in a real browser: the preview frame follows the form as the marketer types (the real landing
// template, with the workspace's brand), the cover and file go up with the form, the preview's own form cannot
// submit, and the published page serves what the preview showed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ADMIN_TOKEN, ORIGIN, startServer, type LiveServer } from "./support/server";
import { hasChromium, launch, shot } from "./support/chromium";

let server: LiveServer;
let browser: Awaited<ReturnType<typeof launch>>;
let page: Page;

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${ORIGIN}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${ADMIN_TOKEN}`,
      ...(init.headers as Record<string, string>),
    },
  });
// A small real PNG (a 2×2 green square) so the browser draws it.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGPgqg4FIgYIBQAWugNpOl2saAAAAABJRU5ErkJggg==",
  "base64",
);

async function previewText(selector: string, expected: string): Promise<string> {
  const frame = page.frame({ name: "asset-preview" })!;
  for (let i = 0; i < 40; i++) {
    const text =
      (await frame
        .locator(selector)
        .first()
        .textContent()
        .catch(() => null)) ?? "";
    if (text.includes(expected)) return text;
    await page.waitForTimeout(150);
  }
  throw new Error(`the preview never showed "${expected}" in ${selector}`);
}

describe.skipIf(!hasChromium())("the asset editor's live preview in a real browser", () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
    page = await browser.context.newPage();
    const brand = await api("/api/v1/settings", {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ brand_name: "Acme Insights", brand_color: "#0a7b55" }),
    });
    expect(brand.status).toBe(200);
    await page.goto(`${ORIGIN}/admin/login`);
    await page.click("summary");
    await page.fill("#token", ADMIN_TOKEN);
    await Promise.all([
      page.waitForURL(`${ORIGIN}/admin`),
      page.click("form[action='/admin/login'] button[type=submit]"),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("follows the form as the marketer types, saves file and cover, and the page goes live as previewed", async () => {
    await page.goto(`${ORIGIN}/admin/assets/new`);
    await page.selectOption("select[name=kind]", "ebook");
    await page.fill("input[name=title]", "The Gated Content Handbook");
    await page.fill("input[name=slug]", "gated-content-handbook");
    await page.fill("textarea[name=summary]", "Twelve chapters on turning content into pipeline.");
    await page.fill(
      "textarea[name=outline]",
      "Choosing the bait\nThe gate\nNurture that sales accepts",
    );
    await page.selectOption("select[name=field_company]", "required");
    await previewText("h1", "The Gated Content Handbook");
    expect(await previewText(".kicker", "Ebook")).toBe("Ebook");
    await previewText("button[type=submit]", "Get the ebook");
    await previewText(".brand-bar", "Acme Insights");
    const frame = page.frame({ name: "asset-preview" })!;
    expect(await frame.locator("#company").getAttribute("required")).not.toBeNull();
    await page.screenshot({ path: shot("asset-editor-01-typing") });

    await page.setInputFiles("input[name=cover]", {
      name: "cover.png",
      mimeType: "image/png",
      buffer: PNG,
    });
    await page.setInputFiles("input[name=file]", {
      name: "handbook.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n% handbook\n%%EOF\n"),
    });
    await Promise.all([
      page.waitForURL(/\/admin\/assets\/\d+\/edit\?saved=1/),
      page.click("#asset-form button[type=submit]:not(#preview-button)"),
    ]);
    const id = /assets\/(\d+)\//.exec(page.url())![1];
    await page.fill("input[name=title]", "The Gated Content Handbook, 2nd edition");
    await previewText("h1", "2nd edition");
    const cover = await page
      .frame({ name: "asset-preview" })!
      .locator("img.cover")
      .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth);
    expect(cover).toBe(2);
    await page.screenshot({ path: shot("asset-editor-02-editing") });

    // The preview's gate cannot post: it would be a real capture.
    const leads = async () =>
      ((await (await api("/api/v1/leads?limit=500")).json()) as { data: unknown[] }).data.length;
    const before = await leads();
    const preview = page.frame({ name: "asset-preview" })!;
    await preview.fill("#email", "nobody@example.com");
    await preview.click("button[type=submit]");
    await page.waitForTimeout(500);
    expect(await leads()).toBe(before);

    // Saved as typed last time (the edit above is unsaved), published by API, served as previewed.
    const published = await api(`/api/v1/assets/${id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ status: "published" }),
    });
    expect(published.status).toBe(200);
    await page.goto(`${ORIGIN}/p/gated-content-handbook`);
    expect(await page.locator("h1").textContent()).toBe("The Gated Content Handbook");
    expect(
      await page
        .locator("img.cover")
        .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).toBe(2);
    await page.screenshot({ path: shot("asset-editor-03-live") });
  });
});
