// Rows D1 writes and reads to credit one conversion (an MQL; a won deal: accepted + won + revenue) and one
// swept touch, under the three original attribution models and under all of them, from D1's own meta.
// Run with the capture bench (`npx vitest run --config bench/vitest.capture.config.ts`), never by `npm test`.
import { env } from "cloudflare:workers";
import { expect, it } from "vitest";
import { getDb } from "../src/db/client";
import { ATTRIBUTION_MODELS, type AttributionModel } from "../src/domain/vocabulary";
import { batch } from "../src/store/batch";
import { creditConversion } from "../src/store/rollups";
import { sql } from "drizzle-orm";
import { touchCreditStatements } from "../src/store/rollups";
import { upsertSweptPaths } from "../src/store/lead-paths";

const ORIGINAL: readonly AttributionModel[] = ["first_touch", "last_touch", "linear"];
let nextLead = 9000;

async function leadWithTouches(n: number): Promise<number> {
  const lead = nextLead++;
  const at = Date.now() - n * 86_400_000;
  await env.DB.exec(
    `INSERT INTO leads (id, email, referral_code, created_at, updated_at) VALUES (${lead}, 'b${lead}@bench.test', 'r${lead}', ${at}, ${at})`,
  );
  const values = Array.from(
    { length: n },
    (_, i) =>
      `(${lead}, ${100 + i}, ${at + i * 86_400_000}, '${["paid", "email", "social"][i % 3]}', 'c${i}')`,
  );
  await env.DB.exec(
    `INSERT INTO touches (lead_id, asset_id, at, channel, utm_campaign) VALUES ${values.join(", ")}`,
  );
  return lead;
}

const meter = (rs: D1Result[]) => ({
  written: rs.reduce((s, r) => s + (r.meta.rows_written ?? 0), 0),
  read: rs.reduce((s, r) => s + (r.meta.rows_read ?? 0), 0),
});

it("rows written per conversion and per swept touch, three models vs all", async () => {
  const db = getDb(env.DB);
  const out: Record<string, unknown>[] = [];
  for (const touches of [1, 3, 5]) {
    for (const [label, models] of [
      ["3 models (before)", ORIGINAL],
      [`${ATTRIBUTION_MODELS.length} models (after)`, ATTRIBUTION_MODELS],
    ] as const) {
      const lead = await leadWithTouches(touches);
      const now = Date.now();
      const mql = meter(await batch(db, creditConversion(lead, "mqls", 1, now, { models })));
      const won = meter(
        await batch(db, [
          ...creditConversion(lead, "accepted", 1, now, { models }),
          ...creditConversion(lead, "won", 1, now, { models, revenueMinor: 10_000 }),
        ]),
      );
      out.push({ touches, models: label, mql, won });
    }
  }
  // The touch-credit sweep's statements over 100 leads × 3 touches, metered.
  const first = nextLead;
  for (let i = 0; i < 100; i++) await leadWithTouches(3);
  const range = (await env.DB.prepare(
    `SELECT min(id) - 1 AS a, max(id) AS b FROM touches WHERE lead_id >= ${first}`,
  ).first<{ a: number; b: number }>())!;
  const sweep = meter(
    await batch(db, [
      ...touchCreditStatements(range.a, range.b, sql`1`),
      upsertSweptPaths(range.a, range.b, sql`1`),
    ]),
  );
  const perTouch = { written: sweep.written / 300, read: sweep.read / 300 };
  expect(perTouch.written).toBeGreaterThan(0);
  for (const row of out) console.log(`[bench] conversion ${JSON.stringify(row)}`);
  console.log(`[bench] sweep per touch (3-touch leads) ${JSON.stringify(perTouch)}`);
  console.log(`LODESTONE_BENCH_CONVERSION_ROWS ${JSON.stringify({ out, perTouch })}`);
});
