// The Cron Trigger: each tick only finds due work and enqueues it; queue consumers do the work.
import type { Bindings } from "../env";
import { getDb } from "../db/client";
import { rollUpTouches } from "../services/reports/touch-credit";
import { runNurtureTick } from "../services/nurture/tick";
import { sweepStrandedSends } from "../services/nurture/sweep-stranded";
import { runHandoffTick } from "./handoff-tick";

export async function runScheduled(_controller: ScheduledController, _env: Bindings, _ctx: ExecutionContext): Promise<void> {
  // Due nurture steps: the tick only queues them, in bounded chunks.
  await runNurtureTick(_env, _controller.scheduledTime);
  // Queued sends whose message was lost (the Worker died before sendBatch) are queued again, a bounded batch a tick.
  await sweepStrandedSends(_env, _controller.scheduledTime);
  // The daily score decay pass (03:00 UTC) and the webhook delivery safety net: both only queue work.
  await runHandoffTick(_env, _controller.scheduledTime);
  // The touch-credit sweep (reports) works inline: one bounded batch of set-based SQL, cheaper than a job.
  // Last, so a failure here never holds up the work above; the next tick (or report read) catches up.
  await rollUpTouches(getDb(_env.DB), _controller.scheduledTime);
}
