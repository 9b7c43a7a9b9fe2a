// The link builder: tagged landing URLs a marketer copies instead of typing UTMs, and the list of those made.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { makeAsset } from "../support/fixtures";
import { api, makeToken } from "../support/api";
import { BASE, fetchWorker } from "../support/http";
import { login } from "../admin/support/browser-like";

const make = (json: unknown, token?: string) =>
  api("/api/v1/links", { method: "POST", json, ...(token ? { token } : {}) });

describe("making a tagged link through the API", () => {
  it("cleans the UTMs as capture reads them and orders them source, medium, campaign, content, term", async () => {
    const asset = await makeAsset();
    const res = await make({
      asset_id: asset.id,
      utm_source: "  LinkedIn ",
      utm_medium: "Paid_Social",
      utm_campaign: "  Q3  Launch ",
      utm_content: " Carousel A ",
      utm_term: "",
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const link = (await res.json()) as Record<string, any>;
    expect(link).toMatchObject({
      asset: { id: asset.id, slug: asset.slug, title: asset.title },
      utm_source: "linkedin",
      utm_medium: "paid_social",
      utm_campaign: "Q3 Launch",
      utm_content: "Carousel A",
      utm_term: null,
      created_by: "ADMIN_TOKEN",
    });
    expect(link.url).toBe(
      `${BASE}/p/${asset.slug}?utm_source=linkedin&utm_medium=paid_social&utm_campaign=Q3+Launch&utm_content=Carousel+A`,
    );
  });

  it("a preset fills source and medium; a visitor on the link lands in the preset's channel", async () => {
    const asset = await makeAsset();
    const token = (await makeToken(["marketing"], "Mia's token")).token;
    const res = await make(
      { asset_id: asset.id, preset: "baidu_cpc", utm_campaign: "2026 春季" },
      token,
    );
    const link = (await res.json()) as {
      url: string;
      utm_source: string;
      utm_medium: string;
      created_by: string;
    };
    expect([link.utm_source, link.utm_medium, link.created_by]).toEqual([
      "baidu",
      "cpc",
      "token Mia's token",
    ]);
    const gate = await fetchWorker(new URL(link.url).pathname + new URL(link.url).search);
    expect(gate.status).toBe(200);
    const captured = await api(`/p/${asset.slug}`, {
      method: "POST",
      token: null,
      json: { email: "from.link@contoso.example", name: "Lin", landing_url: link.url },
    });
    const { lead_id } = (await captured.json()) as { lead_id: number };
    const touch = await env.DB.prepare(
      "SELECT channel, utm_campaign FROM touches WHERE lead_id = ?",
    )
      .bind(lead_id)
      .first();
    expect(touch).toEqual({ channel: "paid", utm_campaign: "2026 春季" });
  });

  it("lists the links made, newest first, with who made them and when", async () => {
    const asset = await makeAsset();
    await make({ asset_id: asset.id, preset: "newsletter_email", utm_campaign: "first" });
    await make({ asset_id: asset.id, preset: "wechat_social", utm_campaign: "second" });
    const res = await api("/api/v1/links");
    expect(res.status).toBe(200);
    const { links } = (await res.json()) as { links: Record<string, any>[] };
    const mine = links.filter((l) => l.asset.id === asset.id);
    expect(mine.map((l) => [l.utm_campaign, l.utm_source, l.utm_medium])).toEqual([
      ["second", "wechat", "social"],
      ["first", "newsletter", "email"],
    ]);
    expect(Date.parse(mine[0]!.created_at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("records the link in the audit log", async () => {
    const asset = await makeAsset();
    const res = await make({ asset_id: asset.id, preset: "google_cpc", utm_campaign: "audited" });
    const link = (await res.json()) as { id: number; url: string };
    const entry = await env.DB.prepare(
      "SELECT action, actor_label AS actor, after FROM audit_log WHERE subject_type = 'link' AND subject_id = ?",
    )
      .bind(String(link.id))
      .first<{ action: string; actor: string; after: string }>();
    expect(entry).toMatchObject({ action: "link.create", actor: "ADMIN_TOKEN" });
    expect(JSON.parse(entry!.after)).toMatchObject({ url: link.url, utm_source: "google" });
  });

  it.each([
    [
      "an asset that does not exist",
      { asset_id: 999999, preset: "google_cpc", utm_campaign: "x" },
      "asset_id",
    ],
    ["no campaign", { asset_id: 0, preset: "google_cpc" }, "utm_campaign"],
    [
      "a campaign of spaces",
      { asset_id: 0, preset: "google_cpc", utm_campaign: "   " },
      "utm_campaign",
    ],
    [
      "no source and no preset",
      { asset_id: 0, utm_medium: "cpc", utm_campaign: "x" },
      "utm_source",
    ],
    [
      "no medium and no preset",
      { asset_id: 0, utm_source: "google", utm_campaign: "x" },
      "utm_medium",
    ],
    ["an unknown preset", { asset_id: 0, preset: "myspace", utm_campaign: "x" }, "preset"],
    [
      "a campaign over 200 characters",
      { asset_id: 0, preset: "google_cpc", utm_campaign: "x".repeat(201) },
      "utm_campaign",
    ],
  ])("%s is a 400 naming the field", async (_, body, field) => {
    const asset = await makeAsset();
    const json = { ...body, asset_id: body.asset_id === 0 ? asset.id : body.asset_id };
    const res = await make(json);
    expect(res.status, await res.clone().text()).toBe(400);
    const err = (await res.json()) as { error: { details: { fields: Record<string, string[]> } } };
    expect(Object.keys(err.error.details.fields)).toContain(field);
  });

  it("an archived asset gets no new links: its landing page no longer opens", async () => {
    const asset = await makeAsset({ status: "archived" });
    const res = await make({ asset_id: asset.id, preset: "google_cpc", utm_campaign: "late" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("archived");
  });

  it("a sales token may neither make nor list links", async () => {
    const sales = (await makeToken(["sales"])).token;
    const asset = await makeAsset();
    expect(
      (await make({ asset_id: asset.id, preset: "google_cpc", utm_campaign: "x" }, sales)).status,
    ).toBe(403);
    expect((await api("/api/v1/links", { token: sales })).status).toBe(403);
  });
});

describe("the link builder page", () => {
  it("makes a link from the form, shows it with a copy button, and lists it, in English and Chinese", async () => {
    const asset = await makeAsset({ title: "Pipeline Playbook" });
    for (const [locale, heading, copy] of [
      ["en", "Link builder", "Copy"],
      ["zh-CN", "推广链接生成器", "复制"],
    ] as const) {
      const s = await login(undefined, locale);
      const page = await (await s.get("/admin/links")).text();
      expect(page).toContain(heading);
      expect(page).toContain('<option value="linkedin_paid_social">');
      const res = await s.post("/admin/links", {
        asset_id: String(asset.id),
        preset: "linkedin_paid_social",
        utm_source: "",
        utm_medium: "",
        utm_campaign: ` ${locale} launch `,
      });
      expect(res.status).toBe(303);
      const made = await (await s.get(res.headers.get("location")!)).text();
      const url = `${BASE}/p/${asset.slug}?utm_source=linkedin&amp;utm_medium=paid_social&amp;utm_campaign=${locale}+launch`;
      expect(made).toContain("data-made-link");
      expect(made).toContain(`value="${url}"`);
      expect(made).toContain(`data-copy="made-link"`);
      expect(made).toContain(`>${copy}</button>`);
      expect(made).toContain('src="/static/copy-link.js"');
    }
  });

  it("a refused form is shown again with the field's error and what was typed", async () => {
    const asset = await makeAsset();
    const s = await login();
    const res = await s.post("/admin/links", {
      asset_id: String(asset.id),
      preset: "",
      utm_source: "google",
      utm_medium: "",
      utm_campaign: "kept",
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Give a medium");
    expect(html).toContain('value="kept"');
  });

  it("serves the copy script from our own origin", async () => {
    const res = await fetchWorker("/static/copy-link.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("javascript");
    expect(await res.text()).toContain("navigator.clipboard");
  });
});
