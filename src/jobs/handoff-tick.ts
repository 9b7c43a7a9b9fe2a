// The cron's share of scoring and handoff: start the daily decay pass at its minute; re-queue lost webhook deliveries.
import type { Bindings } from "../env";
import { getDb } from "../db/client";
import { enqueueDecayPass, isDecayTick } from "../services/scoring/decay-pass";
import { sweepStuckDeliveries } from "../services/handoff/endpoints";

export async function runHandoffTick(
  env: Bindings,
  scheduledTime: number,
): Promise<{ decayMessages: number; requeuedDeliveries: number }> {
  const db = getDb(env.DB);
  const decayMessages = isDecayTick(scheduledTime)
    ? await enqueueDecayPass(db, env.JOBS, scheduledTime)
    : 0;
  const requeuedDeliveries = await sweepStuckDeliveries(db, env.WEBHOOKS, scheduledTime);
  return { decayMessages, requeuedDeliveries };
}
