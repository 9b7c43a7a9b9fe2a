// The asset editor: every kind offered, the file and cover uploaded with the form (checked by their bytes, a refused
// upload saving nothing), and the live preview: the real landing page from the form as typed, framed only by our
// pages, unsubmittable, saving nothing, for sessions that may edit assets.
import { beforeAll, describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { makeToken } from "../support/api";
import { BASE, fetchWorker } from "../support/http";
import { makeAsset } from "../support/fixtures";
import { pdfBytes, pngBytes } from "../support/files";
import { login, type Session } from "./support/browser-like";

let admin: Session;
beforeAll(async () => {
  admin = await login();
});

const FIELDS = {
  kind: "report",
  locale: "en",
  timezone: "UTC",
  summary: "What we found",
  outline: "Findings\nMethod",
  field_name: "required",
  field_company: "optional",
  field_job_title: "optional",
  field_phone: "hidden",
  field_company_size: "optional",
  consent_mode: "optional",
  consent_text: "",
  consent_version: "v1",
};
const count = async (table: string) =>
  (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())!.n;

describe("the editor page", () => {
  it("offers every kind, the link and cover fields, and a preview frame with its script", async () => {
    const html = await (await admin.get("/admin/assets/new")).text();
    for (const kind of ["whitepaper", "report", "ebook", "course", "link"])
      expect(html).toContain(`<option value="${kind}"`);
    expect(html).toContain('name="link_url"');
    expect(html).toContain('name="cover"');
    expect(html).toMatch(/<iframe name="asset-preview"[^>]*title="Landing page preview"/);
    expect(html).toMatch(
      /formaction="\/admin\/assets\/preview" formtarget="asset-preview" formnovalidate=""/,
    );
    expect(html).toContain('<script src="/static/asset-preview.js" defer="">');
    const script = await fetchWorker("/static/asset-preview.js");
    expect(script.headers.get("content-type")).toContain("javascript");
    expect(await script.text()).toContain("requestSubmit");
    // The editor's own page may frame our preview (and nothing else but Turnstile).
    expect((await admin.get("/admin/assets/new")).headers.get("content-security-policy")).toContain(
      "frame-src 'self' https://challenges.cloudflare.com",
    );
    const zh = await login(env.ADMIN_TOKEN, "zh-CN");
    expect(await (await zh.get("/admin/assets/new")).text()).toContain("落地页预览");
  });

  it("uploads the file and the cover with the form, and shows the cover back", async () => {
    const slug = `editor-${crypto.randomUUID().slice(0, 6)}`;
    const res = await admin.post(
      "/admin/assets/new",
      { ...FIELDS, title: "Editor report", slug },
      {
        files: {
          file: new File([pdfBytes("editor")], "findings.pdf", { type: "application/pdf" }),
          cover: new File([pngBytes()], "cover.png", { type: "image/png" }),
        },
      },
    );
    expect(res.status, await res.clone().text()).toBe(303);
    const id = Number(/assets\/(\d+)\/edit/.exec(res.headers.get("location")!)![1]);
    const row = await env.DB.prepare("SELECT kind, file_type, cover_type FROM assets WHERE id = ?")
      .bind(id)
      .first();
    expect(row).toEqual({ kind: "report", file_type: "application/pdf", cover_type: "image/png" });
    const edit = await (await admin.get(`/admin/assets/${id}/edit`)).text();
    expect(edit).toContain(`src="/admin/assets/${id}/cover"`);
    const cover = await admin.get(`/admin/assets/${id}/cover`);
    expect(cover.status).toBe(200);
    expect(cover.headers.get("cache-control")).toBe("private, no-cache");
    expect((await fetchWorker(`/admin/assets/${id}/cover`)).status).toBe(303);
  });

  it("a file that is not an allowed type is shown on its field, and nothing is saved", async () => {
    const before = await count("assets");
    const res = await admin.post(
      "/admin/assets/new",
      { ...FIELDS, title: "Sneaky", slug: `sneaky-${crypto.randomUUID().slice(0, 6)}` },
      {
        files: {
          file: new File(["<html><script>x</script>"], "report.pdf", { type: "application/pdf" }),
        },
      },
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(
      /<span class="field-error">Upload one of: PDF, EPUB, DOCX, PPTX, XLSX, ZIP<\/span>/,
    );
    expect(await count("assets")).toBe(before);
  });
});

describe("the asset's status", () => {
  it("an archived asset's page offers no way back, and a forged post to bring it back is refused", async () => {
    const live = await makeAsset({ status: "published" });
    const offered = await (await admin.get(`/admin/assets/${live.id}`)).text();
    expect(offered).toContain('<option value="archived">');
    const gone = await makeAsset({ status: "archived" });
    const page = await (await admin.get(`/admin/assets/${gone.id}`)).text();
    expect(page).not.toContain(`action="/admin/assets/${gone.id}/status"`);
    expect(page).toContain("Archived is for good.");
    const res = await admin.post(`/admin/assets/${gone.id}/status`, { status: "published" });
    expect(res.status).toBe(409);
    const row = await env.DB.prepare("SELECT status FROM assets WHERE id = ?")
      .bind(gone.id)
      .first();
    expect(row).toEqual({ status: "archived" });
  });
});

describe("the live preview", () => {
  it("draws the landing page as typed, unsaved, framed only by our pages, with a form that cannot submit", async () => {
    const assets = await count("assets");
    const audits = await count("audit_log");
    const res = await admin.post("/admin/assets/preview", {
      ...FIELDS,
      title: "Typed <not saved>",
      slug: "",
      summary: "Half-typed summary",
      field_phone: "required",
      timezone: "Not/AZone",
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Typed &lt;not saved&gt;");
    expect(html).toContain("Half-typed summary");
    expect(html).toContain("Get the report");
    expect(html).toMatch(/<input id="phone"[^>]*required/);
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("form-action 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(await count("assets")).toBe(assets);
    expect(await count("audit_log")).toBe(audits);
  });

  it("previews an asset being edited from the form over its saved values, and the saved one by GET", async () => {
    const a = await makeAsset({ title: "Saved title", status: "draft" });
    const typed = await admin.post(`/admin/assets/${a.id}/preview`, {
      ...FIELDS,
      kind: "whitepaper",
      slug: a.slug,
      title: "Retitled while typing",
    });
    expect(await typed.text()).toContain("Retitled while typing");
    const saved = await admin.get(`/admin/assets/${a.id}/preview`);
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain("Saved title");
    expect(
      (await env.DB.prepare("SELECT title FROM assets WHERE id = ?").bind(a.id).first())!.title,
    ).toBe("Saved title");
  });

  it("needs a session that may edit assets, and the session's CSRF token", async () => {
    const anonymous = await fetchWorker("/admin/assets/preview", {
      method: "POST",
      headers: { origin: BASE, "content-type": "application/x-www-form-urlencoded" },
      body: "title=x",
    });
    expect(anonymous.status).toBe(401);
    expect((await fetchWorker("/admin/assets/1/preview")).status).toBe(303);
    const sales = await login((await makeToken(["sales"], "sales preview")).token);
    expect((await sales.post("/admin/assets/preview", { ...FIELDS, title: "x" })).status).toBe(403);
    const a = await makeAsset();
    expect((await sales.get(`/admin/assets/${a.id}/preview`)).status).toBe(403);
    expect(
      (await admin.post("/admin/assets/preview", { ...FIELDS, title: "x" }, { csrf: "forged" }))
        .status,
    ).toBe(403);
    const marketer = await login((await makeToken(["marketing"], "marketer preview")).token);
    expect(
      (await marketer.post("/admin/assets/preview", { ...FIELDS, title: "Mine" })).status,
    ).toBe(200);
  });
});

describe("the settings page", () => {
  it("saves the brand and a logo, and says what is wrong per field in the marketer's language", async () => {
    const res = await admin.post(
      "/admin/settings",
      {
        brand_name: "Acme",
        brand_color: "#112233",
        mql_threshold: "40",
        embed_origins: "https://www.acme.example",
      },
      { files: { logo: new File([pngBytes()], "logo.png", { type: "image/png" }) } },
    );
    expect(res.status, await res.clone().text()).toBe(303);
    const page = await (await admin.get("/admin/settings")).text();
    expect(page).toContain('value="Acme"');
    expect(page).toContain('value="40"');
    expect(page).toMatch(/<img src="\/brand\/logo\?v=[0-9a-f]{8}"/);
    const zh = await login(env.ADMIN_TOKEN, "zh-CN");
    const bad = await zh.post("/admin/settings", {
      brand_color: "red",
      time_zone: "Mars/Base",
      mql_threshold: "x",
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("请填写形如 #2f5bea 的颜色");
    expect(html).toContain("请填写 IANA 时区");
    expect(html).toContain("请填写 1 到 100,000 之间的整数");
    const badLogo = await admin.post(
      "/admin/settings",
      { brand_name: "Changed" },
      { files: { logo: new File([pdfBytes()], "logo.png", { type: "image/png" }) } },
    );
    expect(badLogo.status).toBe(400);
    expect(await (await admin.get("/admin/settings")).text()).toContain('value="Acme"');
    await admin.post("/admin/settings", {});
  });
});
