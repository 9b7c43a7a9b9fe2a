// Webhook delivery jobs: attempts run side by side (bounded), each with a short timeout, on their own queue.
import type { Context } from "../platform/context";
import type { WebhookDeliverMessage } from "../queue/messages";
import { attemptDelivery } from "../services/handoff/deliver";
import { webhookTargetRules } from "../services/handoff/endpoints";
import { guarded, inParallel } from "./settle";
import type { QueuedJob } from "./queued-job";

/** Workers keep at most six outgoing connections open per invocation; more would only wait in line. */
const DELIVERY_CONCURRENCY = 6;

export async function runDeliveries(
  ctx: Context,
  items: QueuedJob<WebhookDeliverMessage>[],
): Promise<void> {
  const rules = webhookTargetRules(ctx.config);
  await inParallel(items, DELIVERY_CONCURRENCY, ({ msg, body }) =>
    guarded([msg], `webhook delivery ${body.deliveryId}`, () =>
      attemptDelivery(ctx.db, body.deliveryId, Date.now(), rules),
    ),
  );
}
