// Workspace settings by API: read and patch one at a time; the brand, logo and privacy links reach the landing page,
// the postal address and brand reach every email, and the MQL threshold is the one scoring uses.
import { afterAll, describe, expect, it, vi } from "vitest";
import { env } from "cloudflare:workers";
import { api } from "../support/api";
import { fetchWorker } from "../support/http";
import { db, makeAsset } from "../support/fixtures";
import { captureViaGate } from "../support/api";
import { pngBytes } from "../support/files";
import { waitFor } from "../support/leads";
import { ensureDefaultRules } from "../../src/services/scoring/default-rules";
import { fakeResend } from "../nurture/support/resend-fake";
import {
  assetWithSequence,
  captureLead,
  drainThenRestore,
  MINUTE,
  QUEUE_TIMEOUTS,
  tick,
} from "../nurture/support/nurture";

vi.setConfig(QUEUE_TIMEOUTS);
const patch = (json: unknown) => api("/api/v1/settings", { method: "PATCH", json });
const settings = async () =>
  (await (await api("/api/v1/settings")).json()) as Record<string, unknown>;
afterAll(async () => {
  await patch({
    brand_name: null,
    brand_color: null,
    privacy_url: null,
    postal_address: null,
    mql_threshold: null,
    privacy_policy_url_en: null,
    privacy_policy_url_zh: null,
  });
});

describe("reading and changing settings", () => {
  it("starts unset, and a patch changes only the settings it names", async () => {
    expect(await settings()).toEqual({
      brand_name: null,
      brand_color: null,
      logo_url: null,
      privacy_url: null,
      privacy_policy_url_en: null,
      privacy_policy_url_zh: null,
      postal_address: null,
      default_locale: null,
      time_zone: null,
      embed_origins: [],
      mql_threshold: null,
      effective_mql_threshold: 50,
    });
    const res = await patch({
      brand_name: "Acme Insights",
      brand_color: "#0A7B55",
      time_zone: "Asia/Shanghai",
      default_locale: "zh-CN",
      embed_origins: [
        "https://www.acme.example",
        "https://Blog.Acme.example/",
        "https://www.acme.example",
      ],
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({
      brand_name: "Acme Insights",
      brand_color: "#0a7b55",
      time_zone: "Asia/Shanghai",
      default_locale: "zh-CN",
      embed_origins: ["https://www.acme.example", "https://blog.acme.example"],
      privacy_url: null,
    });
    await patch({ postal_address: "Acme Ltd\n1 Harbour Road, Shanghai" });
    expect(await settings()).toMatchObject({
      brand_name: "Acme Insights",
      postal_address: "Acme Ltd\n1 Harbour Road, Shanghai",
    });
    // New assets take the workspace's language and time zone unless they say otherwise.
    const created = await api("/api/v1/assets", {
      method: "POST",
      json: { slug: `zh-${crypto.randomUUID().slice(0, 6)}`, kind: "report", title: "报告" },
    });
    expect(await created.json()).toMatchObject({ locale: "zh-CN", timezone: "Asia/Shanghai" });
    await patch({ default_locale: null, time_zone: null, embed_origins: [] });
    expect(await settings()).toMatchObject({
      default_locale: null,
      time_zone: null,
      embed_origins: [],
    });
  });

  it("the privacy link of every page, with each language's own link winning, as before", async () => {
    const en = await makeAsset({ locale: "en" });
    const zh = await makeAsset({ locale: "zh-CN" });
    const href = async (slug: string) =>
      /<a href="([^"]+)" target="_blank"/.exec(await (await fetchWorker(`/p/${slug}`)).text())?.[1];
    await patch({ privacy_url: "https://acme.example/privacy" });
    expect(await href(en.slug)).toBe("https://acme.example/privacy");
    expect(await href(zh.slug)).toBe("https://acme.example/privacy");
    await patch({ privacy_policy_url_zh: "https://acme.cn/yinsi" });
    expect(await href(zh.slug)).toBe("https://acme.cn/yinsi");
    expect(await href(en.slug)).toBe("https://acme.example/privacy");
    await patch({ privacy_url: null });
    // Only a Chinese link: an English page falls back to it, as the per-language links always did.
    expect(await href(en.slug)).toBe("https://acme.cn/yinsi");
  });

  it("the landing page shows the brand's name, logo and colour", async () => {
    await patch({ brand_name: "Acme Insights", brand_color: "#0a7b55" });
    const logo = await api("/api/v1/settings/logo", {
      method: "PUT",
      body: pngBytes(),
      headers: { "content-type": "image/png" },
    });
    expect(logo.status).toBe(200);
    const logoUrl = ((await logo.json()) as { logo_url: string }).logo_url;
    expect(logoUrl).toMatch(/\/brand\/logo\?v=[0-9a-f]{8}$/);
    const served = await fetchWorker(new URL(logoUrl).pathname + new URL(logoUrl).search);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("cache-control")).toContain("immutable");
    expect(served.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    const html = await (await fetchWorker(`/p/${(await makeAsset()).slug}`)).text();
    expect(html).toContain(
      `<img src="${new URL(logoUrl).pathname}${new URL(logoUrl).search.replace("?", "?")}" alt="Acme Insights"/>`,
    );
    expect(html).toContain("<span>Acme Insights</span>");
    expect(html).toContain(":root{--brand:#0a7b55}");
  });
});

describe("emails and scoring read the settings", () => {
  it("every email carries the brand in its header and the postal address in its footer", async () => {
    const resend = fakeResend();
    try {
      await patch({
        brand_name: "Acme Insights",
        brand_color: "#0a7b55",
        postal_address: "Acme Ltd\n1 Harbour Road",
      });
      const asset = await assetWithSequence({
        name: "Branded",
        steps: [{ template: "whitepaper-welcome", delayMinutes: 0 }],
      });
      await captureLead(asset.slug, "branded@example.com");
      await tick(Date.now() + MINUTE);
      const mail = await waitFor(
        async () => resend.delivered.find((d) => d.to === "branded@example.com") ?? null,
        "the branded email",
      );
      expect(mail.html).toMatch(
        /<img src="https?:\/\/[^"]+\/brand\/logo\?v=[0-9a-f]{8}" alt="Acme Insights"/,
      );
      expect(mail.html).toContain("background:#0a7b55");
      expect(mail.html).toContain("Acme Ltd\n1 Harbour Road");
      expect(mail.text).toContain("Acme Ltd\n1 Harbour Road");
    } finally {
      await drainThenRestore(resend);
    }
  });

  it("a lead becomes an MQL at the workspace's threshold, not the deployment's", async () => {
    await ensureDefaultRules(db());
    await patch({ mql_threshold: 25 });
    expect(await settings()).toMatchObject({ mql_threshold: 25, effective_mql_threshold: 25 });
    expect(
      ((await (await api("/api/v1/score-rules")).json()) as { mql_threshold: number })
        .mql_threshold,
    ).toBe(25);
    const asset = await makeAsset();
    const leadId = await captureViaGate(asset.slug, {
      email: "threshold@bigco.example",
      name: "Dana",
      job_title: "Director of Ops",
      phone: "+44 20 7946 0958",
    });
    const lead = await waitFor(
      () =>
        env.DB.prepare("SELECT score, stage FROM leads WHERE id = ? AND scored_at IS NOT NULL")
          .bind(leadId)
          .first<{ score: number; stage: string }>(),
      "the lead to be scored",
    );
    expect(lead.score).toBeGreaterThanOrEqual(25);
    expect(lead.score).toBeLessThan(50);
    expect(lead.stage).toBe("mql");
    await patch({ mql_threshold: null });
  });
});
