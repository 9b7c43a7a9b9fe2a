// Queueing delivery attempts: one queue message per delivery; D1 keeps the delivery, so a lost message is swept up again.
import { errorFields, log } from "../../platform/logger";

/**
 * Queues delivery attempts. If the queue refuses, the deliveries stay pending in D1 and the cron's
 * sweep (`sweepStuckDeliveries`) queues them again, so nothing is lost; the failure is still reported.
 */
export async function enqueueDeliveries(
  webhooks: Queue,
  deliveryIds: number[],
  delaySeconds = 0,
): Promise<void> {
  for (let i = 0; i < deliveryIds.length; i += 100) {
    const chunk = deliveryIds.slice(i, i + 100);
    try {
      await webhooks.sendBatch(
        chunk.map((id) => ({ body: { type: "webhook.deliver", deliveryId: id }, delaySeconds })),
      );
    } catch (err) {
      log.error("queueing webhook deliveries failed; the cron sweep will retry them", {
        delivery_ids: chunk,
        ...errorFields(err),
      });
    }
  }
}
