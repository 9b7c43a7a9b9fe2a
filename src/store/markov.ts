// The data-driven model's tables (markov_transitions, markov_weights): the scan's counts and the versions of channel weights.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../env";
import type { JourneyStage } from "../domain/vocabulary";
import type { Transition } from "../domain/markov";

/** Adds a chunk's transition counts to the scan's, while `guard` holds. One JSON parameter, however many. */
export function addTransitions(transitions: Transition[], guard: SQL): SQL {
  // Raw: INSERT…SELECT over json_each and an additive upsert.
  return sql`
    INSERT INTO markov_transitions (stage, from_state, to_state, journeys)
    SELECT json_extract(j.value, '$.stage'), json_extract(j.value, '$.from'), json_extract(j.value, '$.to'), json_extract(j.value, '$.journeys')
    FROM json_each(${JSON.stringify(transitions)}) j WHERE ${guard}
    ON CONFLICT (stage, from_state, to_state) DO UPDATE SET journeys = journeys + excluded.journeys`;
}

export async function allTransitions(db: Db): Promise<Transition[]> {
  return db.all<Transition>(
    sql`SELECT stage, from_state AS "from", to_state AS "to", journeys FROM markov_transitions`,
  );
}

/** Writes the next weights version from the finished scan and empties the scan's counts, while `guard` holds. */
export function writeWeightsVersion(
  weights: { stage: JourneyStage; channel: string; weight: number }[],
  now: number,
  guard: SQL,
): SQL[] {
  // Raw: the version number is computed in the statement, so two writers can never share one.
  return [
    sql`
      INSERT INTO markov_weights (version, stage, channel, weight, computed_at)
      SELECT v.next, json_extract(j.value, '$.stage'), json_extract(j.value, '$.channel'), json_extract(j.value, '$.weight'), ${now}
      FROM json_each(${JSON.stringify(weights)}) j, (SELECT coalesce(max(version), 0) + 1 AS next FROM markov_weights) v
      WHERE ${guard}`,
    sql`DELETE FROM markov_transitions WHERE ${guard}`,
  ];
}

/** The latest version and when it was computed (none yet: null). */
export async function latestWeights(
  db: Db,
): Promise<{ version: number; computedAt: number } | null> {
  const [row] = await db.all<{ version: number | null; computedAt: number | null }>(
    sql`SELECT max(version) AS version, max(computed_at) AS "computedAt" FROM markov_weights`,
  );
  return row?.version ? { version: row.version, computedAt: row.computedAt! } : null;
}
