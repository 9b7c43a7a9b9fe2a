// Nurture jobs: queued sends delivered through Resend; sends out of retries marked failed.
import type { Bindings } from "../env";
import type { Context } from "../platform/context";
import type { NurtureSendMessage } from "../queue/messages";
import { deliverNurtureSends } from "../services/nurture/deliver";
import { failDeadSends } from "../services/nurture/dead-letter";
import { errorFields, log } from "../platform/logger";
import type { QueuedJob } from "./queued-job";

export async function runNurtureSends(
  _ctx: Context,
  env: Bindings,
  items: QueuedJob<NurtureSendMessage>[],
): Promise<void> {
  try {
    await deliverNurtureSends(env, items);
  } catch (err) {
    // The ledger write failed after sending, or D1 was unreachable: the same requests are replayed with
    // the same Idempotency-Keys, so Resend answers with the first result instead of sending again.
    log.error("nurture delivery failed, will retry", errorFields(err));
    for (const i of items) i.msg.retry({ delaySeconds: 30 });
  }
}

export async function failNurtureSends(
  _ctx: Context,
  env: Bindings,
  items: QueuedJob<NurtureSendMessage>[],
): Promise<void> {
  await failDeadSends(env, items, Date.now());
}
