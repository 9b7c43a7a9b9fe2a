// Rollup cursors: how far a sweep has walked (here the stranded-send sweep's place in the send ledger).
import { eq, sql } from "drizzle-orm";
import type { Db } from "../env";
import { rollupCursors } from "../db/schema";
import { statement } from "./batch";

export async function sweepCursorPosition(db: Db, name: string): Promise<number | null> {
  const [row] = await db.select({ position: rollupCursors.position }).from(rollupCursors).where(eq(rollupCursors.name, name));
  return row?.position ?? null;
}

/** Moves the cursor forward, never back (two overlapping sweeps keep the further one). */
export async function advanceSweepCursor(db: Db, name: string, position: number, now: number): Promise<void> {
  // Raw: an upsert that keeps the larger position.
  await statement(db.$client, sql`
      INSERT INTO rollup_cursors (name, position, nonce, updated_at) VALUES (${name}, ${position}, '', ${now})
      ON CONFLICT (name) DO UPDATE SET position = max(position, excluded.position), updated_at = excluded.updated_at`).run();
}
