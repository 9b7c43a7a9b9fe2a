// Becoming an MQL: one conditional batch per qualifying lead, run after the batch that wrote its score.
import type { SQL } from "drizzle-orm";
import type { Db } from "../../env";
import type { Outcome } from "../../errors";
import { batch } from "../../store/batch";
import { isStaleGuard } from "../../store/guard";
import { mqlGuard, mqlUpdate } from "../../store/leads";
import { creditConversion } from "../reports/credit";
import { stageChangeStatements } from "./stage";
import { queueAnnounced } from "./announce";
import { mqlThresholdReason } from "../../domain/stage-reasons";
import { placedMessage, placementStatement, type Placement } from "../routing/placement";

/**
 * Makes a lead an MQL: stage and mql_at, the history row, the timeline event, conversion credit, its sales
 * owner (when routing placed it) and the webhook deliveries, in one batch of their own. Resolves to whether this call made the lead an MQL.
 *
 * Why two batches (score, then this) are safe without a transaction around both:
 * - Never twice. The batch opens with a guard that aborts all of it unless the committed row is still a
 *   lead that never was an MQL and is at the threshold, and the stage update repeats that condition. A
 *   retried queue message, a second worker or a stale plan finds mql_at set: nothing is written again.
 * - Never lost. If this batch does not run (a crash after the score's batch, a D1 error), the lead is left
 *   at or over the threshold with mql_at NULL and stage 'lead', which is exactly what the next scoring of
 *   the lead (its next event, a recompute, the decay pass) plans as "qualifies now": that scoring qualifies it.
 */
export async function qualifyLead(
  deps: { db: Db; webhooks: Queue; jobs: Queue; threshold: number },
  leadId: number,
  score: number,
  deliveries: SQL[],
  placed: Placement | null,
  now: number,
): Promise<Outcome<boolean>> {
  const { db, threshold } = deps;
  const statements: SQL[] = [
    mqlGuard(leadId, threshold),
    mqlUpdate(db, leadId, now),
    ...stageChangeStatements({
      leadId,
      from: "lead",
      to: "mql",
      reason: mqlThresholdReason(score, threshold),
      at: now,
    }),
    ...creditConversion(leadId, "mqls", 1, now),
    // The owner is written with the MQL or not at all: a retry that finds the MQL finds its owner too.
    ...(placed ? [placementStatement(db, leadId, placed, now)] : []),
  ];
  const deliveryAt = statements.length;
  statements.push(...deliveries);

  let results: D1Result[];
  try {
    results = await batch(db, statements);
  } catch (err) {
    if (isStaleGuard(err)) return { ok: true, value: false }; // an MQL already, or no longer qualifies: nothing to do
    return {
      ok: false,
      retryable: true,
      message: `qualifying lead ${leadId} failed: ${String((err as Error)?.message ?? err)}`,
      retryAfterSeconds: 5,
    };
  }
  await queueAnnounced(deps.webhooks, results.slice(deliveryAt));
  const qualified = results[1]!.results.length > 0;
  // The owner's mail is its own job (retried on its own); the batch above is what makes it due.
  if (qualified && placed) await deps.jobs.send(placedMessage(leadId, placed, now));
  return { ok: true, value: qualified };
}
