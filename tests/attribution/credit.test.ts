import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { creditShares } from "../../src/domain/attribution-models";
import { creditConversion } from "../../src/services/reports/credit";
import { batch } from "../../src/store/batch";
import { db } from "../support/fixtures";

const touches = [
  { id: 3, assetId: 2, channel: "social", campaign: "" },
  { id: 1, assetId: 1, channel: "paid", campaign: "spring" },
  { id: 7, assetId: 1, channel: "paid", campaign: "spring" },
  { id: 9, assetId: 3, channel: "email", campaign: "" },
];

describe("attribution models", () => {
  it.each([
    ["first_touch", [{ assetId: 1, channel: "paid", campaign: "spring", share: 1 }]],
    ["last_touch", [{ assetId: 3, channel: "email", campaign: "", share: 1 }]],
    [
      "linear",
      [
        { assetId: 1, channel: "paid", campaign: "spring", share: 0.5 },
        { assetId: 2, channel: "social", campaign: "", share: 0.25 },
        { assetId: 3, channel: "email", campaign: "", share: 0.25 },
      ],
    ],
  ] as const)("%s shares credit as the model says", (model, expected) => {
    expect(creditShares(touches, model)).toEqual(expected);
  });

  it("gives no credit when a lead has no touches", () => {
    expect(creditShares([], "linear")).toEqual([]);
  });

  it("the rollup SQL credits exactly what the pure model computes, for every model", async () => {
    const d = db();
    await env.DB.exec(
      "INSERT INTO touches (id, lead_id, asset_id, at, channel, utm_campaign) VALUES (1, 500, 1, 1, 'paid', 'spring'), (3, 500, 2, 2, 'social', NULL), (7, 500, 1, 3, 'paid', 'spring'), (9, 500, 3, 4, 'email', NULL)",
    );
    await batch(d, creditConversion(500, "won", 3, Date.UTC(2026, 0, 5)));
    const rows = await env.DB.prepare(
      "SELECT model, asset_id, channel, campaign, won FROM attributed_daily WHERE day = '2026-01-05' ORDER BY model, asset_id",
    ).all();
    const byModel = (m: string) =>
      rows.results
        .filter((r) => r.model === m)
        .map((r) => ({
          assetId: r.asset_id,
          channel: r.channel,
          campaign: r.campaign,
          share: (r.won as number) / 3,
        }));
    for (const model of ["first_touch", "last_touch", "linear"] as const) {
      const expected = creditShares(touches, model).sort((a, b) => a.assetId - b.assetId);
      expect(byModel(model)).toEqual(
        expected.map((e) => ({ ...e, share: expect.closeTo(e.share, 10) })),
      );
    }
  });
});
