// Lead import by API: the fixture files as uploaded (BOM, GBK with Chinese headers), dry run, dedupe, consent, enrolment.
import { beforeAll, describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { api } from "../support/api";
import { db, makeAsset } from "../support/fixtures";
import { batch } from "../../src/store/batch";
import { suppressAddress } from "../../src/store/suppressions";
import { emailHashes } from "../../src/domain/email-address";
import { loadConfig, suppressionSecret } from "../../src/env";
import { assetWithSequence } from "../nurture/support/nurture";

const fixture = (name: string) => {
  const b64 = env.LEAD_IMPORT_FIXTURES[name];
  if (!b64) throw new Error(`no fixture ${name}`);
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
};
const upload = (file: string, q: Record<string, string>) =>
  api(`/api/v1/leads/import?${new URLSearchParams(q)}`, {
    method: "POST",
    body: fixture(file),
    headers: { "content-type": "text/csv" },
  });
const lead = (email: string) =>
  env.DB.prepare(
    "SELECT id, name, company, job_title, phone, country, marketing_consent, consent_version, touch_count FROM leads WHERE email = ?",
  )
    .bind(email)
    .first<Record<string, unknown>>();
const count = async (table: string) =>
  (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())!.n;

beforeAll(async () => {
  // A lead the list already knows, with a company and title of its own, and an address that unsubscribed.
  const now = Date.now();
  await env.DB.prepare(
    "INSERT INTO leads (email, name, company, job_title, referral_code, touch_count, created_at, updated_at) VALUES ('known@expo-buyer.example', NULL, 'Own Co', 'Head of IT', 'known1code', 1, ?, ?)",
  )
    .bind(now, now)
    .run();
  const hashes = await emailHashes(
    "stopped@expo-buyer.example",
    suppressionSecret(loadConfig(env)),
  );
  await batch(db(), suppressAddress(hashes, "unsubscribed", now));
});

describe("importing a trade-show list", () => {
  it("a dry run reports new, updated, duplicates and invalid lines and writes nothing", async () => {
    const before = await Promise.all(["leads", "touches", "events", "audit_log"].map(count));
    const res = await upload("trade-show-bom.csv", { source: "Expo 2026", dry_run: "true" });
    expect(res.status).toBe(200);
    const out = await res.json<Record<string, unknown>>();
    expect(out).toMatchObject({
      dry_run: true,
      encoding: "utf-8",
      rows: 7,
      new: 2,
      updated: 1,
      unchanged: 0,
      suppressed: 1,
      duplicates: [{ line: 6, first_line: 2 }],
      marketing_consent: false,
    });
    expect(out.mapping).toMatchObject({ Email: "email", "Full Name": "name", Notes: "ignore" });
    expect(out.invalid).toEqual([
      { line: 5, reasons: [expect.stringContaining("email: not an address")] },
      { line: 7, reasons: ["email: missing"] },
      { line: 8, reasons: ["country: use a two-letter code such as CN or US"] },
    ]);
    expect(await Promise.all(["leads", "touches", "events", "audit_log"].map(count))).toEqual(
      before,
    );
  });

  it("imports for real: blank fields filled, nothing overwritten, the suppressed address never marketable", async () => {
    const asset = await makeAsset();
    const res = await upload("trade-show-bom.csv", {
      source: "Expo 2026",
      basis: "Trade show scan with consent",
      consent_version: "expo-2026",
      consent_text: "I agree to hear from Acme by email.",
      asset_id: String(asset.id),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      dry_run: false,
      new: 2,
      updated: 1,
      marketing_consent: true,
    });
    expect(await lead("ann@expo-buyer.example")).toMatchObject({
      name: "Ann Lee",
      company: "Acme",
      country: "US",
      marketing_consent: "given",
      consent_version: "expo-2026",
      touch_count: 1,
    });
    // Existing: the blank name is filled; its own company and title stay.
    expect(await lead("known@expo-buyer.example")).toMatchObject({
      name: "Known Person",
      company: "Own Co",
      job_title: "Head of IT",
      marketing_consent: "given",
    });
    expect(await lead("stopped@expo-buyer.example")).toMatchObject({ marketing_consent: null });
    const touch = await env.DB.prepare(
      "SELECT t.channel, t.utm_campaign, t.consent_marketing, t.consent_text_hash FROM touches t JOIN leads l ON l.id = t.lead_id WHERE l.email = 'ann@expo-buyer.example'",
    ).first<Record<string, unknown>>();
    expect(touch).toMatchObject({
      channel: "import",
      utm_campaign: "Expo 2026",
      consent_marketing: "given",
    });
    const words = await env.DB.prepare("SELECT text FROM consent_texts WHERE hash = ?")
      .bind(touch!.consent_text_hash)
      .first<{ text: string }>();
    expect(words!.text).toContain("Trade show scan with consent");
    const audit = await env.DB.prepare(
      "SELECT action, after FROM audit_log ORDER BY id DESC LIMIT 1",
    ).first<{ action: string; after: string }>();
    expect(audit!.action).toBe("leads.import");
    expect(audit!.after).not.toContain("ann@");
  });

  it("the same file again adds no lead and overwrites nothing", async () => {
    const leads = await count("leads");
    const res = await upload("trade-show-bom.csv", { source: "Expo 2026 again" });
    expect(await res.json()).toMatchObject({ new: 0, updated: 0, unchanged: 3 });
    expect(await count("leads")).toBe(leads);
    expect(await lead("known@expo-buyer.example")).toMatchObject({ company: "Own Co" });
  });
});

describe("importing a Chinese expo list in GBK", () => {
  it("reads the GBK bytes and guesses 邮箱, 姓名, 公司, 职位, 手机, 公司规模, 国家; enrols only with a basis", async () => {
    const asset = await assetWithSequence({
      name: "Expo drip",
      steps: [{ template: "whitepaper-welcome", delayMinutes: 0 }],
    });
    const without = await upload("expo-gbk.csv", {
      source: "上海展会",
      asset_id: String(asset.id),
      enrol: "true",
      dry_run: "true",
    });
    const preview = await without.json<Record<string, unknown>>();
    expect(preview).toMatchObject({
      encoding: "gb18030",
      new: 2,
      duplicates: [{ line: 4, first_line: 2 }],
    });
    expect(preview.mapping).toMatchObject({
      邮箱: "email",
      姓名: "name",
      公司: "company",
      职位: "job_title",
      手机: "phone",
      公司规模: "company_size",
      国家: "country",
      备注: "ignore",
    });
    expect(preview.invalid).toEqual([{ line: 5, reasons: [expect.stringContaining("email")] }]);

    const noBasis = await upload("expo-gbk.csv", {
      source: "上海展会",
      asset_id: String(asset.id),
      enrol: "true",
    });
    expect(await noBasis.json()).toMatchObject({ new: 2, enrolled: 0, marketing_consent: false });
    expect(await lead("wang.fang@zhanhui.example")).toMatchObject({
      name: "王芳",
      company: "星云科技",
      marketing_consent: null,
    });

    const withBasis = await upload("expo-gbk.csv", {
      source: "上海展会",
      asset_id: String(asset.id),
      enrol: "true",
      basis: "展会现场扫码并勾选同意接收邮件",
      consent_version: "2026-expo",
    });
    expect(await withBasis.json()).toMatchObject({ new: 0, enrolled: 2, marketing_consent: true });
    const enrolments = await env.DB.prepare(
      "SELECT count(*) AS n FROM enrolments e JOIN leads l ON l.id = e.lead_id WHERE l.email LIKE '%@zhanhui.example'",
    ).first<{ n: number }>();
    expect(enrolments!.n).toBe(2);
  });
});
