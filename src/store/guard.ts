// Optimistic concurrency for the score ledger: a batch that read a stale lead aborts as a whole.
import { sql, type SQL } from "drizzle-orm";

/** Marker in the error D1 raises when the guard trips (SQLite's integer overflow from abs(min int64)). */
const STALE_GUARD_ERROR = /integer overflow/i;

/**
 * A statement that fails, rolling back its D1 batch, unless the lead's score_version is still `version`.
 * Two workers scoring one lead at once cannot both write: the loser retries from fresh data.
 */
export function scoreVersionGuard(leadId: number, version: number): SQL {
  return sql`SELECT CASE WHEN (SELECT score_version FROM leads WHERE id = ${leadId}) = ${version} THEN 1 ELSE abs(-9223372036854775807 - 1) END AS ok`;
}

/** A statement that aborts its batch unless `condition` holds when the batch runs (read-then-write without races). */
export function staleGuard(condition: SQL): SQL {
  return sql`SELECT CASE WHEN ${condition} THEN 1 ELSE abs(-9223372036854775807 - 1) END AS ok`;
}

export function isStaleGuard(err: unknown): boolean {
  return STALE_GUARD_ERROR.test(String((err as Error)?.message ?? err));
}
