// A marketer tunes scoring and an admin hands out API tokens without a developer: forms, previews, shown-once secrets.
import { describe, it, expect, beforeAll } from "vitest";
import { env } from "cloudflare:workers";
import { BASE, fetchWorker } from "../support/http";
import { api } from "../support/api";
import { insertLead } from "../support/leads";
import { login, type Session } from "./support/browser-like";

let admin: Session;
beforeAll(async () => {
  admin = await login();
  await env.DB.exec("DELETE FROM score_rules");
});

const ruleRow = (label: string) =>
  env.DB.prepare("SELECT id, points, active, match FROM score_rules WHERE label = ?")
    .bind(label)
    .first<{ id: number; points: number; active: number; match: string }>();

/** Posts a form with a field sent several times (a checkbox group), as a browser does. */
async function postMulti(s: Session, path: string, entries: [string, string][]) {
  const body = new URLSearchParams([["_csrf", await s.csrf()], ...entries]);
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

describe("the scoring page", () => {
  it("adds a rule from the form, lists it under its kind, and edits it", async () => {
    const added = await admin.post("/admin/scoring/rules", {
      kind: "fit",
      label: "Chinese market",
      field: "country",
      match: "CN, HK\nTW",
      points: "25",
      active: "1",
    });
    expect(added.status).toBe(303);
    const row = await ruleRow("Chinese market");
    expect(JSON.parse(row!.match)).toEqual(["CN", "HK", "TW"]);
    const page = await (await admin.get("/admin/scoring")).text();
    expect(page).toContain("CN, HK, TW");
    const form = await (await admin.get(`/admin/scoring?edit=${row!.id}`)).text();
    expect(form).toContain('id="edit"');
    expect(form).toContain(`action="/admin/scoring/rules/${row!.id}"`);

    const edited = await admin.post(`/admin/scoring/rules/${row!.id}`, {
      label: "Chinese market",
      field: "country",
      match: "CN",
      points: "30",
    });
    expect(edited.status).toBe(303);
    expect(await ruleRow("Chinese market")).toMatchObject({ points: 30, active: 0 });
  });

  it("a rule the form cannot save is shown again with the reason beside the field, and nothing is stored", async () => {
    for (const [fields, field] of [
      [
        { kind: "fit", label: "Bad points", field: "country", match: "CN", points: "lots" },
        "points",
      ],
      [
        { kind: "fit", label: "Bad field", field: "event", match: "downloaded", points: "5" },
        "field",
      ],
      [{ kind: "behaviour", label: "No match", field: "event", match: "", points: "5" }, "match"],
    ] as const) {
      const res = await admin.post("/admin/scoring/rules", fields);
      expect(res.status, field).toBe(400);
      const html = await res.text();
      expect(html).toContain('class="field-error"');
      expect(html).toContain(`value="${fields.label}"`);
      expect(await ruleRow(fields.label)).toBeNull();
    }
  });

  it("Preview shows how many open leads the change would qualify, and saves nothing", async () => {
    const id = (await ruleRow("Chinese market"))!.id;
    const lead = await insertLead();
    await env.DB.prepare(
      "UPDATE leads SET country = 'CN', score = 30, fit_score = 30, scored_at = ? WHERE id = ?",
    )
      .bind(Date.now(), lead)
      .run();
    await env.DB.prepare(
      "INSERT INTO score_ledger (lead_id, rule_id, kind, points, reason, at) VALUES (?, ?, 'fit', 30, 'Chinese market (+30)', ?)",
    )
      .bind(lead, id, Date.now())
      .run();
    const res = await admin.post("/admin/scoring/preview", {
      rule_id: String(id),
      change: "edit",
      label: "Chinese market",
      field: "country",
      match: "CN",
      points: "60",
      active: "1",
      threshold: "50",
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Preview at a threshold of 50");
    expect(html).toContain("at their next scoring, with the rules as they are: 0.");
    expect(html).toContain("With this change: 1.");
    expect((await ruleRow("Chinese market"))!.points).toBe(30);
  });

  it("reads in Chinese for a zh-CN session", async () => {
    const zh = await login(env.ADMIN_TOKEN, "zh-CN");
    const html = await (await zh.get("/admin/scoring")).text();
    expect(html).toContain("线索评分");
    expect(html).toContain("匹配度规则");
  });
});

describe("the API tokens page", () => {
  it("creates a token with the ticked scopes, shows it once, and the token works on the API", async () => {
    const res = await postMulti(admin, "/admin/tokens", [
      ["name", "BI export"],
      ["scopes", "sales"],
      ["scopes", "marketing"],
    ]);
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const secret = /id="token-secret"[^>]*value="(ldst_[^"]+)"/.exec(await res.text())?.[1];
    expect(secret).toBeTruthy();
    const row = await env.DB.prepare(
      "SELECT scopes FROM api_tokens WHERE name = 'BI export'",
    ).first<{
      scopes: string;
    }>();
    expect(JSON.parse(row!.scopes).sort()).toEqual(["marketing", "sales"]);
    expect((await api("/api/v1/leads", { token: secret })).status).toBe(200);
    const later = await (await admin.get("/admin/tokens")).text();
    expect(later).toContain("BI export");
    expect(later).not.toContain(secret);
  });

  it("a token needs a name and a scope; revoking one stops it at once", async () => {
    const bad = await postMulti(admin, "/admin/tokens", [["name", ""]]);
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Give the token a name");
    expect(html).toContain("Choose at least one scope");

    const made = await postMulti(admin, "/admin/tokens", [
      ["name", "To revoke"],
      ["scopes", "sales"],
    ]);
    const secret = /value="(ldst_[^"]+)"/.exec(await made.text())![1]!;
    const { id } = (await env.DB.prepare(
      "SELECT id FROM api_tokens WHERE name = 'To revoke'",
    ).first<{
      id: number;
    }>())!;
    expect((await admin.post(`/admin/tokens/${id}/revoke`, {})).status).toBe(303);
    expect((await api("/api/v1/leads", { token: secret })).status).toBe(401);
    expect(await (await admin.get("/admin/tokens")).text()).toContain("revoked");
  });

  it("is for admins only: a marketing token's session cannot open it or create a token", async () => {
    const made = await api("/api/v1/tokens", {
      method: "POST",
      json: { name: "marketer", scopes: ["marketing"] },
    });
    const marketer = await login(((await made.json()) as { token: string }).token);
    expect((await marketer.get("/admin/tokens")).status).toBe(403);
    const before = await env.DB.prepare("SELECT count(*) AS n FROM api_tokens").first<{
      n: number;
    }>();
    const res = await postMulti(marketer, "/admin/tokens", [
      ["name", "escalate"],
      ["scopes", "admin"],
    ]);
    expect(res.status).toBe(403);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM api_tokens").first()).toEqual(before);
  });
});
