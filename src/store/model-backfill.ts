// The one-off backfill of the attribution models added after data existed (model_backfill): its progress and the conversions to credit.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../env";
import { modelBackfill } from "../db/schema";

export type BackfillState = typeof modelBackfill.$inferSelect;

export async function backfillState(db: Db): Promise<BackfillState | undefined> {
  const [row] = await db.select().from(modelBackfill);
  return row;
}

/** Moves the backfill past lead `to` under `nonce`; writes nothing if another run moved it first. */
export function claimBackfill(from: number, to: number, nonce: string): SQL {
  return sql`UPDATE model_backfill SET next_lead = ${to}, nonce = ${nonce} WHERE id = 1 AND next_lead = ${from}`;
}
export const backfillClaimed = (nonce: string) =>
  sql`EXISTS (SELECT 1 FROM model_backfill WHERE id = 1 AND nonce = ${nonce})`;
export const finishBackfill = (from: number) =>
  sql`DELETE FROM model_backfill WHERE id = 1 AND next_lead = ${from}`;

export interface PastConversion {
  leadId: number;
  metric: "mqls" | "accepted" | "won";
  at: number;
  amountMinor: number | null;
}

/**
 * The next `limit` lead ids after `after` (up to `upto`) and their conversions up to `until`: the
 * MQL, the first acceptance (an accepted or won outcome) and every won outcome, as the live path credits them.
 */
export async function pastConversions(
  db: Db,
  s: { after: number; upto: number; until: number; limit: number },
): Promise<{ lastLead: number | null; conversions: PastConversion[] }> {
  // Raw: a compound select over the chunk's leads and their outcomes.
  const chunk = sql`(SELECT id FROM leads WHERE id > ${s.after} AND id <= ${s.upto} ORDER BY id LIMIT ${s.limit})`;
  const [last] = await db.all<{ id: number | null }>(sql`SELECT max(id) AS id FROM ${chunk}`);
  if (!last?.id) return { lastLead: null, conversions: [] };
  const conversions = await db.all<PastConversion>(sql`
    SELECT id AS "leadId", 'mqls' AS metric, mql_at AS at, NULL AS "amountMinor" FROM leads
      WHERE id > ${s.after} AND id <= ${last.id} AND mql_at IS NOT NULL AND mql_at <= ${s.until}
    UNION ALL
    SELECT lead_id, 'accepted', min(at), NULL FROM outcomes
      WHERE lead_id > ${s.after} AND lead_id <= ${last.id} AND stage IN ('accepted', 'won') AND at <= ${s.until} GROUP BY lead_id
    UNION ALL
    SELECT lead_id, 'won', at, amount_minor FROM outcomes
      WHERE lead_id > ${s.after} AND lead_id <= ${last.id} AND stage = 'won' AND at <= ${s.until}`);
  return { lastLead: last.id, conversions };
}
