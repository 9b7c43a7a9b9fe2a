// The one-off backfill of the attribution models added after data existed: a chunk of leads per cron tick.
import type { Db } from "../../env";
import type { AttributionModel } from "../../domain/vocabulary";
import { batch } from "../../store/batch";
import { backfillLeadCredit, creditConversion } from "../../store/rollups";
import { insertBackfilledPaths } from "../../store/lead-paths";
import {
  backfillClaimed,
  backfillState,
  claimBackfill,
  finishBackfill,
  pastConversions,
} from "../../store/model-backfill";

/** The models migration 0015 added; the first three had credit for every conversion already. */
export const ADDED_MODELS: readonly AttributionModel[] = [
  "position_based",
  "time_decay",
  "w_shaped",
  "data_driven",
];

/**
 * Credits the next `limit` leads of the backfill (migration 0016 queues it when data exists): their
 * lead credit over the touches the touch-credit sweep had reached at the migration (the sweep credits
 * the later ones under every model), their paths, and each conversion before the migration, shared
 * over the touches before it. Returns how far it moved in lead ids; 0 once done (the row is deleted).
 */
export async function backfillAddedModels(db: Db, limit = 50): Promise<number> {
  const state = await backfillState(db);
  if (!state) return 0;
  const from = state.nextLead;
  const { lastLead, conversions } = await pastConversions(db, {
    after: from,
    upto: state.leadUpto,
    until: state.conversionsUpto,
    limit,
  });
  if (lastLead === null) {
    await batch(db, [finishBackfill(from)]);
    return 0;
  }
  const nonce = crypto.randomUUID();
  const guard = backfillClaimed(nonce);
  const opts = { models: ADDED_MODELS, touchesUntil: true, guard };
  await batch(db, [
    claimBackfill(from, lastLead, nonce),
    ...backfillLeadCredit(ADDED_MODELS, from, lastLead, state.touchUpto, guard),
    insertBackfilledPaths(from, lastLead, state.touchUpto, guard),
    ...conversions.flatMap((c) =>
      creditConversion(c.leadId, c.metric, 1, c.at, {
        ...opts,
        ...(c.metric === "won" ? { revenueMinor: c.amountMinor ?? 0 } : {}),
      }),
    ),
  ]);
  return lastLead - from;
}
