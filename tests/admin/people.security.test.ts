import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { DASHBOARD_ROUTES } from "../../src/domain/dashboard-access";
import { fakeResend, type ResendFake } from "../nurture/support/resend-fake";
import { postJson } from "../support/http";
import { login, type Session } from "./support/browser-like";
import { invite, memberSignedIn, signInByLink, teammate } from "./support/people";

let resend: ResendFake;
let admin: Session;
beforeAll(async () => {
  resend = fakeResend();
  admin = await login();
});
afterAll(() => resend.restore());

const idOf = async (email: string) =>
  (await env.DB.prepare("SELECT id FROM people WHERE email = ?")
    .bind(email)
    .first<{ id: number }>())!.id;
const sessionsOf = async (id: number) =>
  (await env.DB.prepare("SELECT count(*) AS n FROM admin_sessions WHERE person_id = ?")
    .bind(id)
    .first<{ n: number }>())!.n;
const signedOut = async (s: Session) => {
  const res = await s.get("/admin/leads");
  expect(res.status).toBe(303);
  expect(res.headers.get("location")).toMatch(/^\/admin\/login/);
};

describe("a teammate's sessions end with their standing", () => {
  it("changing their role ends every session they have, at once", async () => {
    const m = await memberSignedIn(resend, admin, "marketer");
    const second = await signInByLink(resend, m.email);
    const id = await idOf(m.email);
    expect(await sessionsOf(id)).toBe(2);
    const res = await admin.post(`/admin/people/${id}/role`, { role: "viewer" });
    expect(res.status).toBe(303);
    await signedOut(m);
    await signedOut(second);
    expect(await sessionsOf(id)).toBe(0);
    // Signing in again gives the new role.
    const again = await signInByLink(resend, m.email);
    expect((await again.post("/admin/spend", { amount: "1" })).status).toBe(403);
  });

  it("removing them ends their sessions and their unused links", async () => {
    const m = await memberSignedIn(resend, admin, "sales");
    const id = await idOf(m.email);
    await admin.post(`/admin/people/${id}/remove`, {});
    await signedOut(m);
    const links = await env.DB.prepare(
      "SELECT count(*) AS n FROM sign_in_links WHERE person_id = ? AND used_at IS NULL",
    )
      .bind(id)
      .first<{ n: number }>();
    expect(links!.n).toBe(0);
  });

  it("a role changed by any other means still ends the session on its next request", async () => {
    const m = await memberSignedIn(resend, admin, "viewer");
    await env.DB.prepare("UPDATE people SET role = 'admin' WHERE id = ?")
      .bind(await idOf(m.email))
      .run();
    // Even a promotion: the session was granted as a viewer and does not become an admin's.
    await signedOut(m);
  });

  it("a removal by any other means ends it too", async () => {
    const m = await memberSignedIn(resend, admin, "marketer");
    await env.DB.prepare("UPDATE people SET removed_at = 1 WHERE id = ?")
      .bind(await idOf(m.email))
      .run();
    await signedOut(m);
  });

  it("other people's sessions carry on", async () => {
    const keep = await memberSignedIn(resend, admin, "marketer");
    const go = await memberSignedIn(resend, admin, "marketer");
    await admin.post(`/admin/people/${await idOf(go.email)}/remove`, {});
    expect((await keep.get("/admin/leads")).status).toBe(200);
    expect((await admin.get("/admin/leads")).status).toBe(200);
  });
});

describe("a viewer changes nothing", () => {
  const posts = Object.entries(DASHBOARD_ROUTES)
    .filter(([k, a]) => k.startsWith("POST ") && a.kind === "permission")
    .map(([k]) => k.slice(5).replace(/:(\w+)(\{[^}]*\})?/g, "1"));

  it("lists the dashboard's form posts", () => {
    expect(posts.length).toBeGreaterThan(8);
  });

  it.each(posts.map((p) => [p]))(
    "POST %s is refused with the 403 page and writes nothing",
    async (path) => {
      const viewer = await memberSignedIn(resend, admin, "viewer");
      const before = await env.DB.prepare(
        "SELECT (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM spend) + (SELECT count(*) FROM assets) + (SELECT count(*) FROM people) AS n",
      ).first<{ n: number }>();
      const res = await viewer.post(path, {
        email: teammate("by-viewer"),
        role: "admin",
        title: "x",
        amount: "10",
        currency: "USD",
        day_from: "2026-01-01",
        channel: "paid",
        csv: "day,cost\n2026-01-01,1",
        action: "import",
        active: "0",
      });
      expect(res.status).toBe(403);
      expect(await res.text()).toContain("Viewer");
      const after = await env.DB.prepare(
        "SELECT (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM spend) + (SELECT count(*) FROM assets) + (SELECT count(*) FROM people) AS n",
      ).first<{ n: number }>();
      expect(after!.n).toBe(before!.n);
    },
  );
});

describe("the people page's forms", () => {
  it("refuse a post without the session's CSRF token or from another site", async () => {
    const email = teammate("csrf");
    expect(
      (await admin.post("/admin/people", { email, role: "admin" }, { csrf: null })).status,
    ).toBe(403);
    expect(
      (await admin.post("/admin/people", { email, role: "admin" }, { origin: "https://evil.test" }))
        .status,
    ).toBe(403);
    expect(
      await env.DB.prepare("SELECT 1 FROM people WHERE email = ?").bind(email).first(),
    ).toBeNull();
  });

  it("refuse an admin changing their own role or removing themselves (another admin can)", async () => {
    const me = await memberSignedIn(resend, admin, "admin");
    const id = await idOf(me.email);
    for (const [path, fields] of [
      [`/admin/people/${id}/role`, { role: "viewer" }],
      [`/admin/people/${id}/remove`, {}],
    ] as const) {
      const res = await me.post(path, fields);
      expect(res.status).toBe(409);
      expect(await res.text()).toContain("ask another admin");
    }
    expect((await me.get("/admin/people")).status).toBe(200);
  });

  it("refuse a name that would break the invitation's subject line, or spoof its reading order", async () => {
    for (const name of ["Ann\r\nBcc: x@evil.test", "Ann\u202Egnp.exe", "A\u0000"]) {
      const res = await admin.post("/admin/people", {
        email: teammate("name"),
        role: "viewer",
        name,
      });
      expect(res.status).toBe(400);
    }
  });

  it("fold a line break in the inviter's name out of the invitation's subject", async () => {
    const res = await postJson(
      "/api/v1/tokens",
      { name: "CRM\r\nBcc: all@evil.test", scopes: ["admin"] },
      { headers: { authorization: `Bearer ${env.ADMIN_TOKEN}` } },
    );
    const bot = await login(((await res.json()) as { token: string }).token);
    const email = teammate("folded");
    await invite(bot, email, "viewer");
    const mail = resend.delivered.find((d) => d.to === email)!;
    expect(mail.subject).toBe("token CRM Bcc: all@evil.test invited you to Lodestone");
  });

  it("refuse a bad address or role with the form and its errors", async () => {
    const bad = await admin.post("/admin/people", { email: "not-an-email", role: "viewer" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Enter a valid email address");
    const role = await admin.post("/admin/people", { email: teammate("role"), role: "owner" });
    expect(role.status).toBe(400);
    const change = await admin.post("/admin/people/1/role", { role: "owner" });
    expect(change.status).toBe(400);
  });

  it("answer a missing person with a 404 page", async () => {
    expect((await admin.post("/admin/people/999999/remove", {})).status).toBe(404);
  });

  it("re-inviting a current member changes nothing", async () => {
    const email = teammate("dup");
    await invite(admin, email, "viewer");
    const res = await admin.post("/admin/people", { email, role: "admin" });
    expect(res.status).toBe(400);
    const row = await env.DB.prepare("SELECT role FROM people WHERE email = ?").bind(email).first();
    expect(row).toEqual({ role: "viewer" });
  });
});
