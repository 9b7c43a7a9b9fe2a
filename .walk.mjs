import { chromium } from "playwright-core";
const base = "http://localhost:8795";
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`${base}/admin/login`);
await page.getByText(/Sign in with a token/).click();
await page.fill('input[name="token"]', "dev-admin-token-change-me-0123456789");
await page.locator('form:has(input[name="token"]) button[type="submit"]').click();
await page.waitForLoadState();
// scoring
await page.goto(`${base}/admin/scoring`);
await page.screenshot({ path: "/tmp/shots/scoring.png", fullPage: true });
await page.getByRole("link", { name: "Edit" }).first().click();
await page.waitForLoadState();
await page.screenshot({ path: "/tmp/shots/scoring-edit.png", fullPage: false });
const form = page.locator("#edit form.rule-form").first();
await form.locator('input[name="points"]').fill("40");
await form.locator('input[name="threshold"]').fill("30");
await form.getByRole("button", { name: "Preview" }).click();
await page.waitForLoadState();
await page.screenshot({ path: "/tmp/shots/scoring-preview.png", fullPage: false });
console.log("preview:", await page.locator("[data-preview]").innerText());
// webhooks
await page.goto(`${base}/admin/webhooks`);
await page.fill('input[name="url"]', "http://localhost:8795/healthz");
await page.getByRole("button", { name: "Add an endpoint" }).click();
await page.waitForLoadState();
console.log("after add:", (await page.locator("h2").allInnerTexts()).join(" | "));
await page.screenshot({ path: "/tmp/shots/webhooks-added.png", fullPage: true });
await page.getByRole("button", { name: "Send a test event" }).first().click();
await page.waitForLoadState();
await page.waitForTimeout(1500);
await page.reload();
await page.screenshot({ path: "/tmp/shots/webhooks-tested.png", fullPage: true });
// tokens
await page.goto(`${base}/admin/tokens`);
await page.fill('input[name="name"]', "HubSpot sync");
await page.check('input[name="scopes"][value="sales"]');
await page.getByRole("button", { name: "Create a token" }).click();
await page.waitForLoadState();
await page.screenshot({ path: "/tmp/shots/tokens.png", fullPage: true });
await browser.close();
