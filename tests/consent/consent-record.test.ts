// What a capture keeps about consent: the words shown, their version, the time, a keyed IP hash, never the IP.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { createExecutionContext, createScheduledController } from "cloudflare:test";
import worker from "../../src/index";
import { makeAsset } from "../support/fixtures";
import { api } from "../support/api";
import { login } from "../admin/support/browser-like";
import { checkboxes, formWith, landing, leadIdOf, submitForm, submitJson } from "./support";
import type { MarketingConsentMode } from "../../src/db/schema";

const RAW_IP = "198.51.100.77";

/** Every text value in every table of this test file's database that contains `needle`. */
async function everywhere(needle: string): Promise<string[]> {
  const tables = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name != 'd1_migrations'",
  ).all<{ name: string }>();
  const hits: string[] = [];
  for (const { name } of tables.results) {
    const rows = (await env.DB.prepare(`SELECT * FROM "${name}"`).all()).results;
    for (const row of rows)
      for (const [col, v] of Object.entries(row))
        if (typeof v === "string" && v.includes(needle)) hits.push(`${name}.${col}`);
  }
  return hits;
}

describe("no box is ever ticked for the visitor", () => {
  it.each([
    ["optional", "en", "US"],
    ["optional", "zh-CN", "CN"],
    ["implied", "en", "US"],
    ["implied", "zh-CN", "CN"],
    ["required", "en", "US"],
    ["required", "zh-CN", "US"],
  ] as const)("%s consent on a %s page (visitor from %s)", async (mode, locale, country) => {
    const asset = await makeAsset({
      locale,
      form: formWith(mode as MarketingConsentMode, {}, true),
    });
    const html = await (await landing(asset.slug, { country })).text();
    const boxes = checkboxes(html);
    const names = Object.keys(boxes).sort();
    expect(names).toEqual(
      mode === "implied" && country !== "CN"
        ? ["marketing_opt_out", "privacy"]
        : ["consent", "privacy"],
    );
    for (const input of Object.values(boxes)) expect(input).not.toMatch(/\bchecked\b/);
  });

  it("the zh-CN words link to the privacy policy from settings, and marketing is its own box", async () => {
    const admin = await login();
    const saved = await admin.post("/admin/settings", {
      privacy_policy_url_zh: "https://example.cn/privacy",
    });
    expect(saved.status).toBe(303);
    const asset = await makeAsset({ locale: "zh-CN", form: formWith("optional", {}, true) });
    const html = await (await landing(asset.slug, { country: "CN" })).text();
    expect(html).toContain(
      '我已阅读并同意<a href="https://example.cn/privacy" target="_blank" rel="noopener noreferrer">《隐私政策》</a>',
    );
    expect(html).toContain("我愿意接收相关资料与活动邀请邮件，可随时退订。");
  });
});

describe("what a capture stores", () => {
  it("keeps the words shown, their version, the time and a keyed hash of the IP, and the raw IP nowhere", async () => {
    const asset = await makeAsset({
      form: formWith(
        "optional",
        { text: "Send me the monthly benchmark", version: "2026-05" },
        true,
      ),
    });
    const before = Date.now();
    const res = await submitForm(
      asset.slug,
      { email: "record@example.com", name: "R", consent: "on", privacy: "on" },
      { country: "DE", ip: RAW_IP },
    );
    expect(res.status).toBeLessThan(400);
    const leadId = await leadIdOf("record@example.com");
    const lead = await env.DB.prepare(
      "SELECT marketing_consent, consent_at, consent_version, consent_ip, consent_ip_hash FROM leads WHERE id = ?",
    )
      .bind(leadId)
      .first<Record<string, unknown>>();
    expect(lead).toMatchObject({
      marketing_consent: "given",
      consent_version: "2026-05",
      consent_ip: null,
    });
    expect(lead!.consent_at as number).toBeGreaterThanOrEqual(before);
    expect(lead!.consent_ip_hash).toMatch(/^v1:[A-Za-z0-9_-]{22}$/);
    const touch = await env.DB.prepare(
      "SELECT t.consent_marketing, t.consent_mode, t.consent_version, t.consent_privacy, t.consent_ip_hash, ct.text FROM touches t JOIN consent_texts ct ON ct.hash = t.consent_text_hash WHERE t.lead_id = ?",
    )
      .bind(leadId)
      .first<Record<string, unknown>>();
    expect(touch).toMatchObject({
      consent_marketing: "given",
      consent_mode: "optional",
      consent_version: "2026-05",
      consent_privacy: 1,
      consent_ip_hash: lead!.consent_ip_hash,
    });
    expect(touch!.text).toContain("[marketing opt-in box, unticked] Send me the monthly benchmark");
    expect(touch!.text).toContain(
      "[privacy box, must be ticked] I have read and agree to the privacy policy",
    );
    expect(await everywhere(RAW_IP)).toEqual([]);
    const exported = await (await api(`/api/v1/leads/${leadId}/export`)).text();
    expect(exported).toContain("consent_ip_hash");
    expect(exported).not.toContain(RAW_IP);
  });

  it("keeps a record per capture when a later capture changes consent, and the same words once", async () => {
    const asset = await makeAsset({ form: formWith("implied") });
    const email = "changes@example.com";
    await submitJson(asset.slug, { email, name: "C" }, { country: "US" });
    await submitJson(asset.slug, { email, name: "C", marketing_opt_out: true }, { country: "US" });
    await submitJson(asset.slug, { email, name: "C", consent: true }, { country: "US" });
    const leadId = await leadIdOf(email);
    const records = (
      await env.DB.prepare(
        "SELECT consent_marketing, consent_text_hash FROM touches WHERE lead_id = ? ORDER BY id",
      )
        .bind(leadId)
        .all<{ consent_marketing: string; consent_text_hash: string }>()
    ).results;
    expect(records.map((r) => r.consent_marketing)).toEqual(["implied", "declined", "given"]);
    expect(new Set(records.map((r) => r.consent_text_hash)).size).toBe(1);
    const texts = await env.DB.prepare("SELECT count(*) AS n FROM consent_texts WHERE hash = ?")
      .bind(records[0]!.consent_text_hash)
      .first<{ n: number }>();
    expect(texts!.n).toBe(1);
    expect(
      await env.DB.prepare("SELECT marketing_consent FROM leads WHERE id = ?").bind(leadId).first(),
    ).toEqual({ marketing_consent: "given" });
  });

  it("erasure drops the IP hashes along with the rest of the person", async () => {
    const asset = await makeAsset();
    await submitJson(asset.slug, { email: "erase-me@example.com", name: "E", consent: true });
    const leadId = await leadIdOf("erase-me@example.com");
    expect((await api(`/api/v1/leads/${leadId}`, { method: "DELETE" })).status).toBeLessThan(300);
    const rows = await env.DB.prepare(
      "SELECT l.consent_ip_hash AS lead_hash, t.consent_ip_hash AS touch_hash FROM leads l JOIN touches t ON t.lead_id = l.id WHERE l.id = ?",
    )
      .bind(leadId)
      .first();
    expect(rows).toEqual({ lead_hash: null, touch_hash: null });
  });
});

describe("consent IPs recorded before they were hashed", () => {
  it("are replaced by their keyed hash on the next cron tick, and the raw address is gone", async () => {
    const now = Date.now();
    await env.DB.prepare(
      "INSERT INTO leads (email, locale, referral_code, consent_at, consent_ip, consent_version, created_at, updated_at) VALUES ('legacy@example.com', 'en', 'legacy0001', ?, ?, 'v1', ?, ?)",
    )
      .bind(now, RAW_IP, now, now)
      .run();
    expect(await everywhere(RAW_IP)).toEqual(["leads.consent_ip"]);
    await worker.scheduled!(
      createScheduledController({ scheduledTime: now, cron: "* * * * *" }),
      env,
      createExecutionContext(),
    );
    const lead = await env.DB.prepare(
      "SELECT consent_ip, consent_ip_hash FROM leads WHERE email = 'legacy@example.com'",
    ).first<{ consent_ip: string | null; consent_ip_hash: string }>();
    expect(lead!.consent_ip).toBeNull();
    expect(lead!.consent_ip_hash).toMatch(/^v1:/);
    expect(await everywhere(RAW_IP)).toEqual([]);
    // The same address captured today hashes the same: the legacy record stays provable.
    const asset = await makeAsset();
    await submitJson(
      asset.slug,
      { email: "today@example.com", name: "T", consent: true },
      { ip: RAW_IP },
    );
    const today = await env.DB.prepare(
      "SELECT consent_ip_hash FROM leads WHERE email = 'today@example.com'",
    ).first<{ consent_ip_hash: string }>();
    expect(today!.consent_ip_hash).toBe(lead!.consent_ip_hash);
  });
});
