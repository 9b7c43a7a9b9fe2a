// /admin/settings: admins keep the privacy policy links the gates' consent words point to.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { fetchWorker, postJson } from "../support/http";
import { makeAsset } from "../support/fixtures";
import { login } from "./support/browser-like";

async function marketingToken() {
  const res = await postJson(
    "/api/v1/tokens",
    { name: "marketer", scopes: ["marketing"] },
    { headers: { authorization: `Bearer ${env.ADMIN_TOKEN}` } },
  );
  return ((await res.json()) as { token: string }).token;
}
const stored = async () =>
  (await env.DB.prepare("SELECT key, value FROM settings ORDER BY key").all()).results;
const privacyHref = (html: string) =>
  /<a href="([^"]+)" target="_blank" rel="noopener noreferrer">/.exec(html)?.[1];

describe("the settings page", () => {
  it("needs a session, is no-store, and shows its words in English and Chinese", async () => {
    expect((await fetchWorker("/admin/settings")).status).toBe(303);
    const en = await login();
    const page = await en.get("/admin/settings");
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toContain("no-store");
    const html = await page.text();
    expect(html).toContain("Privacy policy URL (English pages)");
    expect(html).toContain('href="/admin/settings" aria-current="page"');
    const zh = await login(env.ADMIN_TOKEN, "zh-CN");
    expect(await (await zh.get("/admin/settings")).text()).toContain("隐私政策链接（中文页面）");
    const refused = await zh.post("/admin/settings", { privacy_policy_url_en: "ftp://x.example" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("请填写以 https:// 开头");
  });

  it("is for admins only: a marketer's session can neither see nor change it", async () => {
    const s = await login(await marketingToken());
    const before = await stored();
    expect((await s.get("/admin/assets")).status).toBe(200);
    const page = await s.get("/admin/settings");
    expect(page.status).toBe(403);
    expect(await page.text()).toContain("Only admins can change settings.");
    const csrf = await s.csrf();
    const post = await s.post(
      "/admin/settings",
      { privacy_policy_url_en: "https://evil.example/privacy" },
      { csrf },
    );
    expect(post.status).toBe(403);
    expect(await stored()).toEqual(before);
  });

  it("refuses a post without the session's CSRF token or from another site, and stores nothing", async () => {
    const s = await login();
    const before = await stored();
    const fields = { privacy_policy_url_en: "https://example.org/privacy" };
    expect((await s.post("/admin/settings", fields, { csrf: null })).status).toBe(403);
    expect((await s.post("/admin/settings", fields, { csrf: "forged" })).status).toBe(403);
    expect((await s.post("/admin/settings", fields, { origin: "https://evil.test" })).status).toBe(
      403,
    );
    expect(await stored()).toEqual(before);
  });

  it.each([
    ["a plain http link", "http://example.org/privacy"],
    ["a javascript: link", "javascript:alert(1)"],
    ["a link without its scheme", "example.org/privacy"],
    ["a link over 2,048 characters", `https://example.org/${"a".repeat(2100)}`],
  ])("refuses %s with a 400 naming the field, and stores nothing", async (_what, bad) => {
    const s = await login();
    const before = await stored();
    const res = await s.post("/admin/settings", {
      privacy_policy_url_en: "https://example.org/privacy",
      privacy_policy_url_zh: bad,
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(
      /name="privacy_policy_url_zh"[^>]*aria-invalid="true"[\s\S]*?<span class="field-error">[^<]+<\/span>/,
    );
    expect(html).toContain("Use an https:// link of at most 2,048 characters");
    expect(html).not.toMatch(/name="privacy_policy_url_en"[^>]*aria-invalid/);
    expect(await stored()).toEqual(before);
  });

  it("saved links are what the gates link to, each language its own, falling back to the other", async () => {
    const s = await login();
    const saved = await s.post("/admin/settings", {
      privacy_policy_url_en: "https://example.org/privacy",
      privacy_policy_url_zh: "https://example.cn/yinsi",
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe("/admin/settings?saved=1");
    expect(await (await s.get("/admin/settings")).text()).toContain(
      'value="https://example.cn/yinsi"',
    );
    const en = await makeAsset({ locale: "en" });
    const zh = await makeAsset({ locale: "zh-CN" });
    expect(privacyHref(await (await fetchWorker(`/p/${en.slug}`)).text())).toBe(
      "https://example.org/privacy",
    );
    const zhPage = await (await fetchWorker(`/p/${zh.slug}`)).text();
    expect(privacyHref(zhPage)).toBe("https://example.cn/yinsi");
    expect(zhPage).toContain(">《隐私政策》</a>");

    expect(
      (
        await s.post("/admin/settings", {
          privacy_policy_url_en: "https://example.org/privacy",
          privacy_policy_url_zh: "",
        })
      ).status,
    ).toBe(303);
    expect(privacyHref(await (await fetchWorker(`/p/${zh.slug}`)).text())).toBe(
      "https://example.org/privacy",
    );
    expect(await stored()).toEqual([
      { key: "privacy_policy_url_en", value: '"https://example.org/privacy"' },
    ]);
  });
});
