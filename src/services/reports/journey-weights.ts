// The data-driven model's weights: a scan over the path table in bounded chunks, a cron tick at a time.
import type { Db } from "../../env";
import { batch } from "../../store/batch";
import { claimCursor, cursorClaimed, sweepCursorPosition } from "../../store/rollup-cursors";
import { journeysAfter } from "../../store/lead-paths";
import {
  addTransitions,
  allTransitions,
  latestWeights,
  writeWeightsVersion,
} from "../../store/markov";
import { countTransitions, removalEffectWeights } from "../../domain/markov";
import { JOURNEY_STAGES } from "../../domain/vocabulary";

const CURSOR = "journey_scan";
/** A new scan starts once the latest weights are this old. */
export const WEIGHTS_REFRESH_MS = 86_400_000;

/**
 * One step of the refresh: counts the transitions of up to `limit` journeys past the scan's cursor,
 * or, when none is left, turns the counts into a new weights version (removal effects per stage) and
 * rewinds. The cursor is claimed with a nonce, so overlapping ticks never count a journey twice.
 */
export async function refreshJourneyWeights(
  db: Db,
  now: number,
  limit = 2000,
): Promise<"counted" | "weighted" | "idle"> {
  const a = (await sweepCursorPosition(db, CURSOR)) ?? 0;
  if (a === 0) {
    const latest = await latestWeights(db);
    if (latest && now - latest.computedAt < WEIGHTS_REFRESH_MS) return "idle";
  }
  const rows = await journeysAfter(db, a, limit);
  const nonce = crypto.randomUUID();
  const guard = cursorClaimed(CURSOR, nonce);
  if (rows.length) {
    const b = rows.at(-1)!.leadId;
    const journeys = rows.map((r) => ({
      path: r.path.split(">"),
      reached: { mql: !!r.mql, accepted: !!r.accepted, won: !!r.won },
    }));
    await batch(db, [
      claimCursor(CURSOR, a, b, nonce, now),
      addTransitions(countTransitions(journeys), guard),
    ]);
    return "counted";
  }
  const transitions = await allTransitions(db);
  const weights = JOURNEY_STAGES.flatMap((stage) =>
    Object.entries(removalEffectWeights(transitions.filter((t) => t.stage === stage))).map(
      ([channel, weight]) => ({ stage, channel, weight }),
    ),
  );
  // No conversion anywhere yet: a marker row, so the version (and its "not before" time) still exists.
  if (!weights.length) weights.push({ stage: "mql", channel: "(none)", weight: 0 });
  await batch(db, [
    claimCursor(CURSOR, a, 0, nonce, now),
    ...writeWeightsVersion(weights, now, guard),
  ]);
  return "weighted";
}
