// Our own click and open tracking: the send it came from gets the first time, the event log gets the event.
import { sql } from "drizzle-orm";
import type { Db } from "../../env";
import { batch } from "../../store/batch";

/** Every click is an event (scoring counts them); the ledger keeps the first. Returns the lead clicked for. */
export async function recordClick(db: Db, sendId: number, url: string, now: number): Promise<number | null> {
  const [, inserted] = await batch<{ lead_id: number }>(db, [
    sql`UPDATE sends SET clicked_at = coalesce(clicked_at, ${now}), updated_at = ${now} WHERE id = ${sendId}`,
    sql`
      INSERT INTO events (lead_id, asset_id, type, at, data)
      SELECT lead_id, asset_id, 'email_clicked', ${now}, json_object('send_id', id, 'step_id', step_id, 'url', ${url}, 'source', 'lodestone')
      FROM sends WHERE id = ${sendId} RETURNING lead_id`,
  ]);
  return inserted?.results[0]?.lead_id ?? null;
}

/** Opens are noisy (mail proxies fetch images): only the first open of a send is an event. Returns its lead then. */
export async function recordOpen(db: Db, sendId: number, now: number): Promise<number | null> {
  const [inserted] = await batch<{ lead_id: number }>(db, [
    sql`
      INSERT INTO events (lead_id, asset_id, type, at, data)
      SELECT lead_id, asset_id, 'email_opened', ${now}, json_object('send_id', id, 'step_id', step_id, 'source', 'lodestone')
      FROM sends WHERE id = ${sendId} AND opened_at IS NULL RETURNING lead_id`,
    sql`UPDATE sends SET opened_at = ${now}, updated_at = ${now} WHERE id = ${sendId} AND opened_at IS NULL`,
  ]);
  return inserted?.results[0]?.lead_id ?? null;
}
