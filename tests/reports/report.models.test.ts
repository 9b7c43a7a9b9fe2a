import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { env } from "cloudflare:workers";
import { login } from "../admin/support/browser-like";
import { fetchWorker, postJson } from "../support/http";
import { db, makeAsset } from "../support/fixtures";
import { addDays } from "../../src/domain/report-days";
import { ATTRIBUTION_MODELS } from "../../src/domain/vocabulary";
import { batch } from "../../src/store/batch";
import { creditConversion } from "../../src/services/reports/credit";
import { ADMIN, addSpend, buildWorld, gate } from "./support/report-fixture";

type Row = Record<string, number | string | null>;
interface ReportJson {
  model: string;
  rows: Row[];
  totals: Row;
}

let world: Awaited<ReturnType<typeof buildWorld>>;
let from: string;
let to: string;
const journey: Record<"x" | "y" | "z" | "w", number> = { x: 0, y: 0, z: 0, w: 0 };
const pause = () => new Promise((r) => setTimeout(r, 5));

beforeAll(async () => {
  world = await buildWorld();
  await addSpend(world.today, world.b.id);
  from = addDays(world.today, -1);
  to = addDays(world.today, 2);
  // One more lead, each touch on its own asset: paid (X), email (Y), social (Z), it becomes an MQL,
  // then a direct visit (W), then sales accept it.
  const [x, y, z, w] = [await makeAsset(), await makeAsset(), await makeAsset(), await makeAsset()];
  Object.assign(journey, { x: x.id, y: y.id, z: z.id, w: w.id });
  const email = "journey@models.test";
  const lead = await gate(x.slug, { email, utm_source: "google", utm_medium: "cpc" });
  await gate(y.slug, { email, utm_source: "newsletter", utm_medium: "email" });
  await gate(z.slug, { email, utm_medium: "social" });
  await pause();
  const mqlAt = Date.now();
  // What qualification's batch does: the lead's mql_at, then the MQL credited.
  await batch(db(), [sqlUpdateMql(lead, mqlAt), ...creditConversion(lead, "mqls", 1, mqlAt)]);
  await pause();
  await gate(w.slug, { email });
  await pause();
  const accepted = await postJson(
    `/api/v1/leads/${lead}/outcomes`,
    { stage: "accepted", external_id: "journey-accepted" },
    { headers: ADMIN },
  );
  expect(accepted.status, await accepted.clone().text()).toBeLessThan(300);
});

const sqlUpdateMql = (lead: number, at: number) =>
  sql`UPDATE leads SET mql_at = ${at}, stage = 'mql' WHERE id = ${lead}`;

async function report(params: Record<string, string>): Promise<ReportJson> {
  const res = await fetchWorker(
    `/api/v1/reports/performance?${new URLSearchParams({ from, to, ...params })}`,
    { headers: ADMIN },
  );
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}
const KEYS = [
  "leads",
  "mqls",
  "accepted",
  "won",
  "revenue_minor",
  "views",
  "submissions",
  "new_leads",
  "spend_minor",
];

describe("every attribution model through the same performance report", () => {
  it.each(ATTRIBUTION_MODELS)(
    "%s: the totals of leads, MQLs, accepted, won and revenue equal first_touch's, and its rows add up to them",
    async (model) => {
      const first = await report({ model: "first_touch" });
      const r = await report({ model });
      expect(r.model).toBe(model);
      expect(r.totals.leads).toBeCloseTo(7, 9);
      for (const key of KEYS) {
        expect(r.totals[key], key).toBeCloseTo(first.totals[key] as number, 9);
        const sum = r.rows.reduce((s, row) => s + (row[key] as number), 0);
        // Each row's figures are rounded to 6 decimals, the totals are summed before rounding.
        expect(sum, `${key} rows`).toBeCloseTo(r.totals[key] as number, 5);
      }
      const fine = await report({ model, by: "asset,channel,campaign" });
      for (const key of KEYS)
        expect(fine.totals[key], key).toBeCloseTo(first.totals[key] as number, 9);
    },
  );

  // The journey X (paid) → Y (email) → Z (social) → MQL → W (direct) → accepted, per asset.
  it.each([
    ["first_touch", "leads", [1, 0, 0, 0]],
    ["last_touch", "leads", [0, 0, 0, 1]],
    ["linear", "leads", [0.25, 0.25, 0.25, 0.25]],
    // 40 % first, 40 % last, the 20 % split over the two middle touches.
    ["position_based", "leads", [0.4, 0.1, 0.1, 0.4]],
    // 30 % first, 30 % the last touch before the MQL (Z), 30 % the last before acceptance (W), 10 % Y.
    ["w_shaped", "leads", [0.3, 0.1, 0.3, 0.3]],
    ["w_shaped", "accepted", [0.3, 0.1, 0.3, 0.3]],
    // At the MQL W had not happened and nobody had accepted: that 30 % went to the last touch so far (Z).
    ["w_shaped", "mqls", [0.3, 0.1, 0.6, 0]],
    ["position_based", "mqls", [0.4, 0.2, 0.4, 0]],
    // Seconds apart at a 7-day half-life: practically equal.
    ["time_decay", "leads", [0.25, 0.25, 0.25, 0.25]],
    // No weights computed yet: linear.
    ["data_driven", "leads", [0.25, 0.25, 0.25, 0.25]],
  ] as const)(
    "%s credits %s of a four-touch journey as hand-computed",
    async (model, key, want) => {
      const r = await report({ model });
      const ids = [journey.x, journey.y, journey.z, journey.w];
      const got = ids.map(
        (id) => (r.rows.find((row) => row.asset_id === id)?.[key] as number) ?? 0,
      );
      for (const [i, g] of got.entries()) expect(g, `asset ${"XYZW"[i]}`).toBeCloseTo(want[i]!, 6);
    },
  );

  it.each(["markov", "W_SHAPED", "position-based", ""])(
    "refuses model=%s with a 400 naming model",
    async (model) => {
      const res = await fetchWorker(
        `/api/v1/reports/performance?${new URLSearchParams({ from, to, model })}`,
        { headers: ADMIN },
      );
      expect(res.status).toBe(400);
      const err = (await res.json()) as {
        error: { details: { fields: Record<string, string[]> } };
      };
      expect(Object.keys(err.error.details.fields)).toContain("model");
    },
  );

  it("the dashboard's model switch offers every model and shows the chosen one", async () => {
    const zh = await login(env.ADMIN_TOKEN, "zh-CN");
    const res = await zh.get(`/admin/reports?from=${from}&to=${to}&model=w_shaped`);
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const m of ATTRIBUTION_MODELS) expect(html).toContain(`value="${m}"`);
    expect(html).toMatch(/<option value="w_shaped" selected="">W 型</);
    expect(html).toContain("数据驱动");
    // The chosen model is explained beside the figures.
    expect(html).toContain("销售接受前的最后一次触达各得 30%");
    const en = await login();
    const enHtml = await (await en.get(`/admin?model=data_driven`)).text();
    expect(enHtml).toContain("Data-driven");
    expect(enHtml).toContain("removal effect in a Markov chain");
  });
});
