// Header injection: nothing a visitor, a stored row or a link carries can put CR/LF into a response header,
// and the dashboard's `next` only ever sends the browser to a path of its own.
import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { signLink } from "../../src/domain/signed-link";
import { BASE, fetchWorker, postForm } from "../support/http";
import { makeAsset, makeSession } from "../support/fixtures";
import { login } from "./support/browser-like";
import { insertLead } from "../support/leads";

const HOSTILE_NEXT = [
  "/admin/\r\nSet-Cookie: pwned=1",
  "/admin\r\nLocation: https://evil.example",
  "/admin/%0d%0aSet-Cookie:%20pwned=1",
  "/admin/\u0000x",
  "/admin/\tleads",
  "//evil.example/admin",
  "/\\evil.example/admin",
  "/admin/\\evil.example",
  "\\\\evil.example",
  "https://evil.example/admin",
  "javascript:alert(1)",
  " /admin/leads",
  "/admin/../../evil",
  "/p/some-landing-page",
];

/** A Location the browser resolves on our own origin, inside the dashboard, with no control characters. */
function expectSafeLocation(res: Response) {
  const location = res.headers.get("location");
  expect(location).toBeTruthy();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this checks for
  expect(location).not.toMatch(/[\x00-\x1f\x7f\\]/);
  expect(location!.startsWith("/") && !location!.startsWith("//")).toBe(true);
  const resolved = new URL(location!, BASE);
  expect(resolved.origin).toBe(BASE);
  expect(resolved.pathname === "/admin" || resolved.pathname.startsWith("/admin/")).toBe(true);
  expect(res.headers.get("set-cookie") ?? "").not.toContain("pwned");
}

describe("the dashboard's next parameter", () => {
  it.each(HOSTILE_NEXT)(
    "logging in with next=%j redirects inside the dashboard only",
    async (next) => {
      const res = await fetchWorker("/admin/login", {
        method: "POST",
        body: new URLSearchParams({ token: env.ADMIN_TOKEN, locale: "en", next }),
        headers: { "content-type": "application/x-www-form-urlencoded", origin: BASE },
      });
      expect(res.status).toBe(303);
      expectSafeLocation(res);
    },
  );

  it.each(HOSTILE_NEXT)(
    "switching language with next=%j redirects inside the dashboard only",
    async (next) => {
      const s = await login();
      const res = await s.post("/admin/locale", { locale: "zh-CN", next });
      expect(res.status).toBe(303);
      expectSafeLocation(res);
    },
  );

  it("the login page with a hostile next in its query still renders, with a safe next", async () => {
    const res = await fetchWorker(
      `/admin/login?next=${encodeURIComponent("/admin/\r\nSet-Cookie: pwned=1")}`,
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('name="next" value="/admin"');
  });

  it("a same-origin dashboard path with a query survives the round trip", async () => {
    const res = await fetchWorker("/admin/login", {
      method: "POST",
      body: new URLSearchParams({
        token: env.ADMIN_TOKEN,
        locale: "en",
        next: "/admin/reports?from=2026-01-01&model=linear",
      }),
      headers: { "content-type": "application/x-www-form-urlencoded", origin: BASE },
    });
    expect(res.headers.get("location")).toBe("/admin/reports?from=2026-01-01&model=linear");
  });
});

describe("other values that end up in headers", () => {
  it("a signed click link whose target carries CR/LF redirects to the clean URL, never a 500", async () => {
    const token = await signLink(
      env.SIGNING_SECRET,
      "click",
      { s: 999999, u: "https://example.com/offer\r\nSet-Cookie: pwned=1" },
      Math.floor(Date.now() / 1000) + 3600,
    );
    const res = await fetchWorker(`/t/c/${token}`);
    expect(res.status).toBeLessThan(500);
    if (res.status === 302) {
      expect(res.headers.get("location")).not.toMatch(/[\r\n]/);
      expect(new URL(res.headers.get("location")!).host).toBe("example.com");
    }
    expect(res.headers.get("set-cookie") ?? "").not.toContain("pwned");
  });

  it("a course room URL stored with CR/LF opens cleanly, never a 500", async () => {
    const asset = await makeAsset({
      kind: "course",
      fileKey: null,
      roomUrl: "https://meet.example.com/room\r\nSet-Cookie: pwned=1",
    });
    await makeSession(asset.id, Date.now() + 3600_000);
    const leadId = await insertLead();
    const token = await signLink(
      env.SIGNING_SECRET,
      "download",
      { l: leadId, a: asset.id },
      Math.floor(Date.now() / 1000) + 3600,
    );
    const res = await fetchWorker(`/d/${token}`);
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get("location") ?? "").not.toMatch(/[\r\n]/);
    expect(res.headers.get("set-cookie") ?? "").not.toContain("pwned");
  });

  it("a file name with CR/LF becomes a clean Content-Disposition", async () => {
    const asset = await makeAsset({ fileName: "report\r\nSet-Cookie: pwned=1.pdf" });
    const leadId = await insertLead();
    const token = await signLink(
      env.SIGNING_SECRET,
      "download",
      { l: leadId, a: asset.id },
      Math.floor(Date.now() / 1000) + 3600,
    );
    const res = await fetchWorker(`/d/${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).not.toMatch(/[\r\n]/);
    expect(res.headers.get("set-cookie") ?? "").not.toContain("pwned");
  });

  it("a gate form with CR/LF in its attribution fields never reaches a header", async () => {
    const asset = await makeAsset();
    const res = await postForm(`/p/${asset.slug}`, {
      email: "hdr@example.com",
      name: "H",
      utm_campaign: "spring\r\nSet-Cookie: pwned=1",
      referrer: "https://ref.example/\r\nX: y",
    });
    // Post/Redirect/Get: the answer is a redirect to the thank-you page, its Location one clean line.
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/p\/[a-z0-9-]+\/thanks\?t=[\w.-]+$/);
    expect(res.headers.get("set-cookie") ?? "").not.toContain("pwned");
    expect([...res.headers.keys()]).not.toContain("x");
  });
});
