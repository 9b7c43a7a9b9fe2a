// Watermarks of the rollup sweeps (rollup_cursors): how far a sweep has got, claimed with a nonce so each id counts once.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../env";

/**
 * The sweep's next window: `a` is the cursor's position (null before the first sweep), `b` the id of
 * the `limit`-th touch past it (null when none). Raw: one read of the cursor and the touches index.
 */
export async function touchSweepWindow(db: Db, name: string, limit: number): Promise<{ a: number | null; b: number | null } | undefined> {
  const [state] = await db.all<{ a: number | null; b: number | null }>(sql`
    SELECT c.position AS a, (SELECT max(id) FROM (SELECT id FROM touches WHERE id > coalesce(c.position, 0) ORDER BY id LIMIT ${limit})) AS b
    FROM (SELECT (SELECT position FROM rollup_cursors WHERE name = ${name}) AS position) c`);
  return state;
}

/** Moves the cursor from `from` to `to` under `nonce`; writes nothing if someone else moved it first. */
export function claimCursor(name: string, from: number, to: number, nonce: string, now: number): SQL {
  // Raw: an upsert whose update applies only while the position is still `from`.
  return sql`
      INSERT INTO rollup_cursors (name, position, nonce, updated_at) VALUES (${name}, ${to}, ${nonce}, ${now})
      ON CONFLICT (name) DO UPDATE SET position = excluded.position, nonce = excluded.nonce, updated_at = excluded.updated_at
      WHERE rollup_cursors.position = ${from}`;
}

/** A condition that holds while this run's claim on the cursor stands: the guard of every statement of the sweep. */
export function cursorClaimed(name: string, nonce: string): SQL {
  return sql`EXISTS (SELECT 1 FROM rollup_cursors WHERE name = ${name} AND nonce = ${nonce})`;
}
