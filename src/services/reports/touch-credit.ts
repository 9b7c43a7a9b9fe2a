// The touch-credit sweep: rolls new touches into the lead-credit rollups, off the capture hot path.
import type { Db } from "../../env";
import { batch } from "../../store/batch";
import { claimCursor, cursorClaimed, touchSweepWindow } from "../../store/rollup-cursors";
import { touchCreditStatements } from "../../store/rollups";
import { countTouchesBetween } from "../../store/touches";
import { upsertSweptPaths } from "../../store/lead-paths";

const CURSOR = "touch_credit";

/**
 * Credits up to `limit` touches past the watermark. The watermark moves only if nobody moved it
 * first, and every statement checks this run's nonce, so concurrent or repeated runs credit each
 * touch exactly once. Returns how many touches were credited.
 */
export async function rollUpTouches(db: Db, now: number, limit = 5000): Promise<number> {
  const state = await touchSweepWindow(db, CURSOR, limit);
  const a = state?.a ?? 0;
  const b = state?.b ?? null;
  if (b === null || b <= a) return 0;
  const nonce = crypto.randomUUID();
  const guard = cursorClaimed(CURSOR, nonce);
  const results = await batch(db, [
    claimCursor(CURSOR, a, b, nonce, now),
    ...touchCreditStatements(a, b, guard),
    // After the credit statements: they read each lead's previous weights version from it.
    upsertSweptPaths(a, b, guard),
    countTouchesBetween(a, b, guard),
  ]);
  return (results.at(-1)!.results as { n: number }[])[0]?.n ?? 0;
}
