import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { db, makeAsset } from "../support/fixtures";
import { batch } from "../../src/store/batch";
import { creditConversion } from "../../src/services/reports/credit";
import { rollUpTouches } from "../../src/services/reports/touch-credit";
import {
  WEIGHTS_REFRESH_MS,
  refreshJourneyWeights,
} from "../../src/services/reports/journey-weights";
import { gate } from "./support/report-fixture";

const q = <T>(sqlText: string, ...binds: unknown[]) =>
  env.DB.prepare(sqlText)
    .bind(...binds)
    .all<T>()
    .then((r) => r.results);

async function refreshFully(now: number) {
  const steps: string[] = [];
  for (let i = 0; i < 20; i++) {
    const s = await refreshJourneyWeights(db(), now, 2);
    steps.push(s);
    if (s !== "counted") break;
  }
  return steps;
}

describe("the data-driven model's weights, from the path table refreshed by the cron", () => {
  it("counts the journeys in bounded chunks, weights channels by removal effect, and credits new conversions by them", async () => {
    const [a, b, c, d] = await Promise.all([1, 2, 3, 4].map(() => makeAsset()));
    // The textbook journeys: paid > email > social becomes an MQL; paid alone and email > social do not.
    const l1 = await gate(a!.slug, { email: "j1@dd.test", utm_medium: "cpc" });
    await gate(b!.slug, { email: "j1@dd.test", utm_medium: "email" });
    await gate(c!.slug, { email: "j1@dd.test", utm_medium: "social" });
    await gate(d!.slug, { email: "j2@dd.test", utm_medium: "cpc" });
    await gate(b!.slug, { email: "j3@dd.test", utm_medium: "email" });
    await gate(c!.slug, { email: "j3@dd.test", utm_medium: "social" });
    await env.DB.prepare("UPDATE leads SET mql_at = ? WHERE id = ?").bind(Date.now(), l1).run();
    await rollUpTouches(db(), Date.now());
    expect(
      (await q<{ path: string }>("SELECT path FROM lead_paths ORDER BY lead_id")).map(
        (r) => r.path,
      ),
    ).toEqual(["paid>email>social", "paid", "email>social"]);

    const now = Date.now();
    // Three journeys, two a tick: two chunks counted, then the weights written.
    expect(await refreshFully(now)).toEqual(["counted", "counted", "weighted"]);
    const weights = await q<{ stage: string; channel: string; weight: number }>(
      "SELECT stage, channel, weight FROM markov_weights WHERE version = 1 ORDER BY stage, channel",
    );
    // Hand-computed in tests/attribution/models.test.ts: 0.2 / 0.4 / 0.4. Nobody was accepted or won.
    expect(weights.map((w) => [w.stage, w.channel, +w.weight.toFixed(9)])).toEqual([
      ["mql", "email", 0.4],
      ["mql", "paid", 0.2],
      ["mql", "social", 0.4],
    ]);
    expect(await q("SELECT * FROM markov_transitions")).toEqual([]);
    // Fresh weights: the next ticks do nothing until a day has passed, then a new scan begins.
    expect(await refreshJourneyWeights(db(), now + 60_000)).toBe("idle");
    expect(await refreshJourneyWeights(db(), now + WEIGHTS_REFRESH_MS, 2)).toBe("counted");

    // A new MQL is shared by the weights: paid 0.2, email 0.4, social 0.4 over assets A, B, C.
    await batch(db(), creditConversion(l1, "mqls", 1, now));
    const mqls = await q<{ asset_id: number; mqls: number }>(
      "SELECT asset_id, sum(mqls) AS mqls FROM asset_model_daily WHERE model = 'data_driven' AND mqls > 0 GROUP BY asset_id ORDER BY asset_id",
    );
    expect(mqls.map((r) => [r.asset_id, +r.mqls.toFixed(9)])).toEqual([
      [a!.id, 0.2],
      [b!.id, 0.4],
      [c!.id, 0.4],
    ]);
  });

  it("re-credits a lead under the new weights when it is next touched, taking back exactly what it gave before", async () => {
    const [p, m] = [await makeAsset(), await makeAsset()];
    const lead = await gate(p.slug, { email: "again@dd.test", utm_medium: "cpc" });
    await rollUpTouches(db(), Date.now());
    // Weights arrive after the lead was credited (linear, all of it on P): paid 0.25, email 0.75.
    await env.DB.exec(
      "INSERT INTO markov_weights (version, stage, channel, weight, computed_at) SELECT coalesce(max(version), 0) + 1, 'mql', 'paid', 0.25, 0 FROM markov_weights",
    );
    await env.DB.exec(
      "INSERT INTO markov_weights (version, stage, channel, weight, computed_at) SELECT max(version), 'mql', 'email', 0.75, 0 FROM markov_weights",
    );
    await gate(m.slug, { email: "again@dd.test", utm_medium: "email" });
    await rollUpTouches(db(), Date.now());
    const cells = await q<{ asset_id: number; leads: number }>(
      "SELECT asset_id, sum(leads) AS leads FROM attributed_daily WHERE model = 'data_driven' AND asset_id IN (?, ?) GROUP BY asset_id ORDER BY asset_id",
      p.id,
      m.id,
    );
    expect(cells.map((r) => [r.asset_id, +r.leads.toFixed(9)])).toEqual([
      [p.id, 0.25],
      [m.id, 0.75],
    ]);
    const [row] = await q<{ credited_version: number }>(
      "SELECT credited_version FROM lead_paths WHERE lead_id = ?",
      lead,
    );
    expect(row!.credited_version).toBe(
      (await q<{ v: number }>("SELECT max(version) AS v FROM markov_weights"))[0]!.v,
    );
  });
});
