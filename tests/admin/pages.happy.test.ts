import { beforeAll, describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { fetchWorker } from "../support/http";
import { makeAsset } from "../support/fixtures";
import { gate } from "../reports/support/report-fixture";
import { utcDay } from "../../src/domain/calendar-day";
import { login, type Session } from "./support/browser-like";

const XSS = "<img src=x onerror=alert(1)>";
let s: Session;
let asset: Awaited<ReturnType<typeof makeAsset>>;
let xssLead: number;

beforeAll(async () => {
  s = await login();
  asset = await makeAsset({ title: "Pricing Benchmark 2026" });
  xssLead = await gate(asset.slug, {
    email: "xss@acme.test",
    name: XSS,
    company: "<script>alert(2)</script>",
    utm_source: "linkedin",
    utm_medium: "cpc",
    utm_campaign: "launch",
  });
  await gate(asset.slug, {
    email: "plain@acme.test",
    name: "Plain Person",
    utm_source: "linkedin",
    utm_medium: "cpc",
    utm_campaign: "launch",
  });
});

const cplCell = (html: string, assetId: number) =>
  new RegExp(`data-asset-id="${assetId}"[\\s\\S]*?data-figure="cpl">([^<]*)<`).exec(html)?.[1];

describe("the overview", () => {
  it("shows each asset's leads and cost per lead as server-rendered SVG, and changes when spend is recorded", async () => {
    const before = await (await s.get("/admin")).text();
    expect(before).toContain("<svg");
    expect(before).toContain("Pricing Benchmark 2026");
    expect(cplCell(before, asset.id)).toBe("—");
    const saved = await s.post("/admin/spend", {
      day_from: utcDay(Date.now()),
      amount: "30.00",
      currency: "USD",
      utm_campaign: "launch",
    });
    expect(saved.status).toBe(303);
    const after = await (await s.get("/admin")).text();
    expect(cplCell(after, asset.id)).toBe("$15.00");
    expect(after).not.toMatch(/<script/i);
  });

  it("states the attribution model next to the figures and switches it", async () => {
    const html = await (await s.get("/admin?model=linear")).text();
    expect(html).toContain("use the model: Linear");
    expect(html).toContain('data-report-model="linear"');
  });
});

describe("a lead's name is text, never markup", () => {
  it("escapes it in the lead list, the lead page and the CSV export", async () => {
    const list = await (await s.get("/admin/leads")).text();
    expect(list).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(list).not.toContain(XSS);
    expect(list).not.toContain("<script>alert(2)");
    const detail = await (await s.get(`/admin/leads/${xssLead}`)).text();
    expect(detail).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(detail).not.toContain(XSS);
    const csv = await (await s.get("/admin/export/leads.csv?q=xss")).text();
    expect(csv).toContain(XSS); // CSV is data, not HTML; formulas are what a spreadsheet would run
  });
});

describe("leads", () => {
  it("filters by search, stage, score and asset, and paginates", async () => {
    expect(await (await s.get("/admin/leads?q=plain")).text()).toContain("Plain Person");
    expect(await (await s.get("/admin/leads?q=plain")).text()).not.toContain("xss@acme.test");
    expect(await (await s.get("/admin/leads?stage=customer")).text()).toContain("No leads match");
    expect(await (await s.get("/admin/leads?min_score=1000")).text()).toContain("No leads match");
    const other = await makeAsset();
    expect(await (await s.get(`/admin/leads?asset_id=${other.id}`)).text()).toContain(
      "No leads match",
    );
    const page1 = await (await s.get("/admin/leads?limit=1")).text();
    expect(page1).toContain("Next page");
  });

  it("refuses a nonsense filter with a page, not a crash", async () => {
    const res = await s.get("/admin/leads?stage=owner");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("text/html");
  });

  it("shows a lead's touches with their campaign", async () => {
    const html = await (await s.get(`/admin/leads/${xssLead}`)).text();
    expect(html).toContain("launch");
    expect(html).toContain("Why this score");
  });
});

describe("spend in the dashboard", () => {
  it("shows field errors and keeps what was typed", async () => {
    const res = await s.post("/admin/spend", {
      day_from: "2026-02-30",
      amount: "12,34x",
      currency: "USD",
      utm_campaign: "kept-<b>",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Please fix the highlighted fields.");
    expect(html).toContain('value="kept-&lt;b&gt;"');
    expect(html).toContain("Enter an amount in USD");
  });

  it("imports a cost CSV: preview, confirm, and a second import adds nothing", async () => {
    const csv =
      "Day,Campaign,Cost,Currency,Impressions,Clicks\n2026-09-01,autumn,12.00,USD,100,5\n2026-09-02,autumn,8.00,USD,90,4\n";
    const preview = await s.post("/admin/spend/import", { csv, action: "preview" });
    const html = await preview.text();
    expect(preview.status).toBe(200);
    expect(html).toContain("Import 2 days of spend");
    expect(
      await env.DB.prepare("SELECT count(*) AS n FROM spend WHERE utm_campaign = 'autumn'").first(
        "n",
      ),
    ).toBe(0);
    const done = await s.post("/admin/spend/import", { csv, action: "import" });
    expect(await done.text()).toContain("Imported 2 new day(s) of spend");
    const again = await s.post("/admin/spend/import", { csv, action: "import" });
    expect(await again.text()).toContain("Nothing new: all 2 day(s) were imported before");
    expect(
      await env.DB.prepare("SELECT count(*) AS n FROM spend WHERE utm_campaign = 'autumn'").first(
        "n",
      ),
    ).toBe(2);
  });

  it("takes the CSV as an uploaded file too", async () => {
    const file = new File(["day,campaign,cost\n2026-09-03,upload,1.00\n"], "cost.csv", {
      type: "text/csv",
    });
    const res = await s.post("/admin/spend/import", { action: "preview" }, { files: { file } });
    expect(await res.text()).toContain("Import 1 day of spend");
  });

  it("asks to map columns it does not recognise, then previews with the mapping", async () => {
    const csv = "Fecha,Importe\n2026-09-04,3.00\n";
    const html = await (
      await s.post("/admin/spend/import", { csv, action: "preview", channel: "paid" })
    ).text();
    expect(html).toContain("Match the columns");
    expect(html).toContain('<option value="Fecha">Fecha</option>');
    const mapped = await (
      await s.post("/admin/spend/import", {
        csv,
        action: "preview",
        channel: "paid",
        map_day: "Fecha",
        map_cost: "Importe",
      })
    ).text();
    expect(mapped).toContain("Import 1 day of spend");
  });

  it("lists bad rows with their line numbers and offers no import", async () => {
    const csv =
      "day,campaign,cost,currency\n2026-09-05,a,1.00,USD\n2026-09-06,b,1.00,XXQ\nnot-a-day,c,1,USD\n";
    const res = await s.post("/admin/spend/import", { csv, action: "preview" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("2 rows have problems");
    expect(html).toMatch(
      /<td class="n">3<\/td><td>currency<\/td><td>(&quot;|")XXQ(&quot;|") is not an ISO 4217 currency code/,
    );
    expect(html).toMatch(/<td class="n">4<\/td><td>day<\/td>/);
    expect(html).not.toContain("Import 1 day");
  });
});

describe("assets", () => {
  it("creates a whitepaper, uploads its file to R2, publishes it, and the landing page serves it", async () => {
    const fields = {
      title: "Guide <2026>",
      slug: "guide-2026",
      kind: "whitepaper",
      locale: "en",
      timezone: "Europe/Berlin",
      summary: "S",
      outline: "One\nTwo",
      field_name: "required",
      field_company: "optional",
      field_job_title: "hidden",
      field_phone: "hidden",
      field_company_size: "optional",
      consent_text: "",
      consent_version: "v1",
    };
    const file = new File(["%PDF-1.4 guide"], "guide.pdf", { type: "application/pdf" });
    const created = await s.post("/admin/assets/new", fields, { files: { file } });
    expect(created.status, await created.clone().text()).toBe(303);
    const id = Number(/\/admin\/assets\/(\d+)\/edit/.exec(created.headers.get("location")!)![1]);
    const row = await env.DB.prepare(
      "SELECT status, file_key, file_name, form FROM assets WHERE id = ?",
    )
      .bind(id)
      .first<{ status: string; file_key: string; file_name: string; form: string }>();
    expect(row).toMatchObject({ status: "draft", file_name: "guide.pdf" });
    expect(JSON.parse(row!.form).fields.job_title).toBe("hidden");
    expect(await (await env.FILES.get(row!.file_key))!.text()).toBe("%PDF-1.4 guide");
    expect((await fetchWorker("/p/guide-2026")).status).toBe(404);
    expect((await s.post(`/admin/assets/${id}/status`, { status: "published" })).status).toBe(303);
    const landing = await fetchWorker("/p/guide-2026");
    expect(landing.status).toBe(200);
    expect(await landing.text()).toContain("Guide &lt;2026&gt;");
    const detail = await (await s.get(`/admin/assets/${id}`)).text();
    expect(detail).toContain("Funnel");
    expect(detail).toContain("No emails sent for this asset yet");
  });

  it("says which fields are wrong and refuses a slug already taken", async () => {
    const res = await s.post("/admin/assets/new", {
      title: "",
      slug: asset.slug,
      kind: "whitepaper",
      locale: "en",
      timezone: "Mars/Olympus",
      field_name: "required",
      field_company: "optional",
      field_job_title: "optional",
      field_phone: "hidden",
      field_company_size: "optional",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("A title is required");
    expect(html).toContain("Use an IANA timezone");
  });

  it("will not publish a whitepaper without its file", async () => {
    const bare = await makeAsset({ status: "draft", fileKey: null, fileName: null });
    const res = await s.post(`/admin/assets/${bare.id}/status`, { status: "published" });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("Upload the whitepaper");
  });
});

describe("reports, exports and languages", () => {
  it("renders the reports page with calibration, and exports CSV from the dashboard", async () => {
    const html = await (
      await s.get("/admin/reports?by=asset,channel,campaign&model=last_touch")
    ).text();
    expect(html).toContain("Score calibration");
    expect(html).toContain("(Last touch)");
    const csv = await s.get("/admin/export/report.csv?from=2026-01-01&to=2026-12-31&model=linear");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(
      await (await s.get("/admin/export/calibration.csv?from=2026-01-01&to=2026-12-31")).text(),
    ).toMatch(/^score_band,leads,mqls,won/);
  });

  it("shows a helpful empty state for a range with nothing in it", async () => {
    expect(await (await s.get("/admin/reports?from=2020-01-01&to=2020-01-31")).text()).toContain(
      "Nothing in this range yet",
    );
  });

  it("switches the dashboard to Chinese and back", async () => {
    const zh = await login(env.ADMIN_TOKEN, "zh-CN");
    expect(await (await zh.get("/admin")).text()).toContain("概览");
    await zh.post("/admin/locale", { locale: "en", next: "/admin/leads" });
    expect(await (await zh.get("/admin/leads")).text()).toContain("Leads");
  });

  it("lists captured mail and webhooks with empty states", async () => {
    expect(await (await s.get("/admin/webhooks")).text()).toContain("No endpoints yet");
    expect((await s.get("/admin/mail")).status).toBe(200);
  });
});

describe("captured mail", () => {
  it("lists the sink's emails newest first and shows one, its subject escaped", async () => {
    const { capturedEmails } = await import("../../src/db/schema");
    const { db } = await import("../support/fixtures");
    await db()
      .insert(capturedEmails)
      .values({
        id: "mail-1",
        requestHash: "h",
        position: 0,
        from: "Lodestone <hello@example.com>",
        to: ["dana@buyer.test"],
        subject: "Your <b>guide</b>",
        html: "<p>Hello</p>",
        text: "Hello Dana",
        headers: {},
        createdAt: Date.now(),
      });
    const list = await (await s.get("/admin/mail")).text();
    expect(list).toContain("Your &lt;b&gt;guide&lt;/b&gt;");
    expect(list).toContain("dana@buyer.test");
    const one = await (await s.get("/admin/mail/mail-1")).text();
    expect(one).toContain("Hello Dana");
    const html = await s.get("/admin/mail/mail-1/html");
    expect(html.headers.get("content-security-policy")).toMatch(/^sandbox;/);
    expect((await s.get("/admin/mail/nope")).status).toBe(404);
  });
});

describe("webhooks in the dashboard", () => {
  it("lists an endpoint's deliveries and replays a failed one", async () => {
    const { createEndpoint } = await import("../../src/services/handoff/endpoints");
    const { db } = await import("../support/fixtures");
    const endpoint = await createEndpoint(
      db(),
      { url: "https://crm.example.com/hooks?a=<x>", eventTypes: ["lead.qualified"] },
      Date.now(),
      { localDev: false },
    );
    const now = Date.now();
    const { meta } = await env.DB.prepare(
      "INSERT INTO webhook_deliveries (message_id, endpoint_id, event_type, payload, status, attempts, last_status_code, created_at, updated_at) VALUES ('msg_1', ?, 'lead.qualified', '{}', 'failed', 8, 500, ?, ?)",
    )
      .bind(endpoint.id, now, now)
      .run();
    const deliveryId = meta.last_row_id;
    const page = await (await s.get(`/admin/webhooks?endpoint=${endpoint.id}`)).text();
    expect(page).toContain("https://crm.example.com/hooks?a=&lt;x&gt;");
    expect(page).toContain("lead.qualified");
    const replay = await s.post(
      `/admin/webhooks/${endpoint.id}/deliveries/${deliveryId}/replay`,
      {},
    );
    expect(replay.status).toBe(303);
    expect(await (await s.get(replay.headers.get("location")!)).text()).toContain("Queued again.");
    expect(
      await env.DB.prepare("SELECT status, attempts FROM webhook_deliveries WHERE id = ?")
        .bind(deliveryId)
        .first(),
    ).toEqual({ status: "pending", attempts: 0 });
  });
});

describe("webhook endpoints in the dashboard", () => {
  it("offers to switch an endpoint off or on in the marketer's language", async () => {
    const created = await fetchWorker("/api/v1/webhooks", {
      method: "POST",
      headers: { authorization: `Bearer ${env.ADMIN_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ url: "https://crm.example/hook" }),
    });
    expect(created.status).toBe(201);
    expect(await (await s.get("/admin/webhooks")).text()).toContain("Switch off");
    const zh = await login(env.ADMIN_TOKEN, "zh-CN");
    const html = await (await zh.get("/admin/webhooks")).text();
    expect(html).toContain("停用");
    expect(html).not.toContain("Switch off");
  });
});
