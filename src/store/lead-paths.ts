// The data-driven model's path table (lead_paths): each lead's channel journey, written by the touch-credit sweep and the backfill.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../env";

const pathOf = (lead: SQL, upTo: number) =>
  sql`(SELECT group_concat(channel, '>' ORDER BY id) FROM touches WHERE lead_id = ${lead} AND id <= ${upTo})`;

/**
 * The paths of the leads touched in (a, b], over their touches up to b, marked as credited with the
 * current weights version (the sweep just re-credited them with it). Last in the sweep's batch.
 */
export function upsertSweptPaths(a: number, b: number, guard: SQL): SQL {
  // Raw: INSERT…SELECT with an ordered group_concat and an upsert.
  return sql`
    INSERT INTO lead_paths (lead_id, path, credited_version)
    SELECT d.lead_id, ${pathOf(sql`d.lead_id`, b)}, (SELECT max(version) FROM markov_weights)
    FROM (SELECT DISTINCT lead_id FROM touches WHERE id > ${a} AND id <= ${b}) d WHERE ${guard}
    ON CONFLICT (lead_id) DO UPDATE SET path = excluded.path, credited_version = excluded.credited_version`;
}

/** The backfill's paths for leads (fromLead, toLead]; a path the sweep already wrote is newer and kept. */
export function insertBackfilledPaths(
  fromLead: number,
  toLead: number,
  touchUpto: number,
  guard: SQL,
): SQL {
  // Raw: INSERT…SELECT with an ordered group_concat; DO NOTHING keeps the sweep's row.
  return sql`
    INSERT INTO lead_paths (lead_id, path, credited_version)
    SELECT d.lead_id, ${pathOf(sql`d.lead_id`, touchUpto)}, NULL
    FROM (SELECT DISTINCT lead_id FROM touches WHERE lead_id > ${fromLead} AND lead_id <= ${toLead} AND id <= ${touchUpto}) d WHERE ${guard}
    ON CONFLICT (lead_id) DO NOTHING`;
}

export interface JourneyRow {
  leadId: number;
  path: string;
  mql: number;
  accepted: number;
  won: number;
}

/** Up to `limit` journeys after lead `after`, with the stages each lead reached. */
export async function journeysAfter(db: Db, after: number, limit: number): Promise<JourneyRow[]> {
  // Raw: EXISTS over outcomes per row, in one indexed read of the path table.
  return db.all<JourneyRow>(sql`
    SELECT p.lead_id AS "leadId", p.path, l.mql_at IS NOT NULL AS mql,
      EXISTS (SELECT 1 FROM outcomes o WHERE o.lead_id = p.lead_id AND o.stage IN ('accepted', 'won')) AS accepted,
      EXISTS (SELECT 1 FROM outcomes o WHERE o.lead_id = p.lead_id AND o.stage = 'won') AS won
    FROM lead_paths p JOIN leads l ON l.id = p.lead_id
    WHERE p.lead_id > ${after} ORDER BY p.lead_id LIMIT ${limit}`);
}
