import { ATTRIBUTION_MODELS } from "../../src/domain/vocabulary";
import { describe, it, expect, beforeAll } from "vitest";
import { env } from "cloudflare:workers";
import { makeAsset } from "../support/fixtures";
import { api, makeToken } from "../support/api";
import { addTouch, insertLead } from "../support/leads";

let sales = "";
beforeAll(async () => {
  sales = (await makeToken(["sales"])).token;
});
const report = (leadId: number, json: unknown) =>
  api(`/api/v1/leads/${leadId}/outcomes`, { method: "POST", token: sales, json });
const credit = (assetId: number) =>
  env.DB.prepare(
    "SELECT model, accepted, won, revenue_minor FROM attributed_daily WHERE asset_id = ? ORDER BY model",
  )
    .bind(assetId)
    .all()
    .then((r) => r.results);

describe("sales reports outcomes back", () => {
  it("accepted then won moves the stage, keeps history, and credits the lead's assets and channels", async () => {
    const asset = await makeAsset();
    const leadId = await insertLead({ stage: "mql" });
    await addTouch(leadId, asset.id, Date.now());
    const accepted = await report(leadId, { stage: "accepted", external_id: `acc-${leadId}` });
    expect(accepted.status).toBe(201);
    const won = await report(leadId, {
      stage: "won",
      amount: 12500.5,
      currency: "usd",
      external_id: `won-${leadId}`,
      reason: "Signed",
    });
    expect(won.status).toBe(201);
    expect(await won.json()).toMatchObject({
      stage: "won",
      amount_minor: 1250050,
      currency: "USD",
      created: true,
    });

    const lead = await env.DB.prepare("SELECT stage FROM leads WHERE id = ?").bind(leadId).first();
    expect(lead).toEqual({ stage: "customer" });
    const history = await env.DB.prepare(
      "SELECT from_stage, to_stage FROM stage_history WHERE lead_id = ? ORDER BY id",
    )
      .bind(leadId)
      .all();
    expect(history.results).toEqual([
      { from_stage: "mql", to_stage: "sql" },
      { from_stage: "sql", to_stage: "customer" },
    ]);
    expect(await credit(asset.id)).toEqual(
      [...ATTRIBUTION_MODELS].sort().map((model) => ({
        model,
        accepted: 1,
        won: 1,
        revenue_minor: 1250050,
      })),
    );
  });

  it("the same external_id twice records one outcome and credits once", async () => {
    const asset = await makeAsset();
    const leadId = await insertLead({ stage: "sql" });
    await addTouch(leadId, asset.id, Date.now());
    const body = { stage: "won", amount: 900, currency: "USD", external_id: `dup-${leadId}` };
    const [a, b] = [await report(leadId, body), await report(leadId, body)];
    expect([a.status, b.status]).toEqual([201, 200]);
    expect(((await b.json()) as { created: boolean }).created).toBe(false);
    const n = await env.DB.prepare("SELECT count(*) AS n FROM outcomes WHERE lead_id = ?")
      .bind(leadId)
      .first<{ n: number }>();
    expect(n!.n).toBe(1);
    expect((await credit(asset.id)).map((r) => r.won)).toEqual(ATTRIBUTION_MODELS.map(() => 1));
  });

  it("won straight from MQL also counts as accepted; lost disqualifies without credit", async () => {
    const asset = await makeAsset();
    const a = await insertLead({ stage: "mql" });
    const b = await insertLead({ stage: "mql" });
    await addTouch(a, asset.id, Date.now());
    await addTouch(b, asset.id, Date.now());
    expect(
      (await report(a, { stage: "won", amount: 10, currency: "USD", external_id: `w-${a}` }))
        .status,
    ).toBe(201);
    expect(
      (await report(b, { stage: "lost", reason: "No budget", external_id: `l-${b}` })).status,
    ).toBe(201);
    expect((await credit(asset.id)).map((r) => [r.accepted, r.won])).toEqual(
      ATTRIBUTION_MODELS.map(() => [1, 1]),
    );
    expect(await env.DB.prepare("SELECT stage FROM leads WHERE id = ?").bind(b).first()).toEqual({
      stage: "disqualified",
    });
  });
});
