// The touch-credit sweep: rolls new touches into the lead-credit rollups, off the capture hot path.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../env";
import { batch } from "../../store/batch";
import { ATTRIBUTION_MODELS, type AttributionModel } from "../../db/schema";

const CURSOR = "touch_credit";
const dayOf = (ms: SQL) => sql`strftime('%Y-%m-%d', ${ms} / 1000, 'unixepoch')`;

/** A lead's credit share for touch t, counting only the lead's touches with id <= k (mirrors creditShares). */
function shareUpTo(model: AttributionModel, k: number): SQL {
  switch (model) {
    case "first_touch":
      return sql`CASE WHEN t.id = (SELECT min(id) FROM touches WHERE lead_id = t.lead_id) THEN 1.0 ELSE 0 END`;
    case "last_touch":
      return sql`CASE WHEN t.id = (SELECT max(id) FROM touches WHERE lead_id = t.lead_id AND id <= ${k}) THEN 1.0 ELSE 0 END`;
    case "linear":
      return sql`1.0 / (SELECT count(*) FROM touches WHERE lead_id = t.lead_id AND id <= ${k})`;
  }
}

/**
 * The change in a lead's credit when touches (a, b] arrive: its shares over touches <= b minus its
 * shares over touches <= a. Applied once per touch range, these deltas telescope, so after every
 * sweep the rollups hold each lead's credit over all its touches, on the day the lead was created.
 */
function creditDelta(model: AttributionModel, a: number, b: number): SQL {
  const affected = sql`(SELECT DISTINCT lead_id FROM touches WHERE id > ${a} AND id <= ${b})`;
  return sql`
    SELECT t.asset_id, t.channel, coalesce(t.utm_campaign, '') AS campaign, ${dayOf(sql`l.created_at`)} AS day, ${shareUpTo(model, b)} AS credit
    FROM touches t JOIN leads l ON l.id = t.lead_id WHERE t.lead_id IN ${affected} AND t.id <= ${b}
    UNION ALL
    SELECT t.asset_id, t.channel, coalesce(t.utm_campaign, ''), ${dayOf(sql`l.created_at`)}, -(${shareUpTo(model, a)})
    FROM touches t JOIN leads l ON l.id = t.lead_id WHERE t.lead_id IN ${affected} AND t.id <= ${a}`;
}

export function touchCreditStatements(a: number, b: number, guard: SQL): SQL[] {
  const models = sql.raw(ATTRIBUTION_MODELS.map((m) => `SELECT '${m}' AS model`).join(" UNION ALL "));
  const isFirst = sql`t.id = (SELECT min(id) FROM touches WHERE lead_id = t.lead_id)`;
  return [
    ...ATTRIBUTION_MODELS.flatMap((model) => [
      sql`
        INSERT INTO attributed_daily (model, asset_id, day, channel, campaign, leads)
        SELECT ${model}, asset_id, day, channel, campaign, sum(credit) FROM (${creditDelta(model, a, b)})
        WHERE ${guard} GROUP BY asset_id, day, channel, campaign HAVING abs(sum(credit)) > 1e-12
        ON CONFLICT (model, asset_id, day, channel, campaign) DO UPDATE SET leads = leads + excluded.leads`,
      sql`
        INSERT INTO campaign_monthly (model, month, campaign, channel, asset_id, leads)
        SELECT ${model}, substr(day, 1, 7) AS month, campaign, channel, asset_id, sum(credit) FROM (${creditDelta(model, a, b)})
        WHERE ${guard} GROUP BY month, campaign, channel, asset_id HAVING abs(sum(credit)) > 1e-12
        ON CONFLICT (model, month, campaign, channel, asset_id) DO UPDATE SET leads = leads + excluded.leads`,
      sql`
        INSERT INTO asset_model_daily (model, asset_id, day, leads)
        SELECT ${model}, asset_id, day, sum(credit) FROM (${creditDelta(model, a, b)})
        WHERE ${guard} GROUP BY asset_id, day HAVING abs(sum(credit)) > 1e-12
        ON CONFLICT (model, asset_id, day) DO UPDATE SET leads = leads + excluded.leads`,
    ]),
    // Event counts of the new touches, the same in every model's row.
    sql`
      INSERT INTO asset_model_daily (model, asset_id, day, submissions, new_leads, referral_leads)
      SELECT m.model, s.asset_id, s.day, s.submissions, s.new_leads, s.referral_leads
      FROM (
        SELECT t.asset_id, ${dayOf(sql`t.at`)} AS day, count(*) AS submissions, sum(${isFirst}) AS new_leads,
          sum(${isFirst} AND l.referred_by_lead_id IS NOT NULL) AS referral_leads
        FROM touches t JOIN leads l ON l.id = t.lead_id WHERE t.id > ${a} AND t.id <= ${b} GROUP BY t.asset_id, day
      ) s CROSS JOIN (${models}) m
      WHERE ${guard}
      ON CONFLICT (model, asset_id, day) DO UPDATE SET
        submissions = submissions + excluded.submissions, new_leads = new_leads + excluded.new_leads, referral_leads = referral_leads + excluded.referral_leads`,
  ];
}

/**
 * Credits up to `limit` touches past the watermark. The watermark moves only if nobody moved it
 * first, and every statement checks this run's nonce, so concurrent or repeated runs credit each
 * touch exactly once. Returns how many touches were credited.
 */
export async function rollUpTouches(db: Db, now: number, limit = 5000): Promise<number> {
  const [state] = await db.all<{ a: number | null; b: number | null }>(sql`
    SELECT c.position AS a, (SELECT max(id) FROM (SELECT id FROM touches WHERE id > coalesce(c.position, 0) ORDER BY id LIMIT ${limit})) AS b
    FROM (SELECT (SELECT position FROM rollup_cursors WHERE name = ${CURSOR}) AS position) c`);
  const a = state?.a ?? 0;
  const b = state?.b ?? null;
  if (b === null || b <= a) return 0;
  const nonce = crypto.randomUUID();
  const guard = sql`EXISTS (SELECT 1 FROM rollup_cursors WHERE name = ${CURSOR} AND nonce = ${nonce})`;
  const results = await batch(db, [
    sql`
      INSERT INTO rollup_cursors (name, position, nonce, updated_at) VALUES (${CURSOR}, ${b}, ${nonce}, ${now})
      ON CONFLICT (name) DO UPDATE SET position = excluded.position, nonce = excluded.nonce, updated_at = excluded.updated_at
      WHERE rollup_cursors.position = ${a}`,
    ...touchCreditStatements(a, b, guard),
    sql`SELECT count(*) AS n FROM touches WHERE id > ${a} AND id <= ${b} AND ${guard}`,
  ]);
  return ((results.at(-1)!.results as { n: number }[])[0]?.n) ?? 0;
}

/** Sweeps until nothing is left (bounded), so a report read right after a capture sees it. */
export async function catchUpTouches(db: Db, now: number, maxRounds = 4): Promise<void> {
  for (let i = 0; i < maxRounds; i++) if ((await rollUpTouches(db, now)) === 0) return;
}
