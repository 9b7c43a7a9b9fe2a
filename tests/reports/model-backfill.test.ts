import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { createExecutionContext, createScheduledController } from "cloudflare:test";
import { sql } from "drizzle-orm";
import { db, makeAsset } from "../support/fixtures";
import { postJson } from "../support/http";
import { batch } from "../../src/store/batch";
import { creditConversion } from "../../src/services/reports/credit";
import { rollUpTouches } from "../../src/services/reports/touch-credit";
import { ADDED_MODELS, backfillAddedModels } from "../../src/services/reports/model-backfill";
import { ADMIN, gate } from "./support/report-fixture";
import worker from "../../src/index";

const pause = () => new Promise((r) => setTimeout(r, 3));
const added = ADDED_MODELS.map((m) => `'${m}'`).join(", ");

/** The added models' credit, as comparable rows (rounded: sums of shares in another order). */
async function creditOfAddedModels() {
  const r = (x: number) => +x.toFixed(9);
  const cells = await env.DB.prepare(
    `SELECT model, asset_id, day, channel, campaign, leads, mqls, accepted, won, revenue_minor, mql_hist FROM attributed_daily WHERE model IN (${added}) AND (abs(leads) + mqls + accepted + won + revenue_minor) > 1e-9 ORDER BY 1, 2, 3, 4, 5`,
  ).all<Record<string, number | string>>();
  const assets = await env.DB.prepare(
    `SELECT model, asset_id, day, leads, mqls, accepted, won, revenue_minor FROM asset_model_daily WHERE model IN (${added}) AND (abs(leads) + mqls + accepted + won + revenue_minor) > 1e-9 ORDER BY 1, 2, 3`,
  ).all<Record<string, number | string>>();
  const monthly = await env.DB.prepare(
    `SELECT model, month, campaign, channel, asset_id, leads FROM campaign_monthly WHERE model IN (${added}) AND abs(leads) > 1e-9 ORDER BY 1, 2, 3, 4, 5`,
  ).all<Record<string, number | string>>();
  const round = (rows: Record<string, number | string>[]) =>
    rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([k, v]) => [
          k,
          k === "mql_hist"
            ? Object.fromEntries(
                Object.entries(JSON.parse(v as string)).map(([b, n]) => [b, r(n as number)]),
              )
            : typeof v === "number"
              ? r(v)
              : v,
        ]),
      ),
    );
  return {
    cells: round(cells.results),
    assets: round(assets.results),
    monthly: round(monthly.results),
  };
}

describe("the backfill of the models added after data existed", () => {
  it("gives existing leads and their past conversions the same credit the new models give live ones", async () => {
    const [a, b, c] = [await makeAsset(), await makeAsset(), await makeAsset()];
    const l1 = await gate(a.slug, { email: "old1@bf.test", utm_medium: "cpc", utm_campaign: "q1" });
    await gate(b.slug, { email: "old1@bf.test", utm_medium: "email" });
    await gate(c.slug, { email: "old1@bf.test", utm_medium: "social" });
    const l2 = await gate(b.slug, { email: "old2@bf.test", utm_medium: "cpc", utm_campaign: "q1" });
    await gate(a.slug, { email: "old3@bf.test" });
    await pause();
    const mqlAt = Date.now();
    await batch(db(), [
      sql`UPDATE leads SET mql_at = ${mqlAt}, stage = 'mql' WHERE id = ${l1}`,
      ...creditConversion(l1, "mqls", 1, mqlAt),
    ]);
    await pause();
    // A touch after the MQL: the MQL's credit must not reach it, the lead's credit must.
    await gate(a.slug, { email: "old1@bf.test", utm_medium: "social" });
    await pause();
    for (const [lead, ext] of [
      [l1, "bf-won-1"],
      [l2, "bf-won-2"],
    ] as const) {
      const res = await postJson(
        `/api/v1/leads/${lead}/outcomes`,
        { stage: "won", amount: 300, currency: "USD", external_id: ext },
        { headers: ADMIN },
      );
      expect(res.status, await res.clone().text()).toBeLessThan(300);
    }
    await rollUpTouches(db(), Date.now());
    const live = await creditOfAddedModels();
    expect(live.cells.length).toBeGreaterThan(10);

    // As if the data had come before the models: their credit gone, the backfill queued as 0016 does.
    await env.DB.batch([
      env.DB.prepare(`DELETE FROM attributed_daily WHERE model IN (${added})`),
      env.DB.prepare(`DELETE FROM campaign_monthly WHERE model IN (${added})`),
      env.DB.prepare(
        `UPDATE asset_model_daily SET leads = 0, mqls = 0, accepted = 0, won = 0, revenue_minor = 0, mql_hist = '{}' WHERE model IN (${added})`,
      ),
      env.DB.prepare("DELETE FROM lead_paths"),
      env.DB.prepare(
        "INSERT INTO model_backfill (id, lead_upto, touch_upto, conversions_upto) SELECT 1, (SELECT max(id) FROM leads), (SELECT position FROM rollup_cursors WHERE name = 'touch_credit'), ?",
      ).bind(Date.now()),
    ]);
    expect((await creditOfAddedModels()).cells).toEqual([]);

    // Two leads a chunk: two chunks, then done and the row gone.
    expect(await backfillAddedModels(db(), 2)).toBeGreaterThan(0);
    expect(await backfillAddedModels(db(), 2)).toBeGreaterThan(0);
    expect(await backfillAddedModels(db(), 2)).toBe(0);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM model_backfill").first("n")).toBe(0);
    expect(await backfillAddedModels(db(), 2)).toBe(0);
    expect(await creditOfAddedModels()).toEqual(live);
    expect(
      await env.DB.prepare("SELECT path FROM lead_paths WHERE lead_id = ?").bind(l1).first("path"),
    ).toBe("paid>email>social>social");
  });

  it("runs from the cron tick, a chunk a tick, and stops once done", async () => {
    const a = await makeAsset();
    await gate(a.slug, { email: "tick@bf.test", utm_medium: "cpc" });
    await rollUpTouches(db(), Date.now());
    await env.DB.batch([
      env.DB.prepare(`DELETE FROM attributed_daily WHERE model IN (${added})`),
      env.DB.prepare(`DELETE FROM campaign_monthly WHERE model IN (${added})`),
      env.DB.prepare(
        `UPDATE asset_model_daily SET leads = 0, mqls = 0, accepted = 0, won = 0, revenue_minor = 0, mql_hist = '{}' WHERE model IN (${added})`,
      ),
      env.DB.prepare(
        "INSERT INTO model_backfill (id, lead_upto, touch_upto, conversions_upto) SELECT 1, (SELECT max(id) FROM leads), (SELECT position FROM rollup_cursors WHERE name = 'touch_credit'), ?",
      ).bind(Date.now()),
    ]);
    const leadsOn = (model: string) =>
      env.DB.prepare(
        "SELECT sum(leads) AS n FROM asset_model_daily WHERE model = ? AND asset_id = ?",
      )
        .bind(model, a.id)
        .first<number>("n");
    expect(await leadsOn("w_shaped")).toBe(0);
    const tick = () =>
      worker.scheduled!(
        createScheduledController({ scheduledTime: Date.now(), cron: "* * * * *" }),
        env,
        createExecutionContext(),
      );
    await tick();
    for (const model of ADDED_MODELS) expect(await leadsOn(model), model).toBeCloseTo(1, 9);
    await tick();
    expect(await env.DB.prepare("SELECT count(*) AS n FROM model_backfill").first("n")).toBe(0);
    await tick();
    for (const model of ADDED_MODELS) expect(await leadsOn(model), model).toBeCloseTo(1, 9);
  });

  it("migration 0016 itself queues the backfill over existing data and copies the event counts", async () => {
    const a = await makeAsset();
    await gate(a.slug, { email: "mig1@bf.test", utm_medium: "cpc" });
    await gate(a.slug, { email: "mig2@bf.test", utm_medium: "email" });
    await gate(a.slug, { email: "mig1@bf.test", utm_medium: "social" });
    await rollUpTouches(db(), Date.now());
    await env.DB.prepare("UPDATE asset_model_daily SET views = views + 40 WHERE asset_id = ?")
      .bind(a.id)
      .run();
    const events = async () =>
      (
        await env.DB.prepare(
          `SELECT model, asset_id, day, views, submissions, new_leads, referral_leads FROM asset_model_daily WHERE model IN (${added}) ORDER BY 1, 2, 3`,
        ).all()
      ).results;
    const liveEvents = await events();
    // The weights the earlier ticks computed would share backfilled conversions differently from
    // the live ones: without them both share linearly, as the first test compares.
    await env.DB.exec("DELETE FROM markov_weights");
    const asBefore0015 = () =>
      env.DB.batch([
        env.DB.prepare(`DELETE FROM attributed_daily WHERE model IN (${added})`),
        env.DB.prepare(`DELETE FROM campaign_monthly WHERE model IN (${added})`),
        env.DB.prepare(`DELETE FROM asset_model_daily WHERE model IN (${added})`),
        env.DB.prepare("DELETE FROM lead_paths"),
      ]);
    // The route the first test checks against live credit: the backfill queued by hand.
    await asBefore0015();
    await env.DB.prepare(
      "INSERT INTO model_backfill (id, lead_upto, touch_upto, conversions_upto) SELECT 1, (SELECT max(id) FROM leads), (SELECT position FROM rollup_cursors WHERE name = 'touch_credit'), ?",
    )
      .bind(Date.now())
      .run();
    while ((await backfillAddedModels(db(), 3)) > 0);
    const byHand = await creditOfAddedModels();
    expect(byHand.cells.length).toBeGreaterThan(10);

    // Now the migration's own statements, over the same data as it was before 0015.
    await asBefore0015();
    await pause();
    const migration = env.TEST_MIGRATIONS.find((m) =>
      m.name.endsWith("_models_backfill_seed.sql"),
    )!;
    expect(migration.name).toBe("0020_models_backfill_seed.sql");
    for (const q of migration.queries) await env.DB.prepare(q).run();
    expect(await env.DB.prepare("SELECT count(*) AS n FROM model_backfill").first("n")).toBe(1);
    while ((await backfillAddedModels(db(), 3)) > 0);
    expect(await creditOfAddedModels()).toEqual(byHand);
    expect(await events()).toEqual(liveEvents);
  });
});
