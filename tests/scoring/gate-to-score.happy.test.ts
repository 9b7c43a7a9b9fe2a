import { describe, it, expect, beforeAll } from "vitest";
import { env } from "cloudflare:workers";
import { db, makeAsset } from "../support/fixtures";
import { captureViaGate } from "../support/api";
import { ledgerSumsMatchScores, waitFor } from "../support/leads";
import { ensureDefaultRules, DEFAULT_RULES } from "../../src/services/scoring/default-rules";

describe("a captured lead is scored off the capture path", () => {
  beforeAll(async () => {
    expect(await ensureDefaultRules(db())).toBe(DEFAULT_RULES.length);
    expect(await ensureDefaultRules(db())).toBe(0);
  });

  it("the gate submission and the profile's fit land in the ledger, and the score is their sum", async () => {
    const asset = await makeAsset();
    const leadId = await captureViaGate(asset.slug, {
      email: "dana@bigco.example",
      name: "Dana",
      job_title: "Director of Ops",
      phone: "+44 20 7946 0958",
    });
    const lead = await waitFor(
      () =>
        env.DB.prepare(
          "SELECT score, fit_score, behaviour_score, scored_at FROM leads WHERE id = ? AND scored_at IS NOT NULL",
        )
          .bind(leadId)
          .first<{ score: number; fit_score: number; behaviour_score: number }>(),
      "the lead to be scored",
    );
    expect(lead).toMatchObject({ fit_score: 20, behaviour_score: 10, score: 30 });
    const reasons = await env.DB.prepare(
      "SELECT reason FROM score_ledger WHERE lead_id = ? ORDER BY id",
    )
      .bind(leadId)
      .all<{ reason: string }>();
    expect(reasons.results.map((r) => r.reason)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Senior job title/),
        expect.stringMatching(/^Phone number given/),
        expect.stringMatching(/^Requested gated content: gate submitted/),
      ]),
    );
    expect(await ledgerSumsMatchScores()).toEqual([]);
  });
});
