// Where the queue consumer hands nurture sends: delivery from the work queue, failure from the dead-letter queue.
import type { Bindings } from "../env";
import { deliverNurtureSends, type DeliveryItem } from "../services/nurture/deliver";
import { DEAD_LETTER_QUEUE, failDeadSends } from "../services/nurture/dead-letter";

export async function consumeNurtureSends(env: Bindings, queue: string, items: DeliveryItem[]): Promise<void> {
  if (queue === DEAD_LETTER_QUEUE) {
    await failDeadSends(env, items, Date.now());
    return;
  }
  try {
    await deliverNurtureSends(env, items);
  } catch (err) {
    // The ledger write failed after sending, or D1 was unreachable: the same requests are replayed with
    // the same Idempotency-Keys, so Resend answers with the first result instead of sending again.
    console.error("lodestone: nurture delivery failed, will retry", err);
    items.forEach((i) => i.msg.retry({ delaySeconds: 30 }));
  }
}
