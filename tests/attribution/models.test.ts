import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { creditShares, touchShares, type CreditContext } from "../../src/domain/attribution-models";
import { countTransitions, removalEffectWeights } from "../../src/domain/markov";
import { ATTRIBUTION_MODELS, type AttributionModel } from "../../src/domain/vocabulary";
import { creditConversion } from "../../src/services/reports/credit";
import { batch } from "../../src/store/batch";
import { db } from "../support/fixtures";

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);
// Three touches a week apart: paid on asset 1, email on asset 2, social on asset 3; credited on day 14.
const three = [
  { id: 1, assetId: 1, channel: "paid", campaign: "spring", at: T0 },
  { id: 2, assetId: 2, channel: "email", campaign: "", at: T0 + 7 * DAY },
  { id: 3, assetId: 3, channel: "social", campaign: "", at: T0 + 14 * DAY },
];
const weights = { paid: 0.2, email: 0.4, social: 0.4 };

describe("each attribution model shares one conversion over a lead's touches as documented", () => {
  it.each([
    ["first_touch", [1, 0, 0]],
    ["last_touch", [0, 0, 1]],
    ["linear", [1 / 3, 1 / 3, 1 / 3]],
    // 40 % first, 40 % last, the 20 % middle all to the one middle touch.
    ["position_based", [0.4, 0.2, 0.4]],
    // Ages 14, 7, 0 days at a 7-day half-life: weights ¼, ½, 1 (sum 7/4) → 1/7, 2/7, 4/7.
    ["time_decay", [1 / 7, 2 / 7, 4 / 7]],
    // No MQL, not accepted: both milestones fall on the last touch so far (30 + 30 %), the first gets
    // 30 %, the one touch left over the 10 %.
    ["w_shaped", [0.3, 0.1, 0.6]],
    // Proportional to the channel weights 0.2 / 0.4 / 0.4 (they already add up to 1).
    ["data_driven", [0.2, 0.4, 0.4]],
  ] as const)("%s on a three-touch journey", (model, want) => {
    const got = touchShares(three, model, { at: T0 + 14 * DAY, weights });
    for (const [i, s] of got.entries()) expect(s, `touch ${i + 1}`).toBeCloseTo(want[i]!, 12);
    expect(got.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it.each(ATTRIBUTION_MODELS)("%s gives a one-touch journey all the credit", (model) => {
    expect(touchShares([three[0]!], model, { weights, mqlAt: T0, acceptedAt: T0 })).toEqual([1]);
  });

  it("w_shaped: a lead that reached MQL and was accepted gives 30 % to the first touch and to the last touch before each milestone", () => {
    // Touches on days 0, 7, 10, 14; MQL on day 8 (last touch before it: day 7); accepted on day 15
    // (last touch before it: day 14). The day-10 touch holds no milestone and gets the 10 %.
    const four = [
      ...three.slice(0, 2),
      { ...three[1]!, id: 5, at: T0 + 10 * DAY },
      { ...three[2]!, id: 6 },
    ];
    const ctx = { mqlAt: T0 + 8 * DAY, acceptedAt: T0 + 15 * DAY };
    expect(touchShares(four, "w_shaped", ctx).map((s) => +s.toFixed(12))).toEqual([
      0.3, 0.3, 0.1, 0.3,
    ]);
    // Two touches, nothing reached: the first holds one slot, the last two; nothing is left over, so ⅓ and ⅔.
    expect(touchShares(three.slice(0, 2), "w_shaped").map((s) => +s.toFixed(12))).toEqual([
      +(1 / 3).toFixed(12),
      +(2 / 3).toFixed(12),
    ]);
  });

  it("data_driven shares linearly while no channel has a weight", () => {
    expect(touchShares(three, "data_driven", {})).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(touchShares(three, "data_driven", { weights: { video: 1 } })).toEqual([
      1 / 3,
      1 / 3,
      1 / 3,
    ]);
  });

  it("merges shares per asset × channel × campaign and they always add up to exactly 1", () => {
    const many = Array.from({ length: 9 }, (_, i) => ({
      id: i + 1,
      assetId: (i % 3) + 1,
      channel: ["paid", "email", "direct"][i % 3]!,
      campaign: "",
      at: T0 + i * 2.5 * DAY,
    }));
    for (const model of ATTRIBUTION_MODELS) {
      const c = creditShares(many, model, {
        mqlAt: T0 + 6 * DAY,
        acceptedAt: T0 + 17 * DAY,
        weights,
      });
      expect(c.length, model).toBeLessThanOrEqual(3);
      expect(
        c.reduce((s, x) => s + x.share, 0),
        model,
      ).toBeCloseTo(1, 12);
    }
  });
});

describe("the data-driven model's Markov removal effect", () => {
  it("weights channels by removal effect on the textbook three-journey example", () => {
    // Journeys: C1 > C2 > C3 converts; C1 does not; C2 > C3 does not.
    // Transitions: start→C1 2/3, start→C2 1/3; C1→C2 ½, C1→null ½; C2→C3 1; C3→conv ½, C3→null ½.
    // P(conv from C3) = ½, from C2 = ½, from C1 = ½·½ = ¼; P(conv) = ⅔·¼ + ⅓·½ = ⅓.
    // Without C1: ⅓·½ = ⅙ → removal effect 1 − ⅙/⅓ = ½. Without C2 or C3 nothing converts → 1 each.
    // Normalised: C1 ½/2½ = 0.2, C2 0.4, C3 0.4.
    const no = { mql: false, accepted: false, won: false };
    const transitions = countTransitions([
      { path: ["C1", "C2", "C3"], reached: { mql: true, accepted: false, won: false } },
      { path: ["C1"], reached: no },
      { path: ["C2", "C3"], reached: no },
    ]).filter((t) => t.stage === "mql");
    const w = removalEffectWeights(transitions);
    expect(w.C1).toBeCloseTo(0.2, 12);
    expect(w.C2).toBeCloseTo(0.4, 12);
    expect(w.C3).toBeCloseTo(0.4, 12);
    // At the accepted stage nothing converted: no weights, so the model shares linearly.
    expect(removalEffectWeights(countTransitions([{ path: ["C1"], reached: no }]))).toEqual({});
  });

  it("handles loops between channels (a journey that comes back)", () => {
    // paid > email > paid converts, email does not. p_email = ½·p_paid, p_paid = ½·1 + ½·p_email
    // → p_paid = ⅔, p_email = ⅓; P = ½·⅔ + ½·⅓ = ½. Without paid nothing converts (effect 1);
    // without email: P = ½·½ = ¼ (effect ½). Weights ⅔ and ⅓.
    const w = removalEffectWeights(
      countTransitions([
        { path: ["paid", "email", "paid"], reached: { mql: true, accepted: true, won: true } },
        { path: ["email"], reached: { mql: false, accepted: false, won: false } },
      ]).filter((t) => t.stage === "won"),
    );
    expect(w.paid).toBeCloseTo(2 / 3, 12);
    expect(w.email).toBeCloseTo(1 / 3, 12);
  });
});

describe("the rollup SQL of every model", () => {
  it("credits exactly what the pure model computes, with milestones, weights and touch times", async () => {
    const lead = 700;
    const mqlAt = T0 + 8 * DAY;
    const acceptedAt = T0 + 15 * DAY;
    await env.DB.exec(
      `INSERT INTO leads (id, email, referral_code, mql_at, created_at, updated_at) VALUES (${lead}, 'sql@models.test', 'refsql', ${mqlAt}, ${T0}, ${T0})`,
    );
    await env.DB.exec(
      `INSERT INTO touches (id, lead_id, asset_id, at, channel, utm_campaign) VALUES (11, ${lead}, 1, ${T0}, 'paid', 'spring'), (12, ${lead}, 2, ${T0 + 7 * DAY}, 'email', NULL), (13, ${lead}, 1, ${T0 + 10 * DAY}, 'paid', 'spring'), (14, ${lead}, 3, ${T0 + 14 * DAY}, 'social', NULL)`,
    );
    await env.DB.exec(
      `INSERT INTO outcomes (lead_id, stage, at) VALUES (${lead}, 'accepted', ${acceptedAt})`,
    );
    await env.DB.exec(
      "INSERT INTO markov_weights (version, stage, channel, weight, computed_at) VALUES (1, 'won', 'paid', 0.5, 0), (1, 'won', 'email', 0.3, 0), (1, 'won', 'social', 0.2, 0)",
    );
    const wonAt = T0 + 16 * DAY;
    await batch(db(), creditConversion(lead, "won", 3, wonAt));
    const rows = await env.DB.prepare(
      "SELECT model, asset_id, channel, campaign, won FROM attributed_daily WHERE day = '2026-01-17' ORDER BY asset_id",
    ).all<{
      model: AttributionModel;
      asset_id: number;
      channel: string;
      campaign: string;
      won: number;
    }>();
    const touches = [
      { id: 11, assetId: 1, channel: "paid", campaign: "spring", at: T0 },
      { id: 12, assetId: 2, channel: "email", campaign: "", at: T0 + 7 * DAY },
      { id: 13, assetId: 1, channel: "paid", campaign: "spring", at: T0 + 10 * DAY },
      { id: 14, assetId: 3, channel: "social", campaign: "", at: T0 + 14 * DAY },
    ];
    const ctx: CreditContext = {
      at: wonAt,
      mqlAt,
      acceptedAt,
      weights: { paid: 0.5, email: 0.3, social: 0.2 },
    };
    for (const model of ATTRIBUTION_MODELS) {
      const got = rows.results.filter((r) => r.model === model);
      const want = creditShares(touches, model, ctx).sort((a, b) => a.assetId - b.assetId);
      expect(
        got.map((r) => r.asset_id),
        model,
      ).toEqual(want.map((w) => w.assetId));
      for (const [i, w] of want.entries())
        expect(got[i]!.won / 3, `${model} asset ${w.assetId}`).toBeCloseTo(w.share, 10);
      expect(
        got.reduce((s, r) => s + r.won, 0),
        model,
      ).toBeCloseTo(3, 10);
    }
    // w_shaped by hand: first (paid, 30 %), last before MQL (email, 30 %), the day-10 paid touch (10 %),
    // last before acceptance (social, 30 %): asset 1 gets 40 %, asset 2 30 %, asset 3 30 %.
    const w = rows.results
      .filter((r) => r.model === "w_shaped")
      .map((r) => +(r.won / 3).toFixed(10));
    expect(w).toEqual([0.4, 0.3, 0.3]);
  });
});
