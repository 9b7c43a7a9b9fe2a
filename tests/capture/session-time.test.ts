// A course session's time on the landing and thank-you pages: the session's zone in words, and the hook
// the visitor's browser fills with their own time (the journey in tests/browser/lead-detail.browser.ts runs it).
import { describe, it, expect } from "vitest";
import { makeAsset, makeSession } from "../support/fixtures";
import { fetchWorker, postForm } from "../support/http";

const AT = Date.UTC(2026, 11, 9, 12, 0); // 2026-12-09 12:00 UTC = 20:00 in Beijing

async function course(locale: "en" | "zh-CN", timezone: string) {
  const asset = await makeAsset({
    kind: "course",
    fileKey: null,
    locale,
    timezone,
    title: locale === "zh-CN" ? "线索评分公开课" : "Scoring Open Class",
  });
  await makeSession(asset.id, AT, timezone);
  return asset;
}

const localHook = (html: string) =>
  /<span class="local-time" data-local-time="([^"]+)" data-zone="([^"]+)" data-locale="([^"]+)" data-label="([^"]+)" hidden="">/.exec(
    html,
  );

describe("a course session's time", () => {
  it.each([
    ["zh-CN", "Asia/Shanghai", "2026年12月9日 20:00（北京时间）", "您的时间"],
    ["zh-CN", "Europe/London", "2026年12月9日 12:00（英国时间）", "您的时间"],
    ["en", "Europe/London", "December 9, 2026 at 12:00 PM (United Kingdom Time)", "Your time:"],
    ["en", "America/New_York", "December 9, 2026 at 7:00 AM (Eastern Time)", "Your time:"],
  ] as const)(
    "on a %s landing page in %s reads “%s”, with the visitor's time left to the browser",
    async (locale, zone, text, label) => {
      const asset = await course(locale, zone);
      const html = await (await fetchWorker(`/p/${asset.slug}`)).text();
      expect(html).toContain(
        `<time datetime="2026-12-09T12:00:00.000Z" data-zone="${zone}">${text}</time>`,
      );
      expect(localHook(html)?.slice(1)).toEqual(["2026-12-09T12:00:00.000Z", zone, locale, label]);
      expect(html).toContain('<script src="/static/local-time.js" defer=""></script>');
    },
  );

  it("the thank-you page says the same", async () => {
    const asset = await course("zh-CN", "Asia/Shanghai");
    const res = await postForm(`/p/${asset.slug}`, { email: "mei@example.cn", name: "陈美" });
    expect(res.status).toBe(303); // Post/Redirect/Get: the thank-you page is its own URL
    const html = await (await fetchWorker(res.headers.get("location")!)).text();
    expect(html).toContain("2026年12月9日 20:00（北京时间）");
    expect(localHook(html)?.[2]).toBe("Asia/Shanghai");
  });

  it("the script comes from our own origin, which the page's CSP allows, and no script is inline", async () => {
    const asset = await course("en", "Europe/London");
    const page = await fetchWorker(`/p/${asset.slug}`);
    const csp = page.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/unsafe-inline[^;]*;?\s*$|script-src[^;]*unsafe-inline/);
    const html = await page.text();
    expect([...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>/g)]).toEqual([]);

    const js = await fetchWorker("/static/local-time.js");
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(js.headers.get("x-content-type-options")).toBe("nosniff");
    const body = await js.text();
    expect(body).toContain("resolvedOptions().timeZone");
    expect(body).toContain("data-local-time");
  });

  it("a whitepaper has no session and loads no script", async () => {
    const asset = await makeAsset();
    const html = await (await fetchWorker(`/p/${asset.slug}`)).text();
    expect(html).not.toContain("session-time");
    expect(html).not.toContain("/static/local-time.js");
  });
});
