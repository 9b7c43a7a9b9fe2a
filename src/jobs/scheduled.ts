// The Cron Trigger: each tick only finds due work and enqueues it; queue consumers do the work.
import { type Bindings, linkOrigin } from "../env";
import { createContext } from "../platform/context";
import { errorFields, log, withLogScope } from "../platform/logger";
import { rollUpTouches } from "../services/reports/touch-credit";
import { refreshJourneyWeights } from "../services/reports/journey-weights";
import { backfillAddedModels } from "../services/reports/model-backfill";
import { runNurtureTick } from "../services/nurture/tick";
import { sweepStrandedSends } from "../services/nurture/sweep-stranded";
import { runHandoffTick } from "./handoff-tick";
import { hashLegacyConsentIps } from "../services/consent/legacy-ip";

export async function runScheduled(
  controller: ScheduledController,
  env: Bindings,
  _ctx: ExecutionContext,
): Promise<void> {
  const at = controller.scheduledTime;
  await withLogScope({ cron: controller.cron, tick: new Date(at).toISOString() }, async () => {
    const ctx = createContext(env, `cron:${at}`, at);
    const started = Date.now();
    try {
      const links = linkOrigin(ctx.config);
      if (links.ok) {
        // Due nurture steps: the tick only queues them, in bounded chunks.
        await runNurtureTick(env, at);
        // Queued sends whose message was lost (the Worker died before sendBatch) are queued again, a bounded batch a tick.
        await sweepStrandedSends(env, at);
      } else {
        // Emails cannot carry working links: nothing is queued, so every due step stays due until the setting is made.
        log.error("nurture paused: configuration", { problem: links.problem });
      }
      // The daily score decay pass (03:00 UTC) and the webhook delivery safety net: both only queue work.
      await runHandoffTick(env, at);
      // The touch-credit sweep (reports) works inline: one bounded batch of set-based SQL, cheaper than a job.
      // Last, so a failure here never holds up the work above; the next tick (or report read) catches up.
      await rollUpTouches(ctx.db, at);
      // The data-driven model's weights: one bounded chunk of the path scan (a new scan once a day).
      await refreshJourneyWeights(ctx.db, at);
      // The one-off backfill of the models added in 0015 (nothing once done): a chunk of leads a tick.
      await backfillAddedModels(ctx.db);
      // Raw consent IPs from before they were hashed: a bounded chunk inline (one indexed read, one update);
      // once none is left the read finds nothing. A queue message would cost more than the work.
      await hashLegacyConsentIps(ctx.db, ctx.config.SIGNING_SECRET);
      log.info("cron tick", { duration_ms: Date.now() - started });
    } catch (err) {
      log.error("cron tick failed", { ...errorFields(err), duration_ms: Date.now() - started });
      throw err;
    }
  });
}
