// The cron's share of scoring and handoff: the daily decay pass at its minute; lost webhook deliveries; lapsed owners.
import type { Bindings } from "../env";
import { getDb } from "../db/client";
import { enqueueDecayPass, isDecayTick } from "../services/scoring/decay-pass";
import { sweepStuckDeliveries } from "../services/handoff/endpoints";
import { queueLapsed } from "../services/routing/lapse";

export async function runHandoffTick(
  env: Bindings,
  scheduledTime: number,
): Promise<{ decayMessages: number; requeuedDeliveries: number; lapsedLeads: number }> {
  const db = getDb(env.DB);
  const decayMessages = isDecayTick(scheduledTime)
    ? await enqueueDecayPass(db, env.JOBS, scheduledTime)
    : 0;
  const requeuedDeliveries = await sweepStuckDeliveries(db, env.WEBHOOKS, scheduledTime);
  // Owners who did not accept in time: a bounded chunk of lapsed leads queued to be handed on.
  const lapsedLeads = await queueLapsed(db, env.JOBS, scheduledTime);
  return { decayMessages, requeuedDeliveries, lapsedLeads };
}
