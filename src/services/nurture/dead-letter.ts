// Sends whose message ran out of retries: the ledger says failed, with the last error, and the event log says so.
import type { Bindings } from "../../env";
import { getDb } from "../../db/client";
import { batch } from "../../store/batch";
import { failSendsOutOfRetries, outOfRetriesEvents } from "../../store/sends";
import type { DeliveryItem } from "./deliver";

export async function failDeadSends(
  env: Bindings,
  items: DeliveryItem[],
  now: number,
): Promise<number> {
  const ids = items.flatMap((i) => i.body.sendIds);
  const [, updated] = await batch(getDb(env.DB), [
    outOfRetriesEvents(ids, now),
    failSendsOutOfRetries(ids, now),
  ]);
  for (const i of items) i.msg.ack();
  return updated!.meta.changes ?? 0;
}
