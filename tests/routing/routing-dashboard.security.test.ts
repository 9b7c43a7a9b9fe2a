// The routing page and the accept button: who may change rules, and who may accept which lead.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { env } from "cloudflare:workers";
import { BASE, fetchWorker } from "../support/http";
import { QUEUE_TIMEOUTS } from "../support/leads";
import { fakeResend, type ResendFake } from "../nurture/support/resend-fake";
import { csrfOf, login, type Session } from "../admin/support/browser-like";
import { memberSignedIn } from "../admin/support/people";
import { api, captureViaGate, makeToken } from "../support/api";
import { makeAsset } from "../support/fixtures";

vi.setConfig(QUEUE_TIMEOUTS);
let resend: ResendFake;
let admin: Session;
let sales: Session & { email: string };
let otherSales: Session & { email: string };
let viewer: Session & { email: string };
const idOf = async (email: string) =>
  (await env.DB.prepare("SELECT id FROM people WHERE email = ?")
    .bind(email)
    .first<{ id: number }>())!.id;

beforeAll(async () => {
  resend = fakeResend();
  admin = await login();
  sales = await memberSignedIn(resend, admin, "sales");
  otherSales = await memberSignedIn(resend, admin, "sales");
  viewer = await memberSignedIn(resend, admin, "viewer");
});
afterAll(() => resend.restore());

/** Posts the rule form as a browser does, with one `team` field per ticked box. */
async function postRule(s: Session, path: string, fields: Record<string, string>, team: number[]) {
  const csrf = csrfOf(await (await s.get("/admin/routing")).text());
  const body = new URLSearchParams({ ...fields, _csrf: csrf });
  for (const t of team) body.append("team", String(t));
  return fetchWorker(path, {
    method: "POST",
    body,
    headers: {
      cookie: s.cookie,
      origin: BASE,
      "content-type": "application/x-www-form-urlencoded",
    },
  });
}

async function ownedBy(personId: number): Promise<number> {
  const asset = await makeAsset();
  const lead = await captureViaGate(asset.slug, {
    email: `owned-${crypto.randomUUID()}@acme.example`,
    name: "Owned Lead",
  });
  await env.DB.prepare(
    "UPDATE leads SET owner_id = ?, owner_assigned_at = ?, accept_by = ? WHERE id = ?",
  )
    .bind(personId, Date.now(), Date.now() + 86_400_000, lead)
    .run();
  return lead;
}

describe("the routing rules page", () => {
  it("an admin adds a rule with a team in the order ticked, and sees it listed", async () => {
    const [a, b] = [await idOf(sales.email), await idOf(otherSales.email)];
    const res = await postRule(
      admin,
      "/admin/routing",
      { name: "China", position: "1", match: "country", values: "cn, hk" },
      [a, b],
    );
    expect(res.status).toBe(303);
    const { rules } = await (await api("/api/v1/routing-rules")).json<{
      rules: { name: string; values: string[]; team: number[] }[];
    }>();
    expect(rules.find((r) => r.name === "China")).toMatchObject({
      values: ["CN", "HK"],
      team: [a, b],
    });
    const html = await (await admin.get("/admin/routing")).text();
    expect(html).toContain("China");
  });

  it("a team member who cannot own leads (a viewer) is refused with the field named, nothing saved", async () => {
    const res = await postRule(
      admin,
      "/admin/routing",
      { name: "Bad team", position: "2", match: "default", values: "" },
      [await idOf(viewer.email)],
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Not a current teammate with the sales or admin role");
    const { rules } = await (await api("/api/v1/routing-rules")).json<{
      rules: { name: string }[];
    }>();
    expect(rules.some((r) => r.name === "Bad team")).toBe(false);
  });

  it("a viewer can neither open nor change the rules", async () => {
    expect((await viewer.get("/admin/routing")).status).toBe(403);
    const csrf = csrfOf(await (await viewer.get("/admin/leads")).text());
    const res = await viewer.post(
      "/admin/routing",
      { name: "x", position: "1", match: "default", values: "" },
      { csrf },
    );
    expect(res.status).toBe(403);
  });

  it("a sales API token cannot add a rule; a marketing one can", async () => {
    const json = {
      name: "By token",
      position: 5,
      match: "default",
      values: [],
      team: [await idOf(sales.email)],
    };
    const salesToken = (await makeToken(["sales"])).token;
    const marketingToken = (await makeToken(["marketing"])).token;
    const refused = await api("/api/v1/routing-rules", { method: "POST", json, token: salesToken });
    expect(refused.status).toBe(403);
    const made = await api("/api/v1/routing-rules", {
      method: "POST",
      json,
      token: marketingToken,
    });
    expect(made.status).toBe(201);
  });
});

describe("accepting a lead in the dashboard", () => {
  it("its owner sees the button and accepts; the list shows it under my leads", async () => {
    const lead = await ownedBy(await idOf(sales.email));
    const page = await (await sales.get(`/admin/leads/${lead}`)).text();
    expect(page).toContain("Accept this lead");
    const res = await sales.post(`/admin/leads/${lead}/accept`, {}, { csrf: csrfOf(page) });
    expect(res.status).toBe(303);
    expect(await (await sales.get(`/admin/leads/${lead}?accepted=1`)).text()).toContain(
      "You accepted this lead.",
    );
    const mine = await (await sales.get("/admin/leads?owner=me")).text();
    expect(mine).toContain(`/admin/leads/${lead}"`);
    const theirs = await (await otherSales.get("/admin/leads?owner=me")).text();
    expect(theirs).not.toContain(`/admin/leads/${lead}"`);
  });

  it("another sales person sees no button and is refused when posting anyway", async () => {
    const lead = await ownedBy(await idOf(sales.email));
    const page = await (await otherSales.get(`/admin/leads/${lead}`)).text();
    expect(page).not.toContain("Accept this lead");
    const res = await otherSales.post(`/admin/leads/${lead}/accept`, {}, { csrf: csrfOf(page) });
    expect(res.status).toBe(403);
    const row = await env.DB.prepare("SELECT accepted_at FROM leads WHERE id = ?")
      .bind(lead)
      .first();
    expect(row).toEqual({ accepted_at: null });
  });

  it("a viewer cannot accept at all", async () => {
    const lead = await ownedBy(await idOf(sales.email));
    const page = await (await viewer.get(`/admin/leads/${lead}`)).text();
    expect(page).not.toContain("Accept this lead");
    expect(
      (await viewer.post(`/admin/leads/${lead}/accept`, {}, { csrf: csrfOf(page) })).status,
    ).toBe(403);
  });
});
