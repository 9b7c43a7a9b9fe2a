import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { createExecutionContext, createScheduledController } from "cloudflare:test";
import { creditShares } from "../../src/domain/attribution-models";
import { ATTRIBUTION_MODELS, type AttributionModel } from "../../src/domain/vocabulary";
import { rollUpTouches } from "../../src/services/reports/touch-credit";
import { db, makeAsset } from "../support/fixtures";
import { gate } from "./support/report-fixture";

async function expectedCredit(model: AttributionModel) {
  const touches = await env.DB.prepare(
    "SELECT id, lead_id, asset_id, at, channel, coalesce(utm_campaign, '') AS campaign FROM touches",
  ).all<{
    id: number;
    lead_id: number;
    asset_id: number;
    at: number;
    channel: string;
    campaign: string;
  }>();
  const byLead = new Map<number, typeof touches.results>();
  for (const t of touches.results) byLead.set(t.lead_id, [...(byLead.get(t.lead_id) ?? []), t]);
  const out = new Map<string, number>();
  for (const ts of byLead.values()) {
    for (const c of creditShares(
      ts.map((t) => ({
        id: t.id,
        assetId: t.asset_id,
        channel: t.channel,
        campaign: t.campaign,
        at: t.at,
      })),
      model,
    )) {
      const k = `${c.assetId}|${c.channel}|${c.campaign}`;
      out.set(k, (out.get(k) ?? 0) + c.share);
    }
  }
  return out;
}
async function rolledUp(model: string) {
  const rows = await env.DB.prepare(
    "SELECT asset_id, channel, campaign, sum(leads) AS leads FROM attributed_daily WHERE model = ? GROUP BY 1, 2, 3",
  )
    .bind(model)
    .all<{ asset_id: number; channel: string; campaign: string; leads: number }>();
  return new Map(
    rows.results
      .filter((r) => Math.abs(r.leads) > 1e-9)
      .map((r) => [`${r.asset_id}|${r.channel}|${r.campaign}`, r.leads]),
  );
}

describe("the touch-credit sweep", () => {
  it("after each sweep, every lead's credit equals the pure model over all its touches so far, in every model", async () => {
    const [a, b, c] = [await makeAsset(), await makeAsset(), await makeAsset()];
    const steps: [string, string, Record<string, string>][] = [
      [a.slug, "x1@t.test", { utm_medium: "cpc", utm_campaign: "c1" }],
      [b.slug, "x1@t.test", { utm_medium: "email" }],
      [c.slug, "x2@t.test", {}],
      [a.slug, "x1@t.test", { utm_medium: "social", utm_campaign: "c2" }],
      [c.slug, "x2@t.test", { utm_medium: "cpc", utm_campaign: "c1" }],
      [b.slug, "x3@t.test", { utm_medium: "cpc", utm_campaign: "c1" }],
    ];
    // Sweep after 1, then after 3 more, then after the rest: the deltas must telescope whatever the chunking.
    for (const [i, [slug, email, utm]] of steps.entries()) {
      await gate(slug, { email, ...utm });
      if (i === 0 || i === 3 || i === 5) {
        await rollUpTouches(db(), Date.now());
        for (const model of ATTRIBUTION_MODELS) {
          const want = await expectedCredit(model);
          const got = await rolledUp(model);
          expect([...got.keys()].sort(), model).toEqual([...want.keys()].sort());
          for (const [k, v] of want) expect(got.get(k), `${model} ${k}`).toBeCloseTo(v, 9);
          const monthly = await env.DB.prepare(
            "SELECT asset_id, channel, campaign, sum(leads) AS leads FROM campaign_monthly WHERE model = ? GROUP BY 1, 2, 3",
          )
            .bind(model)
            .all<{ asset_id: number; channel: string; campaign: string; leads: number }>();
          for (const r of monthly.results.filter((x) => Math.abs(x.leads) > 1e-9))
            expect(r.leads, `monthly ${model}`).toBeCloseTo(
              want.get(`${r.asset_id}|${r.channel}|${r.campaign}`)!,
              9,
            );
        }
      }
    }
  });

  it("credits each touch once, however often or concurrently it runs", async () => {
    const a = await makeAsset();
    for (let i = 0; i < 5; i++) await gate(a.slug, { email: `once${i}@t.test` });
    await Promise.all([
      rollUpTouches(db(), Date.now()),
      rollUpTouches(db(), Date.now()),
      rollUpTouches(db(), Date.now()),
    ]);
    await rollUpTouches(db(), Date.now());
    const row = await env.DB.prepare(
      "SELECT sum(leads) AS leads, sum(submissions) AS subs, sum(new_leads) AS n FROM asset_model_daily WHERE model = 'linear' AND asset_id = ?",
    )
      .bind(a.id)
      .first<{ leads: number; subs: number; n: number }>();
    expect(row).toEqual({ leads: 5, subs: 5, n: 5 });
  });

  it("works through a backlog in bounded chunks", async () => {
    const a = await makeAsset();
    for (let i = 0; i < 4; i++) await gate(a.slug, { email: `chunk${i}@t.test` });
    let rounds = 0;
    while ((await rollUpTouches(db(), Date.now(), 2)) > 0) rounds++;
    expect(rounds).toBe(2);
    const row = await env.DB.prepare(
      "SELECT sum(leads) AS leads FROM asset_model_daily WHERE model = 'first_touch' AND asset_id = ?",
    )
      .bind(a.id)
      .first<{ leads: number }>();
    expect(row!.leads).toBe(4);
  });

  it("the cron tick credits touches that arrived since the last one", async () => {
    const a = await makeAsset();
    await gate(a.slug, { email: "cron1@t.test" });
    await gate(a.slug, { email: "cron2@t.test" });
    const worker = (await import("../../src/index")).default;
    await worker.scheduled!(
      createScheduledController({ scheduledTime: Date.now(), cron: "* * * * *" }),
      env,
      createExecutionContext(),
    );
    const row = await env.DB.prepare(
      "SELECT sum(leads) AS leads FROM asset_model_daily WHERE model = 'last_touch' AND asset_id = ?",
    )
      .bind(a.id)
      .first<{ leads: number }>();
    expect(row!.leads).toBe(2);
  });
});
