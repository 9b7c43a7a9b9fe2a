import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { BASE, fetchWorker, postJson } from "../support/http";
import { login } from "./support/browser-like";

const ADMIN = { authorization: `Bearer ${env.ADMIN_TOKEN}` };
const form = (fields: Record<string, string>, headers: Record<string, string> = {}) => ({
  method: "POST",
  body: new URLSearchParams(fields),
  headers: { "content-type": "application/x-www-form-urlencoded", origin: BASE, ...headers },
});

async function token(scopes: string[]) {
  const res = await postJson("/api/v1/tokens", { name: "dash", scopes }, { headers: ADMIN });
  return ((await res.json()) as { token: string }).token;
}

describe("dashboard login", () => {
  it("exchanges a token for an HttpOnly, Secure, SameSite=Lax, expiring session cookie", async () => {
    const res = await fetchWorker(
      "/admin/login",
      form({ token: env.ADMIN_TOKEN, next: "/admin/leads" }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin/leads");
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^lodestone_admin=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Max-Age=28800/);
    expect(cookie).not.toContain(env.ADMIN_TOKEN);
  });

  it("accepts a marketing token and refuses a sales token or a wrong one, with the page saying why", async () => {
    expect(
      (await fetchWorker("/admin/login", form({ token: await token(["marketing"]) }))).status,
    ).toBe(303);
    for (const t of [await token(["sales"]), "not-a-token"]) {
      const res = await fetchWorker("/admin/login", form({ token: t }));
      expect(res.status).toBe(401);
      expect(res.headers.get("set-cookie")).toBeNull();
      expect(await res.text()).toContain("lacks the marketing scope");
    }
  });

  it("sends a visitor without a session to the login page, and back afterwards", async () => {
    const res = await fetchWorker("/admin/leads?stage=mql");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(
      `/admin/login?next=${encodeURIComponent("/admin/leads?stage=mql")}`,
    );
    const page = await fetchWorker("/admin/login?next=%2Fadmin%2Fleads");
    expect(await page.text()).toContain('name="next" value="/admin/leads"');
  });

  it("never redirects to another site after login", async () => {
    for (const next of ["https://evil.test/", "//evil.test", "/p/x", "/admin.evil"]) {
      const res = await fetchWorker("/admin/login", form({ token: env.ADMIN_TOKEN, next }));
      expect(res.headers.get("location")).toBe("/admin");
    }
  });

  it("refuses a login form posted from another site", async () => {
    const res = await fetchWorker(
      "/admin/login",
      form({ token: env.ADMIN_TOKEN }, { origin: "https://evil.test" }),
    );
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("ends the session on logout: the old cookie no longer opens the dashboard", async () => {
    const s = await login();
    expect((await s.get("/admin")).status).toBe(200);
    const out = await s.post("/admin/logout", {});
    expect(out.status).toBe(303);
    expect(out.headers.get("set-cookie")).toMatch(/lodestone_admin=;/);
    expect((await s.get("/admin")).status).toBe(303);
  });

  it("treats an expired session as logged out", async () => {
    const s = await login();
    await env.DB.prepare("UPDATE admin_sessions SET expires_at = 1").run();
    expect((await s.get("/admin/spend")).status).toBe(303);
  });
});

describe("CSRF on every dashboard form", () => {
  it("refuses a form without the session's token, and one with another session's token", async () => {
    const s = await login();
    const other = await login();
    const fields = { day_from: "2026-01-01", amount: "10", currency: "USD", channel: "paid" };
    expect((await s.post("/admin/spend", fields, { csrf: null })).status).toBe(403);
    expect((await s.post("/admin/spend", fields, { csrf: await other.csrf() })).status).toBe(403);
    expect((await s.post("/admin/spend", fields)).status).toBe(303);
  });

  it("refuses a form posted from another origin even with the right token", async () => {
    const s = await login();
    const res = await s.post(
      "/admin/spend",
      { day_from: "2026-01-01", amount: "10", currency: "USD", channel: "paid" },
      { origin: "https://evil.test" },
    );
    expect(res.status).toBe(403);
  });

  it.each(["/admin/logout", "/admin/locale", "/admin/spend/import", "/admin/assets/new"])(
    "%s checks the token",
    async (path) => {
      const s = await login();
      const res = await s.post(
        path,
        { csv: "day,cost\n2026-01-01,1", title: "x" },
        { csrf: "forged" },
      );
      expect(res.status).toBe(403);
    },
  );
});

describe("dashboard pages are private and not cached", () => {
  it.each([
    "/admin",
    "/admin/reports",
    "/admin/assets",
    "/admin/assets/new",
    "/admin/leads",
    "/admin/spend",
    "/admin/webhooks",
    "/admin/mail",
    "/admin/export/leads.csv",
  ])("%s needs a session and is no-store", async (path) => {
    expect((await fetchWorker(path)).status).toBe(303);
    const s = await login();
    const res = await s.get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
  });
});

describe("a session lives no longer than its token", () => {
  async function tokenWithId(scopes: string[]) {
    const res = await postJson("/api/v1/tokens", { name: "dash", scopes }, { headers: ADMIN });
    return (await res.json()) as { id: number; token: string };
  }

  it("revoking the token ends the dashboard sessions made from it, at once", async () => {
    const t = await tokenWithId(["marketing"]);
    const session = await login(t.token);
    expect((await session.get("/admin/leads")).status).toBe(200);

    const revoked = await fetchWorker(`/api/v1/tokens/${t.id}`, {
      method: "DELETE",
      headers: ADMIN,
    });
    expect(revoked.status).toBe(200);
    const after = await session.get("/admin/leads");
    expect(after.status).toBe(303);
    expect(after.headers.get("location")).toMatch(/^\/admin\/login/);
    const rows = await env.DB.prepare("SELECT count(*) AS n FROM admin_sessions WHERE token_id = ?")
      .bind(t.id)
      .first<{ n: number }>();
    expect(rows!.n).toBe(0);
  });

  it("a token whose scopes shrink below the session's ends the session", async () => {
    const t = await tokenWithId(["marketing", "sales"]);
    const session = await login(t.token);
    expect((await session.get("/admin/leads")).status).toBe(200);
    // No API narrows a token's scopes yet; an operator (or a future edit) doing it in D1 must still end the session.
    await env.DB.prepare("UPDATE api_tokens SET scopes = ? WHERE id = ?")
      .bind(JSON.stringify(["sales"]), t.id)
      .run();
    expect((await session.get("/admin/leads")).status).toBe(303);
  });

  it("sessions from the bootstrap ADMIN_TOKEN and from other tokens carry on", async () => {
    const keep = await tokenWithId(["marketing"]);
    const other = await tokenWithId(["marketing"]);
    const kept = await login(keep.token);
    const admin = await login();
    await fetchWorker(`/api/v1/tokens/${other.id}`, { method: "DELETE", headers: ADMIN });
    expect((await kept.get("/admin/leads")).status).toBe(200);
    expect((await admin.get("/admin/leads")).status).toBe(200);
  });
});
