// What sales hears when a lead's stage or score moves: webhook events about the lead's summary, emitted through handoff.
// The one caller of the emitter: scoring-driven and sales-driven announcements both come through here.
import type { SQL } from "drizzle-orm";
import type { Db } from "../../env";
import {
  deliveryStatements,
  loadEndpoints,
  queueEmitted,
  subscribers,
  type EndpointRow,
} from "../handoff/emit";
import type { LeadSummary, WebhookEventType, WebhookPayload } from "../handoff/schemas";

type Endpoints = EndpointRow[];
export type Change = NonNullable<WebhookPayload["data"]["change"]>;
export interface Announcement {
  type: WebhookEventType;
  change: Change;
}

/** Every endpoint, read once per piece of work. */
export async function readEndpoints(db: Db): Promise<Endpoints> {
  return loadEndpoints(db);
}

/** The announcements some endpoint subscribes to (the others cost nothing: no summary read, no rows). */
export function wanted(endpoints: Endpoints, list: Announcement[]): Announcement[] {
  return list.filter((a) => subscribers(endpoints, a.type).length > 0);
}

/** Delivery rows for each announcement about `lead`, for the batch that makes the change. */
export function announcementStatements(
  endpoints: Endpoints,
  lead: LeadSummary,
  list: Announcement[],
  now: number,
): SQL[] {
  const timestamp = new Date(now).toISOString();
  return list.flatMap((a) =>
    deliveryStatements(
      endpoints,
      a.type,
      lead.id,
      { type: a.type, timestamp, data: { lead, change: a.change } },
      now,
    ),
  );
}

/** Queues the deliveries made by a batch; pass the results of exactly the `announcementStatements`. */
export async function queueAnnounced(webhooks: Queue, results: D1Result[]): Promise<void> {
  await queueEmitted(webhooks, results);
}
