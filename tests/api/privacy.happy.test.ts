import { describe, it, expect, beforeAll } from "vitest";
import { env } from "cloudflare:workers";
import { db, makeAsset } from "../support/fixtures";
import { ensureDefaultRules } from "../../src/services/scoring/default-rules";
import { api, captureViaGate } from "../support/api";
import { waitFor } from "../support/leads";
import { emailHashes } from "../../src/domain/email-address";

describe("privacy: export and erase", () => {
  beforeAll(async () => void (await ensureDefaultRules(db())));
  it("export holds the person's profile, touches, events and ledger", async () => {
    const asset = await makeAsset();
    const leadId = await captureViaGate(asset.slug, {
      email: "export.me@contoso.example",
      name: "Exa",
      job_title: "Director",
    });
    await waitFor(
      () =>
        env.DB.prepare("SELECT 1 AS ok FROM leads WHERE id = ? AND scored_at IS NOT NULL")
          .bind(leadId)
          .first(),
      "scoring",
    );
    const res = await api(`/api/v1/leads/${leadId}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(`lead-${leadId}.json`);
    const data = (await res.json()) as Record<string, any>;
    expect(data.lead).toMatchObject({
      id: leadId,
      email: "export.me@contoso.example",
      name: "Exa",
    });
    expect(data.touches).toHaveLength(1);
    expect(data.events.map((e: { type: string }) => e.type)).toContain("gate_submitted");
    expect(data.score_ledger.length).toBeGreaterThan(0);
  });

  it("erase removes personal data, keeps counts and rollups, and keeps the address suppressed", async () => {
    const asset = await makeAsset();
    const email = "forget.me@contoso.example";
    const leadId = await captureViaGate(asset.slug, {
      email,
      name: "Fran",
      phone: "+44 20 7946 0000",
      job_title: "CTO",
    });
    await waitFor(
      () =>
        env.DB.prepare("SELECT 1 AS ok FROM leads WHERE id = ? AND scored_at IS NOT NULL")
          .bind(leadId)
          .first(),
      "scoring",
    );
    const rollup = () =>
      env.DB.prepare(
        "SELECT sum(submissions) AS s, sum(new_leads) AS n FROM asset_daily WHERE asset_id = ?",
      )
        .bind(asset.id)
        .first();
    const before = await rollup();

    const res = await api(`/api/v1/leads/${leadId}`, { method: "DELETE" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: leadId, already_erased: false });

    const lead = await env.DB.prepare(
      "SELECT email, name, phone, job_title, erased_at, score, stage FROM leads WHERE id = ?",
    )
      .bind(leadId)
      .first<Record<string, unknown>>();
    expect(lead).toMatchObject({
      email: `erased:${leadId}`,
      name: null,
      phone: null,
      job_title: null,
      stage: "lead",
    });
    expect(lead!.erased_at).not.toBeNull();
    expect(lead!.score).toBeGreaterThan(0); // scores and stages are counts, not personal data
    const everything = JSON.stringify(
      await env.DB.prepare(
        "SELECT l.*, t.*, e.* FROM leads l LEFT JOIN touches t ON t.lead_id = l.id LEFT JOIN events e ON e.lead_id = l.id WHERE l.id = ?",
      )
        .bind(leadId)
        .all(),
    );
    expect(everything).not.toContain("forget.me");
    expect(everything).not.toContain("Fran");
    expect(await rollup()).toEqual(before);
    expect(
      await env.DB.prepare("SELECT reason FROM suppressions WHERE email_hash = ?")
        .bind((await emailHashes(email, env.SIGNING_SECRET)).keyed)
        .first(),
    ).toEqual({ reason: "erased" });

    expect((await api(`/api/v1/leads/${leadId}`)).status).toBe(410);
    expect((await api(`/api/v1/leads/${leadId}/export`)).status).toBe(410);
    const list = (await (await api(`/api/v1/leads?email=${encodeURIComponent(email)}`)).json()) as {
      data: unknown[];
    };
    expect(list.data).toEqual([]);
    const again = await api(`/api/v1/leads/${leadId}`, { method: "DELETE" });
    expect(await again.json()).toMatchObject({ already_erased: true });
  });
});
