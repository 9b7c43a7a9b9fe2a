import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { api, makeToken } from "../support/api";
import { fakeResend, type ResendFake } from "../nurture/support/resend-fake";
import { login, type Session } from "./support/browser-like";
import { memberSignedIn } from "./support/people";

// Under `npm start` the local sink keeps every mail, sign-in links included; a link is a key to its
// person's account, so only admins may read teammates' mail there.
let resend: ResendFake;
let admin: Session;
let marketer: Session;
const ids = { team: crypto.randomUUID(), nurture: crypto.randomUUID() };

beforeAll(async () => {
  resend = fakeResend();
  admin = await memberSignedIn(resend, await login(), "admin");
  marketer = await memberSignedIn(resend, admin, "marketer");
  const insert = (id: string, subject: string, tags: unknown[]) =>
    env.DB.prepare(
      `INSERT INTO captured_emails (id, request_hash, position, "from", "to", subject, html, text, headers, tags, created_at)
       VALUES (?, 'h', 0, 'Lodestone <hello@example.com>', '["x@team.test"]', ?, '<p>hi</p>', 'hi', '{}', ?, ?)`,
    )
      .bind(id, subject, JSON.stringify(tags), Date.now())
      .run();
  await insert(ids.team, "Your Lodestone sign-in link", [
    { name: "category", value: "team" },
    { name: "kind", value: "sign_in" },
  ]);
  await insert(ids.nurture, "Your whitepaper", [{ name: "send_id", value: "1" }]);
});
afterAll(() => resend.restore());

describe("teammates' mail in the local sink", () => {
  it("is listed and opened for an admin", async () => {
    expect(await (await admin.get("/admin/mail")).text()).toContain("Your Lodestone sign-in link");
    expect((await admin.get(`/admin/mail/${ids.team}`)).status).toBe(200);
    expect((await admin.get(`/admin/mail/${ids.team}/html`)).status).toBe(200);
  });

  it("is neither listed nor opened for a marketer, who still sees nurture mail", async () => {
    const list = await (await marketer.get("/admin/mail")).text();
    expect(list).toContain("Your whitepaper");
    expect(list).not.toContain("sign-in link");
    expect((await marketer.get(`/admin/mail/${ids.team}`)).status).toBe(404);
    expect((await marketer.get(`/admin/mail/${ids.team}/html`)).status).toBe(404);
  });

  it("is left out of the captured-mail API for a marketing token, kept for an admin's", async () => {
    const t = await makeToken(["marketing"]);
    const subjects = async (token?: string) =>
      (
        (await (await api("/api/v1/captured-mail", { token })).json()) as {
          data: { subject: string }[];
        }
      ).data.map((d) => d.subject);
    expect(await subjects(t.token)).not.toContain("Your Lodestone sign-in link");
    expect(await subjects(t.token)).toContain("Your whitepaper");
    expect(await subjects()).toContain("Your Lodestone sign-in link");
    expect((await api(`/api/v1/captured-mail/${ids.team}`, { token: t.token })).status).toBe(404);
    expect((await api(`/api/v1/captured-mail/${ids.team}/html`, { token: t.token })).status).toBe(
      404,
    );
  });
});
