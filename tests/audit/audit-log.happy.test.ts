import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { api, captureViaGate, makeToken } from "../support/api";
import { makeAsset } from "../support/fixtures";
import { makeEndpoint } from "../support/webhooks";
import { fakeResend, type ResendFake } from "../nurture/support/resend-fake";
import { login, type Session } from "../admin/support/browser-like";
import { memberSignedIn, teammate } from "../admin/support/people";

let resend: ResendFake;
let admin: Session & { email: string };
beforeAll(async () => {
  resend = fakeResend();
  admin = await memberSignedIn(resend, await login(), "admin");
});
afterAll(() => resend.restore());

interface Entry {
  action: string;
  actor: { kind: string; id: number | null; label: string };
  subject: { type: string; id: string | null };
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The newest entry for a record, read through the API as an operator would. */
async function latest(type: string, id: number | string): Promise<Entry> {
  const res = await api(`/api/v1/audit-log?subject_type=${type}&subject_id=${id}&limit=1`);
  expect(res.status).toBe(200);
  const [entry] = ((await res.json()) as { data: Entry[] }).data;
  if (!entry) throw new Error(`no audit entry for ${type} ${id}`);
  return entry;
}

describe("the audit log keeps each change with the record before and after", () => {
  it("an asset edited in the dashboard: who, and the title before and after", async () => {
    const asset = await makeAsset({ title: "Old title" });
    const res = await admin.post(`/admin/assets/${asset.id}/edit`, {
      title: "New title",
      slug: asset.slug,
      kind: "whitepaper",
      locale: "en",
      timezone: "UTC",
      summary: asset.summary,
      outline: "Part one\nPart two",
      field_name: "required",
      field_company: "optional",
      field_job_title: "optional",
      field_phone: "optional",
      field_company_size: "optional",
      consent_text: "",
      consent_version: "v1",
    });
    expect(res.status).toBe(303);
    const e = await latest("asset", asset.id);
    expect(e.action).toBe("asset.update");
    expect(e.actor).toMatchObject({ kind: "person", label: admin.email });
    expect(e.before!.title).toBe("Old title");
    expect(e.after!.title).toBe("New title");
  });

  it("a sequence replaced through the API", async () => {
    const asset = await makeAsset();
    const put = (template: string) =>
      api(`/api/v1/assets/${asset.id}/sequence`, {
        method: "PUT",
        json: { name: "drip", steps: [{ template, delayMinutes: 0 }] },
      });
    expect((await put("whitepaper-welcome")).status).toBe(201);
    expect((await put("whitepaper-follow-up")).status).toBe(201);
    const e = await latest("asset", asset.id);
    expect(e.action).toBe("sequence.replace");
    expect(e.actor).toEqual({ kind: "bootstrap", id: null, label: "ADMIN_TOKEN" });
    expect(JSON.stringify(e.before)).toContain("whitepaper-welcome");
    expect(JSON.stringify(e.after)).toContain("whitepaper-follow-up");
  });

  it("a score rule changed by a marketing token names the token", async () => {
    const token = await makeToken(["marketing"], "Rules bot");
    const created = await api("/api/v1/score-rules", {
      method: "POST",
      token: token.token,
      json: { kind: "fit", field: "country", match: ["NZ"], points: 3, label: "NZ" },
    });
    const rule = ((await created.json()) as { id: number }).id;
    await api(`/api/v1/score-rules/${rule}`, {
      method: "PATCH",
      token: token.token,
      json: { points: 7 },
    });
    const e = await latest("score_rule", rule);
    expect(e.actor).toEqual({ kind: "token", id: token.id, label: "token Rules bot" });
    expect([e.before!.points, e.after!.points]).toEqual([3, 7]);
  });

  it("a webhook switched off, never with its secret", async () => {
    const endpoint = await makeEndpoint();
    await admin.post(`/admin/webhooks/${endpoint.id}/active`, { active: "0" });
    const e = await latest("webhook_endpoint", endpoint.id);
    expect(e.action).toBe("webhook.update");
    expect([e.before!.active, e.after!.active]).toEqual([true, false]);
    expect(JSON.stringify(e)).not.toContain(endpoint.secret);
    expect(JSON.stringify(e)).not.toContain("whsec_");
  });

  it("a token created and revoked, never with its secret or hash", async () => {
    const res = await api("/api/v1/tokens", {
      method: "POST",
      json: { name: "CRM sync", scopes: ["sales"] },
    });
    const t = (await res.json()) as { id: number; token: string };
    await api(`/api/v1/tokens/${t.id}`, { method: "DELETE" });
    const e = await latest("api_token", t.id);
    expect(e.action).toBe("token.revoke");
    expect(e.before!.revoked_at).toBeNull();
    expect(e.after!.revoked_at).toEqual(expect.any(Number));
    const all = await env.DB.prepare("SELECT before, after FROM audit_log WHERE subject_id = ?")
      .bind(String(t.id))
      .all();
    const hash = await env.DB.prepare("SELECT hash FROM api_tokens WHERE id = ?")
      .bind(t.id)
      .first("hash");
    expect(JSON.stringify(all.results)).not.toContain(t.token);
    expect(JSON.stringify(all.results)).not.toContain(String(hash));
  });

  it("a spend import and a spend row deleted", async () => {
    const csv = "day,campaign,cost\n2026-04-01,audit-import,3.00\n2026-04-02,audit-import,4.00\n";
    const res = await admin.post("/admin/spend/import", { csv, currency: "USD", action: "import" });
    expect(res.status).toBe(200);
    const [imp] = (
      (await (await api("/api/v1/audit-log?subject_type=spend_import&limit=1")).json()) as {
        data: Entry[];
      }
    ).data;
    expect(imp!.after).toMatchObject({ imported: 2, duplicates: 0 });
    const row = await env.DB.prepare(
      "SELECT id FROM spend WHERE utm_campaign = 'audit-import' ORDER BY id LIMIT 1",
    ).first<{ id: number }>();
    await admin.post(`/admin/spend/${row!.id}/delete`, {});
    const e = await latest("spend", row!.id);
    expect(e.action).toBe("spend.delete");
    expect(e.before).toMatchObject({ utm_campaign: "audit-import", amount_minor: 300 });
    expect(e.after).toBeNull();
  });

  it("an erasure, with nothing of the person erased in the log", async () => {
    const asset = await makeAsset();
    const email = teammate("erased-person");
    const lead = await captureViaGate(asset.slug, { email, name: "Zed Unique-Name" });
    await api(`/api/v1/leads/${lead}/outcomes`, {
      method: "POST",
      json: { stage: "lost", reason: "Zed said no", external_id: `crm-${lead}` },
    });
    expect((await api(`/api/v1/leads/${lead}`, { method: "DELETE" })).status).toBe(200);
    const e = await latest("lead", lead);
    expect(e.action).toBe("lead.erase");
    expect(e.after).toEqual({ erased_at: expect.any(String) });
    const log = JSON.stringify((await env.DB.prepare("SELECT * FROM audit_log").all()).results);
    for (const pii of [email, "Zed", "Unique-Name"]) expect(log).not.toContain(pii);
  });

  it("people invited, given another role and removed", async () => {
    const email = teammate("audited");
    await admin.post("/admin/people", { email, role: "viewer", name: "Audrey" });
    const id = (await env.DB.prepare("SELECT id FROM people WHERE email = ?").bind(email).first<{
      id: number;
    }>())!.id;
    expect((await latest("person", id)).action).toBe("person.invite");
    await admin.post(`/admin/people/${id}/role`, { role: "marketer" });
    const role = await latest("person", id);
    expect(role.action).toBe("person.role_change");
    expect([role.before!.role, role.after!.role]).toEqual(["viewer", "marketer"]);
    await admin.post(`/admin/people/${id}/remove`, {});
    const removed = await latest("person", id);
    expect(removed.action).toBe("person.remove");
    expect(removed.before!.removed_at).toBeNull();
    expect(removed.after!.removed_at).toEqual(expect.any(Number));
  });

  it("a repeat that changes nothing (the same role again) writes nothing", async () => {
    const email = teammate("same");
    await admin.post("/admin/people", { email, role: "viewer" });
    const id = (await env.DB.prepare("SELECT id FROM people WHERE email = ?").bind(email).first<{
      id: number;
    }>())!.id;
    const before = await env.DB.prepare("SELECT count(*) AS n FROM audit_log").first("n");
    expect((await admin.post(`/admin/people/${id}/role`, { role: "viewer" })).status).toBe(303);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM audit_log").first("n")).toBe(before);
  });
});

describe("reading the audit log", () => {
  it("pages newest first with a cursor, every entry once", async () => {
    const asset = await makeAsset();
    for (const points of [1, 2, 3, 4, 5])
      await api("/api/v1/score-rules", {
        method: "POST",
        json: { kind: "fit", field: "country", match: ["FJ"], points, label: `page ${asset.id}` },
      });
    const seen: number[] = [];
    let cursor: number | null = null;
    for (let i = 0; i < 100; i++) {
      const res = await api(`/api/v1/audit-log?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { data: { id: number }[]; next_cursor: number | null };
      expect(body.data.length).toBeLessThanOrEqual(2);
      seen.push(...body.data.map((d) => d.id));
      cursor = body.next_cursor;
      if (!cursor) break;
    }
    const total = await env.DB.prepare("SELECT count(*) AS n FROM audit_log").first<number>("n");
    expect(seen).toHaveLength(total!);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  });

  it("refuses a bad cursor or limit with field details", async () => {
    for (const q of ["limit=0", "limit=501", "cursor=-1", "cursor=abc"]) {
      const res = await api(`/api/v1/audit-log?${q}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("BAD_REQUEST");
    }
  });

  it("is for admins: a marketing or sales token gets 403", async () => {
    for (const scope of ["marketing", "sales"] as const) {
      const t = await makeToken([scope]);
      expect((await api("/api/v1/audit-log", { token: t.token })).status).toBe(403);
    }
  });

  it("shows in the dashboard to admins, with what changed", async () => {
    const html = await (await admin.get("/admin/audit")).text();
    expect(html).toContain("Audit log");
    expect(html).toContain("person.role_change");
    expect(html).toContain(admin.email);
    const people = await (await admin.get("/admin/audit?subject_type=person")).text();
    expect(people).toContain("person.");
    expect(people).not.toContain("score_rule.create");
  });

  it("is in the OpenAPI document", async () => {
    const doc = (await (await api("/api/v1/openapi.json")).json()) as {
      paths: Record<string, unknown>;
    };
    expect(doc.paths["/api/v1/audit-log"]).toBeDefined();
  });
});
