import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { env } from "cloudflare:workers";
import { fetchWorker } from "../support/http";
import { fakeResend, type ResendFake } from "../nurture/support/resend-fake";
import { login, sessionOf, type Session } from "./support/browser-like";
import {
  askForLink,
  confirmLink,
  invite,
  linkMailedTo,
  memberSignedIn,
  teammate,
} from "./support/people";

let resend: ResendFake;
let admin: Session;
beforeAll(async () => {
  resend = fakeResend();
  admin = await login();
});
afterAll(() => resend.restore());

const mailTo = (email: string, kind: string) =>
  resend.delivered.filter(
    (d) => d.to === email && d.tags.some((t) => t.name === "kind" && t.value === kind),
  );

describe("inviting a teammate", () => {
  it("mails them who invited them, their role and a link to the sign-in page, and lists them", async () => {
    const email = teammate("ann");
    const res = await invite(admin, email, "marketer", { name: "Ann Lee" });
    expect(res.headers.get("location")).toMatch(/^\/admin\/people\?invited=/);
    const [mail] = mailTo(email, "invitation");
    expect(mail).toBeDefined();
    expect(mail!.subject).toBe("ADMIN_TOKEN invited you to Lodestone");
    expect(mail!.text).toContain("Hi Ann Lee,");
    expect(mail!.text).toContain("as Marketer");
    expect(mail!.text).toContain("https://lodestone.test/admin/login");
    expect(mail!.tags).toContainEqual({ name: "category", value: "team" });
    const page = await (await admin.get(String(res.headers.get("location")))).text();
    expect(page).toContain(`Invitation sent to ${email}.`);
    expect(page).toContain(`data-person="${email}"`);
  });

  it("writes the invitation in Chinese when asked, and names the inviting person", async () => {
    const inviter = await memberSignedIn(resend, admin, "admin");
    const email = teammate("wang");
    await invite(inviter, email, "sales", { name: "王伟", locale: "zh-CN" });
    const [mail] = mailTo(email, "invitation");
    expect(mail!.subject).toBe(`${inviter.email} 邀请您加入 Lodestone`);
    expect(mail!.text).toContain("王伟，您好：");
    expect(mail!.text).toContain("角色为：销售");
    expect(mail!.html).toContain('lang="zh-CN"');
  });

  it("normalises the address: one person however it is typed", async () => {
    const email = teammate("case");
    await invite(admin, email.toUpperCase(), "viewer");
    const again = await admin.post("/admin/people", { email: ` ${email} `, role: "sales" });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("already a member");
  });

  it("brings a removed teammate back with the new role", async () => {
    const email = teammate("back");
    await invite(admin, email, "viewer");
    const id = await personId(email);
    expect((await admin.post(`/admin/people/${id}/remove`, {})).status).toBe(303);
    await invite(admin, email, "marketer");
    expect(await personId(email)).toBe(id);
    const row = await env.DB.prepare("SELECT role, removed_at FROM people WHERE id = ?")
      .bind(id)
      .first<{ role: string; removed_at: number | null }>();
    expect(row).toEqual({ role: "marketer", removed_at: null });
  });
});

async function personId(email: string): Promise<number> {
  const row = await env.DB.prepare("SELECT id FROM people WHERE email = ?")
    .bind(email.toLowerCase())
    .first<{ id: number }>();
  return row!.id;
}

describe("signing in by a one-time link", () => {
  it("mails a link whose GET only shows a confirm page; its POST signs in with the person's role", async () => {
    const email = teammate("link");
    await invite(admin, email, "marketer");
    const ask = await askForLink(email);
    expect(ask.status).toBe(200);
    expect(await ask.text()).toContain("Check your inbox");
    const path = await linkMailedTo(resend, email);
    const [mail] = mailTo(email, "sign_in");
    expect(mail!.subject).toBe("Your Lodestone sign-in link");
    expect(mail!.text).toContain("within 15 minutes");

    // A mail scanner (or the person) opening the link twice uses nothing up.
    for (let i = 0; i < 2; i++) {
      const page = await fetchWorker(path);
      expect(page.status).toBe(200);
      expect(page.headers.get("set-cookie")).toBeNull();
      expect(page.headers.get("cache-control")).toContain("no-store");
      const html = await page.text();
      expect(html).toContain('<meta name="referrer" content="no-referrer"/>');
      expect(html).toContain('<form method="post" action="/admin/login/link/');
    }
    const unused = await env.DB.prepare(
      "SELECT count(*) AS n FROM sign_in_links WHERE used_at IS NULL AND person_id = ?",
    )
      .bind(await personId(email))
      .first<{ n: number }>();
    expect(unused!.n).toBe(1);

    const res = await confirmLink(path);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin");
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^lodestone_admin=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    const me = sessionOf(cookie.split(";")[0]!);
    const overview = await (await me.get("/admin")).text();
    expect(overview).toContain(email);
    expect(overview).toContain("Marketer");
    expect(overview).not.toContain('href="/admin/people"');
    const row = await env.DB.prepare(
      "SELECT person_id, role, token_id FROM admin_sessions WHERE person_id = ?",
    )
      .bind(await personId(email))
      .first();
    expect(row).toEqual({ person_id: await personId(email), role: "marketer", token_id: null });
  });

  it("sends a sales person to the first page their role opens", async () => {
    const email = teammate("sales");
    await invite(admin, email, "sales");
    await askForLink(email);
    const res = await confirmLink(await linkMailedTo(resend, email));
    expect(res.headers.get("location")).toBe("/admin/leads");
  });

  it("writes the link mail and its pages in Chinese when the sign-in page was Chinese", async () => {
    const email = teammate("zh");
    await invite(admin, email, "viewer");
    await askForLink(email, "zh-CN");
    const path = await linkMailedTo(resend, email);
    expect(path).toMatch(/\?lang=zh-CN$/);
    expect(mailTo(email, "sign_in")[0]!.subject).toBe("您的 Lodestone 登录链接");
    expect(await (await fetchWorker(path)).text()).toContain("登录 Lodestone");
  });
});

describe("a link that cannot be used", () => {
  it("is refused the second time, with a page and a 4xx, and makes no second session", async () => {
    const email = teammate("twice");
    await invite(admin, email, "viewer");
    await askForLink(email);
    const path = await linkMailedTo(resend, email);
    expect((await confirmLink(path)).status).toBe(303);
    const again = await confirmLink(path);
    expect(again.status).toBe(410);
    expect(again.headers.get("set-cookie")).toBeNull();
    expect(await again.text()).toContain("This sign-in link no longer works");
    expect((await fetchWorker(path)).status).toBe(410);
  });

  it("is refused once 15 minutes have passed, and works up to then", async () => {
    const email = teammate("late");
    await invite(admin, email, "viewer");
    await askForLink(email);
    const late = await linkMailedTo(resend, email);
    const sent = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now: sent + 15 * 60_000 + 1000 });
    try {
      expect((await fetchWorker(late)).status).toBe(410);
      const res = await confirmLink(late);
      expect(res.status).toBe(410);
      expect(res.headers.get("set-cookie")).toBeNull();
    } finally {
      vi.useRealTimers();
    }
    await askForLink(email);
    const fresh = await linkMailedTo(resend, email, 2);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 14 * 60_000 });
    try {
      expect((await confirmLink(fresh)).status).toBe(303);
    } finally {
      vi.useRealTimers();
    }
  });

  it("is refused when it is not one of ours, whatever its shape", async () => {
    for (const bad of ["x", "A".repeat(43), "%0d%0aSet-Cookie:x=1", "A".repeat(500)]) {
      const res = await confirmLink(`/admin/login/link/${bad}`);
      expect(res.status).toBe(410);
      expect((await fetchWorker(`/admin/login/link/${bad}`)).status).toBe(410);
    }
  });

  it("is refused for a person removed after it was mailed", async () => {
    const email = teammate("gone");
    await invite(admin, email, "marketer");
    await askForLink(email);
    const path = await linkMailedTo(resend, email);
    await admin.post(`/admin/people/${await personId(email)}/remove`, {});
    expect((await confirmLink(path)).status).toBe(410);
  });
});

describe("asking for a link tells nobody who is a member", () => {
  it("answers an unknown or removed address exactly as a member's, and mails neither", async () => {
    const member = teammate("member");
    const removed = teammate("removed");
    const stranger = teammate("stranger");
    await invite(admin, member, "viewer");
    await invite(admin, removed, "viewer");
    await admin.post(`/admin/people/${await personId(removed)}/remove`, {});
    const pages = await Promise.all(
      [member, removed, stranger].map(async (e) => {
        const res = await askForLink(e);
        return { status: res.status, html: (await res.text()).replaceAll(e, "EMAIL") };
      }),
    );
    expect(pages[1]).toEqual(pages[0]);
    expect(pages[2]).toEqual(pages[0]);
    await linkMailedTo(resend, member);
    // The member's mail went out after the answer; give the others as long again, then look.
    await new Promise((r) => setTimeout(r, 300));
    expect(mailTo(removed, "sign_in")).toEqual([]);
    expect(mailTo(stranger, "sign_in")).toEqual([]);
    expect(resend.delivered.some((d) => d.to === stranger)).toBe(false);
  });

  it("mails a member at most three links in 15 minutes, answering the same each time", async () => {
    const email = teammate("flood");
    await invite(admin, email, "viewer");
    for (let i = 0; i < 5; i++) expect((await askForLink(email)).status).toBe(200);
    await linkMailedTo(resend, email, 3);
    await new Promise((r) => setTimeout(r, 300));
    expect(mailTo(email, "sign_in")).toHaveLength(3);
  });

  it("limits asking from one network, with a page saying so", async () => {
    const ip = "198.51.100.77";
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await fetchWorker("/admin/login/email", {
        method: "POST",
        ip,
        body: new URLSearchParams({ email: teammate("ip"), locale: "en" }),
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          origin: "https://lodestone.test",
        },
      });
      statuses.push(res.status);
      if (res.status === 429) expect(await res.text()).toContain("Too many attempts");
    }
    expect(statuses).toContain(429);
  });
});

describe("the bootstrap ADMIN_TOKEN", () => {
  it("still signs in from the token form, for the first admin and for scripts", async () => {
    const page = await (await fetchWorker("/admin/login")).text();
    expect(page).toContain('name="email"');
    expect(page).toContain("Sign in with a token");
    expect(page).toContain('name="token"');
    const s = await login(env.ADMIN_TOKEN);
    expect((await s.get("/admin/people")).status).toBe(200);
  });
});
