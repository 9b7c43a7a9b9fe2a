// Sends whose message ran out of retries: the ledger says failed, with the last error, and the event log says so.
import { sql } from "drizzle-orm";
import type { Bindings } from "../../env";
import { statement } from "../../store/batch";
import type { DeliveryItem } from "./deliver";

export const DEAD_LETTER_QUEUE = "lodestone-dead";

export async function failDeadSends(env: Bindings, items: DeliveryItem[], now: number): Promise<number> {
  const ids = JSON.stringify(items.flatMap((i) => i.body.sendIds));
  const [, updated] = await env.DB.batch([
    statement(env.DB, sql`
      INSERT INTO events (lead_id, asset_id, type, at, data)
      SELECT lead_id, asset_id, 'email_failed', ${now}, json_object('send_id', id, 'step_id', step_id, 'error', last_error)
      FROM sends WHERE id IN (SELECT value FROM json_each(${ids})) AND status = 'queued'`),
    statement(env.DB, sql`
      UPDATE sends SET status = 'failed', updated_at = ${now},
        last_error = 'gave up after ' || attempts || ' attempts: ' || coalesce(last_error, 'no answer recorded')
      WHERE id IN (SELECT value FROM json_each(${ids})) AND status = 'queued'`),
  ]);
  items.forEach((i) => i.msg.ack());
  return updated!.meta.changes ?? 0;
}
