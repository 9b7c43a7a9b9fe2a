// The Cron Trigger: each tick only finds due work and enqueues it; queue consumers do the work.
import type { Bindings } from "../env";

export async function runScheduled(_controller: ScheduledController, _env: Bindings, _ctx: ExecutionContext): Promise<void> {
  // Due nurture steps and score decay register here.
}
