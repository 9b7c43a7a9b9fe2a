// Drives the scoring service directly (its return values are the subject); whatever it queues goes to the real queue (env.JOBS).
import { describe, it, expect, beforeAll } from "vitest";
import { env } from "cloudflare:workers";
import { ATTRIBUTION_MODELS } from "../../src/domain/vocabulary";
import { db, makeAsset } from "../support/fixtures";
import { addTouch, insertLead, ledgerSumsMatchScores } from "../support/leads";
import { ensureDefaultRules } from "../../src/services/scoring/default-rules";
import {
  scoreAndQualify as scoreEvents,
  decayAndQualify as decayRange,
} from "../../src/services/qualification/score-and-qualify";
import { decayMessages, isDecayTick } from "../../src/services/scoring/decay-pass";

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 5, 1, 12);

describe("scoring a lead as events arrive", () => {
  beforeAll(async () => void (await ensureDefaultRules(db())));

  it("becomes an MQL once, on the event that crosses the threshold, and credits its touches once", async () => {
    const asset = await makeAsset();
    const leadId = await insertLead({
      job_title: "VP Engineering",
      company_size: "5000+",
      created_at: T0,
    });
    await addTouch(leadId, asset.id, T0);
    const deps = { db: db(), webhooks: env.WEBHOOKS, jobs: env.JOBS, threshold: 50 };

    const first = await scoreEvents(
      deps,
      leadId,
      [{ type: "gate_submitted", at: T0, data: { new: true } }],
      T0,
    );
    expect(first).toEqual({ ok: true, value: { score: 40, qualified: false } });
    const second = await scoreEvents(
      deps,
      leadId,
      [
        { type: "email_clicked", at: T0 + 1000, data: null },
        { type: "downloaded", at: T0 + 1000, data: null },
      ],
      T0 + 1000,
    );
    expect(second).toEqual({ ok: true, value: { score: 50, qualified: true } });
    const third = await scoreEvents(
      deps,
      leadId,
      [{ type: "email_clicked", at: T0 + 2000, data: null }],
      T0 + 2000,
    );
    expect(third).toEqual({ ok: true, value: { score: 55, qualified: false } });

    const lead = await env.DB.prepare("SELECT stage, mql_at FROM leads WHERE id = ?")
      .bind(leadId)
      .first();
    expect(lead).toEqual({ stage: "mql", mql_at: T0 + 1000 });
    const history = await env.DB.prepare(
      "SELECT from_stage, to_stage, reason FROM stage_history WHERE lead_id = ?",
    )
      .bind(leadId)
      .all();
    expect(history.results).toEqual([
      { from_stage: "lead", to_stage: "mql", reason: "Score 50 reached the MQL threshold of 50" },
    ]);
    const credit = await env.DB.prepare(
      "SELECT model, mqls FROM attributed_daily WHERE asset_id = ? ORDER BY model",
    )
      .bind(asset.id)
      .all();
    // One touch: every model credits it the whole MQL, once.
    expect(credit.results).toEqual(
      [...ATTRIBUTION_MODELS].sort().map((model) => ({ model, mqls: 1 })),
    );
    expect(await ledgerSumsMatchScores()).toEqual([]);
  });

  it("an erased or unknown lead is not scored", async () => {
    expect(
      await scoreEvents(
        { db: db(), webhooks: env.WEBHOOKS, jobs: env.JOBS, threshold: 50 },
        99_999_999,
        [{ type: "downloaded", at: T0, data: null }],
        T0,
      ),
    ).toEqual({ ok: true, value: null });
  });

  it("a writer that read a stale lead rolls back and asks to retry", async () => {
    const leadId = await insertLead({ created_at: T0 });
    await env.DB.prepare("UPDATE leads SET score_version = 7 WHERE id = ?").bind(leadId).run();
    const { loadLeadForScoring } = await import("../../src/services/scoring/state");
    const { planScore } = await import("../../src/services/scoring/reconcile");
    const { writeScores } = await import("../../src/services/scoring/write-score");
    const { rules, lead } = await loadLeadForScoring(db(), leadId);
    const plan = planScore({
      rules,
      profile: lead!.profile,
      ledger: lead!.ledger,
      events: [{ type: "downloaded", at: T0 }],
      lead: lead!,
      threshold: 50,
      now: T0,
    });
    await env.DB.prepare("UPDATE leads SET score_version = 8 WHERE id = ?").bind(leadId).run(); // another worker wrote meanwhile
    const out = await writeScores(db(), [{ lead: lead!, plan, announceScoreChange: false }], T0);
    expect(out).toMatchObject({ ok: false, retryable: true });
    const rows = await env.DB.prepare("SELECT count(*) AS n FROM score_ledger WHERE lead_id = ?")
      .bind(leadId)
      .first<{ n: number }>();
    expect(rows!.n).toBe(0);
  });
});

describe("the daily decay pass", () => {
  it("runs at 03:00 UTC only and splits the id space into bounded ranges", () => {
    expect(isDecayTick(Date.UTC(2026, 0, 1, 3, 0, 30))).toBe(true);
    expect(isDecayTick(Date.UTC(2026, 0, 1, 3, 1))).toBe(false);
    expect(decayMessages(1200, 5, 500).map((m) => [m.fromId, m.toId])).toEqual([
      [1, 500],
      [501, 1000],
      [1001, 1200],
    ]);
  });

  it("fades behaviour points, keeps the ledger equal to the score, and is a no-op when repeated", async () => {
    await ensureDefaultRules(db());
    const deps = { db: db(), webhooks: env.WEBHOOKS, jobs: env.JOBS, threshold: 500 };
    const a = await insertLead({ created_at: T0 });
    const b = await insertLead({ created_at: T0, email: `b${Date.now()}@gmail.com` });
    for (const id of [a, b])
      await scoreEvents(
        deps,
        id,
        [
          { type: "email_clicked", at: T0, data: null },
          { type: "gate_submitted", at: T0, data: { new: true } },
        ],
        T0,
      );
    const before = await env.DB.prepare(
      "SELECT id, score, behaviour_score FROM leads WHERE id IN (?, ?) ORDER BY id",
    )
      .bind(a, b)
      .all<{ id: number; score: number; behaviour_score: number }>();
    expect(before.results.map((r) => r.behaviour_score)).toEqual([15, 15]);

    const at = T0 + 30 * DAY; // gate points have a 30-day half-life, clicks 14 days
    const out = await decayRange(deps, Math.min(a, b), Math.max(a, b), at);
    expect(out).toEqual({ ok: true, value: { leads: 2, changed: 2 } });
    const after = await env.DB.prepare(
      "SELECT behaviour_score, fit_score, score FROM leads WHERE id IN (?, ?) ORDER BY id",
    )
      .bind(a, b)
      .all();
    expect(after.results).toEqual([
      { behaviour_score: 5 + 1, fit_score: 0, score: 6 },
      { behaviour_score: 6, fit_score: -10, score: -4 },
    ]);
    expect(await decayRange(deps, Math.min(a, b), Math.max(a, b), at)).toEqual({
      ok: true,
      value: { leads: 2, changed: 0 },
    });
    expect(await ledgerSumsMatchScores()).toEqual([]);
  });
});
