// Watermarks of the sweeps (rollup_cursors): how far the touch-credit and stranded-send sweeps have got, claimed with a nonce so each id counts once.
import { sql, type SQL, eq } from "drizzle-orm";
import type { Db } from "../env";
import { rollupCursors } from "../db/schema";
import { statement } from "./batch";

/**
 * The sweep's next window: `a` is the cursor's position (null before the first sweep), `b` the id of
 * the `limit`-th touch past it (null when none). Raw: one read of the cursor and the touches index.
 */
export async function touchSweepWindow(
  db: Db,
  name: string,
  limit: number,
): Promise<{ a: number | null; b: number | null } | undefined> {
  const [state] = await db.all<{ a: number | null; b: number | null }>(sql`
    SELECT c.position AS a, (SELECT max(id) FROM (SELECT id FROM touches WHERE id > coalesce(c.position, 0) ORDER BY id LIMIT ${limit})) AS b
    FROM (SELECT (SELECT position FROM rollup_cursors WHERE name = ${name}) AS position) c`);
  return state;
}

/** Moves the cursor from `from` to `to` under `nonce`; writes nothing if someone else moved it first. */
export function claimCursor(
  name: string,
  from: number,
  to: number,
  nonce: string,
  now: number,
): SQL {
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

export async function sweepCursorPosition(db: Db, name: string): Promise<number | null> {
  const [row] = await db
    .select({ position: rollupCursors.position })
    .from(rollupCursors)
    .where(eq(rollupCursors.name, name));
  return row?.position ?? null;
}

/** Moves the cursor forward, never back (two overlapping sweeps keep the further one). */
export async function advanceSweepCursor(
  db: Db,
  name: string,
  position: number,
  now: number,
): Promise<void> {
  // Raw: an upsert that keeps the larger position.
  await statement(
    db.$client,
    sql`
      INSERT INTO rollup_cursors (name, position, nonce, updated_at) VALUES (${name}, ${position}, '', ${now})
      ON CONFLICT (name) DO UPDATE SET position = max(position, excluded.position), updated_at = excluded.updated_at`,
  ).run();
}
