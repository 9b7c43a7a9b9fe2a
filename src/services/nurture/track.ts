// Our own click and open tracking: the send it came from gets the first time, the event log gets the event.
import type { Db } from "../../env";
import { batch } from "../../store/batch";
import { markFirstOpen, markSendClicked, trackedSendEvent } from "../../store/sends";

/** Every click is an event (scoring counts them); the ledger keeps the first. Returns the lead clicked for. */
export async function recordClick(
  db: Db,
  sendId: number,
  url: string,
  now: number,
): Promise<number | null> {
  const [, inserted] = await batch<{ lead_id: number }>(db, [
    markSendClicked(sendId, now),
    trackedSendEvent(sendId, { type: "email_clicked", url, at: now }),
  ]);
  return inserted?.results[0]?.lead_id ?? null;
}

/** Opens are noisy (mail proxies fetch images): only the first open of a send is an event. Returns its lead then. */
export async function recordOpen(db: Db, sendId: number, now: number): Promise<number | null> {
  const [inserted] = await batch<{ lead_id: number }>(db, [
    trackedSendEvent(sendId, { type: "email_opened", at: now }),
    markFirstOpen(sendId, now),
  ]);
  return inserted?.results[0]?.lead_id ?? null;
}
