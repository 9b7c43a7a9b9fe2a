// Our own click and open tracking: the send it came from gets the first time, the event log gets the event.
import { sql } from "drizzle-orm";
import type { Db } from "../env";
import { batch } from "../db/batch";

/** Every click is an event (scoring counts them); the ledger keeps the first. */
export async function recordClick(db: Db, sendId: number, url: string, now: number): Promise<void> {
  await batch(db, [
    sql`UPDATE sends SET clicked_at = coalesce(clicked_at, ${now}), updated_at = ${now} WHERE id = ${sendId}`,
    sql`
      INSERT INTO events (lead_id, asset_id, type, at, data)
      SELECT lead_id, asset_id, 'email_clicked', ${now}, json_object('send_id', id, 'step_id', step_id, 'url', ${url}, 'source', 'lodestone')
      FROM sends WHERE id = ${sendId}`,
  ]);
}

/** Opens are noisy (mail proxies fetch images): only the first open of a send is an event. */
export async function recordOpen(db: Db, sendId: number, now: number): Promise<void> {
  await batch(db, [
    sql`
      INSERT INTO events (lead_id, asset_id, type, at, data)
      SELECT lead_id, asset_id, 'email_opened', ${now}, json_object('send_id', id, 'step_id', step_id, 'source', 'lodestone')
      FROM sends WHERE id = ${sendId} AND opened_at IS NULL`,
    sql`UPDATE sends SET opened_at = ${now}, updated_at = ${now} WHERE id = ${sendId} AND opened_at IS NULL`,
  ]);
}
