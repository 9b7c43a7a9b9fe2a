// Every route that can change something records who changed what. The route list comes from the app itself:
// a new mutating route fails here until it has a recipe below (a successful change) and writes its entry.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { env } from "cloudflare:workers";
import { createApp } from "../../src/app";
import { api, captureViaGate, makeToken } from "../support/api";
import { makeAsset } from "../support/fixtures";
import { createSessionViaApi, makeCourse, pastSession } from "../support/sessions";
import { makeEndpoint } from "../support/webhooks";
import { fakeResend, type ResendFake } from "../nurture/support/resend-fake";
import { login, type Session } from "../admin/support/browser-like";
import { invite, memberSignedIn, teammate } from "../admin/support/people";
import { editorFields } from "../admin/support/sequence-form";

let resend: ResendFake;
let crm: { restore(): void };
let admin: Session & { email: string };
beforeAll(async () => {
  crm = answering("https://crm.example/"); // replays go out through the real queue to this receiver
  resend = fakeResend();
  admin = await memberSignedIn(resend, await login(), "admin");
});
afterAll(() => {
  resend.restore();
  crm.restore();
});

/** The sales receiver at the HTTP boundary: every POST under `base` gets 200; anything else goes on. */
function answering(base: string) {
  const original = globalThis.fetch;
  const spy = vi
    .spyOn(globalThis, "fetch")
    .mockImplementation((input, init) =>
      new Request(input, init).url.startsWith(base)
        ? Promise.resolve(new Response("ok"))
        : original(input, init),
    );
  return { restore: () => spy.mockRestore() };
}

const MUTATING = ["POST", "PUT", "PATCH", "DELETE"];
/** Hono's `:id{[0-9]+}` and OpenAPI's `{id}` both as `{id}`, so the two kinds of route read alike. */
const shape = (path: string) => path.replace(/:(\w+)(\{[^}]*\})?/g, "{$1}");

function mutatingRoutes(): string[] {
  const keys = createApp()
    .routes.filter((r) => MUTATING.includes(r.method))
    .filter((r) => r.path.startsWith("/api/") || r.path.startsWith("/admin"))
    .map((r) => `${r.method} ${shape(r.path)}`);
  return [...new Set(keys)].sort();
}

/** Routes that change nothing the audit log keeps, and why. */
const EXEMPT: Record<string, string> = {
  "POST /admin/login": "signing in with a token starts a session, changes no record",
  "POST /admin/login/email": "asks for a sign-in link; nobody is signed in yet",
  "POST /admin/login/link/{secret}": "uses a sign-in link up and starts a session",
  "POST /admin/logout": "ends the caller's own session",
  "POST /admin/locale": "the caller's own dashboard language",
  "POST /api/v1/score-rules/preview": "scores leads in memory to count them; stores nothing",
  "POST /admin/scoring/preview": "the same preview from the scoring page; stores nothing",
  "POST /admin/assets/preview": "draws the editor's preview of a new asset; saves nothing",
  "POST /admin/assets/{id}/preview":
    "draws the editor's preview of an asset being edited; saves nothing",
  "POST /api/v1/assets/{id}/sequence/steps/{n}/preview":
    "renders an email; sends and writes nothing",
  "POST /admin/assets/{id}/sequence/preview":
    "renders an email in the editor; sends and writes nothing",
};

const id = async (res: Response, key = "id") =>
  ((await res.json()) as Record<string, number>)[key]!;
const lead = async () => {
  const asset = await makeAsset();
  return captureViaGate(asset.slug, { email: `${teammate("lead")}`, name: "Lee" });
};
const delivery = async () => {
  const endpoint = await makeEndpoint();
  const now = Date.now();
  const { meta } = await env.DB.prepare(
    "INSERT INTO webhook_deliveries (message_id, endpoint_id, event_type, payload, status, attempts, last_status_code, created_at, updated_at) VALUES (?, ?, 'lead.qualified', '{}', 'failed', 8, 500, ?, ?)",
  )
    .bind(`msg_${crypto.randomUUID()}`, endpoint.id, now, now)
    .run();
  return { endpoint: endpoint.id, delivery: meta.last_row_id };
};
const ASSET_FIELDS = {
  title: "Audited",
  kind: "whitepaper",
  locale: "en",
  timezone: "UTC",
  summary: "S",
  outline: "One",
  field_name: "required",
  field_company: "optional",
  field_job_title: "optional",
  field_phone: "hidden",
  field_company_size: "optional",
  consent_text: "",
  consent_version: "v1",
};
const PDF = () => new TextEncoder().encode("%PDF-1.4 audited");
const PNG = () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const upload = (path: string, bytes: Uint8Array, type: string) => () =>
  api(path, { method: "PUT", body: bytes, headers: { "content-type": type } });
const CSV = () => `day,campaign,cost\n2026-03-01,audit-${crypto.randomUUID()},4.00\n`;

/** Each route's setup, then the one request that makes a change. */
const RECIPES: Record<string, () => Promise<() => Promise<Response>>> = {
  "POST /api/v1/tokens": async () => () =>
    api("/api/v1/tokens", { method: "POST", json: { name: "audited", scopes: ["sales"] } }),
  "DELETE /api/v1/tokens/{id}": async () => {
    const t = await makeToken(["sales"]);
    return () => api(`/api/v1/tokens/${t.id}`, { method: "DELETE" });
  },
  "POST /api/v1/webhooks": async () => () =>
    api("/api/v1/webhooks", {
      method: "POST",
      json: { url: "https://crm.example/audited", event_types: ["lead.qualified"] },
    }),
  "PATCH /api/v1/webhooks/{id}": async () => {
    const e = await makeEndpoint();
    return () => api(`/api/v1/webhooks/${e.id}`, { method: "PATCH", json: { active: false } });
  },
  "DELETE /api/v1/webhooks/{id}": async () => {
    const e = await makeEndpoint();
    return () => api(`/api/v1/webhooks/${e.id}`, { method: "DELETE" });
  },
  "POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/replay": async () => {
    const d = await delivery();
    return () =>
      api(`/api/v1/webhooks/${d.endpoint}/deliveries/${d.delivery}/replay`, { method: "POST" });
  },
  "POST /api/v1/webhooks/{id}/rotate-secret": async () => {
    const e = await makeEndpoint();
    return () => api(`/api/v1/webhooks/${e.id}/rotate-secret`, { method: "POST" });
  },
  "POST /api/v1/webhooks/{id}/test": async () => {
    const e = await makeEndpoint();
    return () => api(`/api/v1/webhooks/${e.id}/test`, { method: "POST" });
  },
  "POST /api/v1/leads/{id}/outcomes": async () => {
    const l = await lead();
    return () =>
      api(`/api/v1/leads/${l}/outcomes`, {
        method: "POST",
        json: { stage: "accepted", external_id: crypto.randomUUID() },
      });
  },
  "DELETE /api/v1/leads/{id}": async () => {
    const l = await lead();
    return () => api(`/api/v1/leads/${l}`, { method: "DELETE" });
  },
  "PUT /api/v1/assets/{id}/sequence": async () => {
    const a = await makeAsset();
    return () =>
      api(`/api/v1/assets/${a.id}/sequence`, {
        method: "PUT",
        json: { name: "audited", steps: [{ template: "whitepaper-welcome", delayMinutes: 0 }] },
      });
  },
  "POST /api/v1/assets/{id}/sequence/steps/{n}/test": async () => {
    const a = await makeAsset();
    await api(`/api/v1/assets/${a.id}/sequence`, {
      method: "PUT",
      json: { name: "audited", steps: [{ template: "whitepaper-welcome", delayMinutes: 0 }] },
    });
    return () =>
      api(`/api/v1/assets/${a.id}/sequence/steps/1/test`, {
        method: "POST",
        json: { to: "audited-test@example.com" },
      });
  },
  "POST /api/v1/leads/{id}/accept": async () => {
    const { lead: l } = await ownedLead();
    return () => api(`/api/v1/leads/${l}/accept`, { method: "POST" });
  },
  "POST /api/v1/leads/import": async () => () =>
    api("/api/v1/leads/import?source=audited", {
      method: "POST",
      body: `Email,Name\n${teammate("imported")},Imported Person\n`,
      headers: { "content-type": "text/csv" },
    }),
  "POST /api/v1/routing-rules": async () => {
    const team = [await seller()];
    return () =>
      api("/api/v1/routing-rules", {
        method: "POST",
        json: { name: "audited", position: 1, match: "default", values: [], team },
      });
  },
  "PATCH /api/v1/routing-rules/{id}": async () => {
    const r = await routingRule();
    return () => api(`/api/v1/routing-rules/${r}`, { method: "PATCH", json: { position: 7 } });
  },
  "DELETE /api/v1/routing-rules/{id}": async () => {
    const r = await routingRule();
    return () => api(`/api/v1/routing-rules/${r}`, { method: "DELETE" });
  },
  "POST /api/v1/score-rules": async () => () =>
    api("/api/v1/score-rules", {
      method: "POST",
      json: { kind: "fit", field: "country", match: ["NZ"], points: 1, label: "audited" },
    }),
  "PATCH /api/v1/score-rules/{id}": async () => {
    const r = await id(
      await api("/api/v1/score-rules", {
        method: "POST",
        json: { kind: "fit", field: "country", match: ["NZ"], points: 1, label: "audited" },
      }),
    );
    return () => api(`/api/v1/score-rules/${r}`, { method: "PATCH", json: { points: 2 } });
  },
  "DELETE /api/v1/score-rules/{id}": async () => {
    const r = await id(
      await api("/api/v1/score-rules", {
        method: "POST",
        json: { kind: "fit", field: "country", match: ["NZ"], points: 1, label: "audited" },
      }),
    );
    return () => api(`/api/v1/score-rules/${r}`, { method: "DELETE" });
  },
  "POST /api/v1/assets/{id}/sessions": async () => {
    const c = await makeCourse();
    return () =>
      api(`/api/v1/assets/${c.id}/sessions`, {
        method: "POST",
        json: {
          starts_at: "2030-01-02T19:00",
          time_zone: "Asia/Shanghai",
          join_url: "https://m.example/j",
        },
      });
  },
  "PATCH /api/v1/assets/{id}/sessions/{sid}": async () => {
    const c = await makeCourse();
    const s = await createSessionViaApi(c.id, { starts_at: "2030-01-02T19:00+08:00" });
    return () =>
      api(`/api/v1/assets/${c.id}/sessions/${s.id}`, { method: "PATCH", json: { capacity: 30 } });
  },
  "DELETE /api/v1/assets/{id}/sessions/{sid}": async () => {
    const c = await makeCourse();
    const s = await createSessionViaApi(c.id, { starts_at: "2030-01-02T19:00+08:00" });
    return () => api(`/api/v1/assets/${c.id}/sessions/${s.id}`, { method: "DELETE" });
  },
  "POST /api/v1/assets/{id}/sessions/{sid}/attendance": async () => {
    const c = await makeCourse();
    const s = await pastSession(c.id);
    return () =>
      api(`/api/v1/assets/${c.id}/sessions/${s.id}/attendance`, {
        method: "POST",
        body: "email\nsomeone@example.com\n",
        headers: { "content-type": "text/csv" },
      });
  },
  "POST /admin/assets/{id}/sessions": async () => {
    const c = await makeCourse();
    return () =>
      admin.post(`/admin/assets/${c.id}/sessions`, {
        starts_at: "2030-01-02T19:00",
        time_zone: "Asia/Shanghai",
        join_url: "https://m.example/j",
      });
  },
  "POST /admin/assets/{id}/sessions/{sid}": async () => {
    const c = await makeCourse();
    const s = await createSessionViaApi(c.id, { starts_at: "2030-01-02T19:00+08:00" });
    return () =>
      admin.post(`/admin/assets/${c.id}/sessions/${s.id}`, {
        starts_at: "2030-01-03T19:00",
        time_zone: "Asia/Shanghai",
        join_url: "https://m.example/j",
      });
  },
  "POST /admin/assets/{id}/sessions/{sid}/cancel": async () => {
    const c = await makeCourse();
    const s = await createSessionViaApi(c.id, { starts_at: "2030-01-02T19:00+08:00" });
    return () => admin.post(`/admin/assets/${c.id}/sessions/${s.id}/cancel`, {});
  },
  "POST /admin/assets/{id}/sessions/{sid}/attendance": async () => {
    const c = await makeCourse();
    const s = await pastSession(c.id);
    return () =>
      admin.post(
        `/admin/assets/${c.id}/sessions/${s.id}/attendance`,
        {},
        {
          files: { file: new File(["email\nx@example.com\n"], "att.csv", { type: "text/csv" }) },
        },
      );
  },
  "POST /api/v1/spend": async () => () =>
    api("/api/v1/spend", {
      method: "POST",
      json: { day_from: "2026-03-01", amount_minor: 100, currency: "USD", channel: "paid" },
    }),
  "DELETE /api/v1/spend/{id}": async () => {
    const s = await id(
      await api("/api/v1/spend", {
        method: "POST",
        json: { day_from: "2026-03-01", amount_minor: 100, currency: "USD", channel: "paid" },
      }),
    );
    return () => api(`/api/v1/spend/${s}`, { method: "DELETE" });
  },
  "POST /api/v1/links": async () => {
    const a = await makeAsset();
    return () =>
      api("/api/v1/links", {
        method: "POST",
        json: { asset_id: a.id, preset: "google_cpc", utm_campaign: "audit" },
      });
  },
  "POST /admin/links": async () => {
    const a = await makeAsset();
    return () =>
      admin.post("/admin/links", {
        asset_id: String(a.id),
        preset: "baidu_cpc",
        utm_campaign: "audit",
      });
  },
  "POST /api/v1/spend/import": async () => () =>
    api("/api/v1/spend/import", { method: "POST", json: { csv: CSV(), currency: "USD" } }),

  "PUT /api/v1/exchange-rates": async () => () =>
    api("/api/v1/exchange-rates", {
      method: "PUT",
      json: { rates: [{ currency: "CNY", day: "2026-03-01", rate: "0.14" }] },
    }),

  "POST /api/v1/assets": async () => () =>
    api("/api/v1/assets", {
      method: "POST",
      json: { slug: `audit-${crypto.randomUUID()}`, kind: "report", title: "Audited" },
    }),
  "PATCH /api/v1/assets/{id}": async () => {
    const a = await makeAsset();
    return () => api(`/api/v1/assets/${a.id}`, { method: "PATCH", json: { title: "Audited" } });
  },
  "DELETE /api/v1/assets/{id}": async () => {
    const a = await makeAsset({ status: "draft" });
    return () => api(`/api/v1/assets/${a.id}`, { method: "DELETE" });
  },
  "PUT /api/v1/assets/{id}/file": async () => {
    const a = await makeAsset();
    return upload(`/api/v1/assets/${a.id}/file`, PDF(), "application/pdf");
  },
  "PUT /api/v1/assets/{id}/cover": async () => {
    const a = await makeAsset();
    return upload(`/api/v1/assets/${a.id}/cover`, PNG(), "image/png");
  },
  "PATCH /api/v1/settings": async () => () =>
    api("/api/v1/settings", { method: "PATCH", json: { brand_name: "Audited" } }),
  "PUT /api/v1/settings/logo": async () => upload("/api/v1/settings/logo", PNG(), "image/png"),
  "POST /admin/assets/new": async () => () =>
    admin.post("/admin/assets/new", { ...ASSET_FIELDS, slug: `audit-${crypto.randomUUID()}` }),
  "POST /admin/assets/{id}/edit": async () => {
    const a = await makeAsset();
    return () =>
      admin.post(`/admin/assets/${a.id}/edit`, { ...ASSET_FIELDS, slug: a.slug, title: "New" });
  },
  "POST /admin/assets/{id}/sequence": async () => {
    const a = await makeAsset();
    return () =>
      admin.post(`/admin/assets/${a.id}/sequence`, editorFields("audited", [{}], { op: "save" }));
  },
  "POST /admin/assets/{id}/sequence/test": async () => {
    const a = await makeAsset();
    return () =>
      admin.post(
        `/admin/assets/${a.id}/sequence/test`,
        editorFields("audited", [{}], { test_step: "0", test_to: "audited-dash@example.com" }),
      );
  },
  "POST /admin/assets/{id}/status": async () => {
    const a = await makeAsset({ status: "published" });
    return () => admin.post(`/admin/assets/${a.id}/status`, { status: "draft" });
  },
  "POST /admin/spend": async () => () =>
    admin.post("/admin/spend", {
      day_from: "2026-03-01",
      amount: "5",
      currency: "USD",
      channel: "paid",
    }),
  "POST /admin/spend/{id}/delete": async () => {
    const s = await id(
      await api("/api/v1/spend", {
        method: "POST",
        json: { day_from: "2026-03-01", amount_minor: 100, currency: "USD", channel: "paid" },
      }),
    );
    return () => admin.post(`/admin/spend/${s}/delete`, {});
  },
  "POST /admin/spend/rates": async () => () =>
    admin.post("/admin/spend/rates", { rates_csv: "2026-03-01,EUR,1.08" }),
  "POST /admin/spend/import": async () => () =>
    admin.post("/admin/spend/import", { csv: CSV(), currency: "USD", action: "import" }),
  "POST /admin/webhooks/{endpoint}/active": async () => {
    const e = await makeEndpoint();
    return () => admin.post(`/admin/webhooks/${e.id}/active`, { active: "0" });
  },
  "POST /admin/webhooks": async () => () =>
    admin.post("/admin/webhooks", {
      url: "https://crm.example/audited-form",
      event_types: "lead.qualified",
    }),
  "POST /admin/webhooks/{endpoint}/rotate": async () => {
    const e = await makeEndpoint();
    return () => admin.post(`/admin/webhooks/${e.id}/rotate`, {});
  },
  "POST /admin/webhooks/{endpoint}/test": async () => {
    const e = await makeEndpoint();
    return () => admin.post(`/admin/webhooks/${e.id}/test`, {});
  },
  "POST /admin/webhooks/{endpoint}/delete": async () => {
    const e = await makeEndpoint();
    return () => admin.post(`/admin/webhooks/${e.id}/delete`, {});
  },
  "POST /admin/webhooks/{endpoint}/deliveries/{id}/replay": async () => {
    const d = await delivery();
    return () => admin.post(`/admin/webhooks/${d.endpoint}/deliveries/${d.delivery}/replay`, {});
  },
  "POST /admin/tokens": async () => () =>
    admin.post("/admin/tokens", { name: "audited from the page", scopes: "sales" }),
  "POST /admin/tokens/{id}/revoke": async () => {
    const t = await makeToken(["sales"]);
    return () => admin.post(`/admin/tokens/${t.id}/revoke`, {});
  },
  "POST /admin/scoring/rules": async () => () =>
    admin.post("/admin/scoring/rules", {
      kind: "fit",
      label: "audited from the page",
      field: "country",
      match: "NZ",
      points: "1",
      active: "1",
    }),
  "POST /admin/scoring/rules/{id}": async () => {
    const r = await auditedRule();
    return () =>
      admin.post(`/admin/scoring/rules/${r}`, {
        label: "audited",
        field: "country",
        match: "NZ",
        points: "2",
        active: "1",
      });
  },
  "POST /admin/scoring/rules/{id}/delete": async () => {
    const r = await auditedRule();
    return () => admin.post(`/admin/scoring/rules/${r}/delete`, {});
  },
  "POST /admin/leads/{id}/accept": async () => {
    const { lead: l } = await ownedLead();
    return () => admin.post(`/admin/leads/${l}/accept`, {});
  },
  "POST /admin/leads/import": async () => () =>
    admin.post(
      "/admin/leads/import",
      { source: "audited", action: "import" },
      {
        files: {
          file: new File([`Email\n${teammate("dash-import")}\n`], "list.csv", { type: "text/csv" }),
        },
      },
    ),
  "POST /admin/routing": async () => {
    const team = String(await seller());
    return () =>
      admin.post("/admin/routing", {
        name: "audited",
        position: "3",
        match: "default",
        values: "",
        team,
      });
  },
  "POST /admin/routing/{id}": async () => {
    const r = await routingRule();
    const team = String(await seller());
    return () =>
      admin.post(`/admin/routing/${r}`, {
        name: "edited",
        position: "4",
        match: "country",
        values: "NZ",
        team,
      });
  },
  "POST /admin/routing/{id}/delete": async () => {
    const r = await routingRule();
    return () => admin.post(`/admin/routing/${r}/delete`, {});
  },
  "POST /admin/settings": async () => () =>
    admin.post("/admin/settings", {
      privacy_policy_url_en: "https://example.com/privacy",
      privacy_policy_url_zh: "https://example.cn/privacy",
    }),
  "POST /admin/people": async () => () =>
    admin.post("/admin/people", { email: teammate("audited"), role: "viewer" }),
  "POST /admin/people/{id}/role": async () => {
    const p = await invited();
    return () => admin.post(`/admin/people/${p}/role`, { role: "sales" });
  },
  "POST /admin/people/{id}/remove": async () => {
    const p = await invited();
    return () => admin.post(`/admin/people/${p}/remove`, {});
  },
};

async function auditedRule(): Promise<number> {
  return id(
    await api("/api/v1/score-rules", {
      method: "POST",
      json: { kind: "fit", field: "country", match: ["NZ"], points: 1, label: "audited" },
    }),
  );
}
/** A current teammate with the sales role (a routing team member). */
async function seller(): Promise<number> {
  const email = teammate("seller");
  await invite(admin, email, "sales");
  const row = await env.DB.prepare("SELECT id FROM people WHERE email = ?")
    .bind(email)
    .first<{ id: number }>();
  return row!.id;
}
/** A lead routed to a seller, waiting to be accepted. */
async function ownedLead(): Promise<{ lead: number; owner: number }> {
  const [l, owner] = [await lead(), await seller()];
  await env.DB.prepare(
    "UPDATE leads SET owner_id = ?, owner_assigned_at = ?, accept_by = ? WHERE id = ?",
  )
    .bind(owner, Date.now(), Date.now() + 86_400_000, l)
    .run();
  return { lead: l, owner };
}
const routingRule = async () => {
  const team = [await seller()];
  const res = await api("/api/v1/routing-rules", {
    method: "POST",
    json: { name: "audited", position: 1, match: "country", values: ["NZ"], team },
  });
  return id(res);
};

async function invited(): Promise<number> {
  const email = teammate("subject");
  await invite(admin, email, "viewer");
  const row = await env.DB.prepare("SELECT id FROM people WHERE email = ?")
    .bind(email)
    .first<{ id: number }>();
  return row!.id;
}

const lastAuditId = async () =>
  (await env.DB.prepare("SELECT coalesce(max(id), 0) AS id FROM audit_log").first<{
    id: number;
  }>())!.id;

describe("every mutating route is accounted for", () => {
  it("finds the app's mutating API and dashboard routes", () => {
    expect(mutatingRoutes().length).toBeGreaterThan(25);
  });

  it("has a recipe (or a stated reason to change nothing) for each one", () => {
    const missing = mutatingRoutes().filter((r) => !RECIPES[r] && !EXEMPT[r]);
    expect(missing).toEqual([]);
  });

  it("has no recipe for a route that is gone", () => {
    const routes = new Set(mutatingRoutes());
    expect([...Object.keys(RECIPES), ...Object.keys(EXEMPT)].filter((r) => !routes.has(r))).toEqual(
      [],
    );
  });
});

describe.each(Object.entries(RECIPES))("%s", (route, recipe) => {
  it("writes an audit entry naming who made the change", async () => {
    const act = await recipe();
    const since = await lastAuditId();
    const res = await act();
    expect(res.status, await res.clone().text()).toBeLessThan(400);
    const rows = (
      await env.DB.prepare("SELECT * FROM audit_log WHERE id > ? ORDER BY id").bind(since).all<{
        action: string;
        actor_kind: string;
        actor_label: string;
      }>()
    ).results;
    expect(rows.length, "no audit entry").toBeGreaterThan(0);
    expect(rows.map((r) => r.action)).not.toContain("unrecorded_change");
    const dashboard = route.includes(" /admin");
    expect(rows[0]!.actor_kind).toBe(dashboard ? "person" : "bootstrap");
    expect(rows[0]!.actor_label).toBe(dashboard ? admin.email : "ADMIN_TOKEN");
  });
});

describe("the net under every route", () => {
  it("records a change that a route forgot to, by route, so nothing goes untraced", async () => {
    // The net is the fallback; a stand-in route that changes something and records nothing shows it.
    const { Hono } = await import("hono");
    const { requestContext } = await import("../../src/http/context");
    const { requirePermission } = await import("../../src/http/auth");
    const { auditTrail } = await import("../../src/http/audit");
    const app = new Hono();
    app.use("*", requestContext as never);
    app.use("*", auditTrail as never);
    app.post("/api/v1/forgetful", requirePermission("spend.write") as never, (c) =>
      c.json({}, 201),
    );
    const since = await lastAuditId();
    const res = await app.request(
      "https://lodestone.test/api/v1/forgetful",
      { method: "POST", headers: { authorization: `Bearer ${env.ADMIN_TOKEN}` } },
      env,
      { waitUntil: () => {}, passThroughOnException: () => {} } as never,
    );
    expect(res.status).toBe(201);
    const row = await env.DB.prepare(
      "SELECT action, subject_type, subject_id FROM audit_log WHERE id > ?",
    )
      .bind(since)
      .first();
    expect(row).toEqual({
      action: "unrecorded_change",
      subject_type: "route",
      subject_id: "POST /api/v1/forgetful",
    });
  });
});
