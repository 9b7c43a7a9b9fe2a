// Emitting a webhook event: one delivery row per subscribed endpoint, written in the caller's batch, then queued.
import type { SQL } from "drizzle-orm";
import type { Db } from "../../env";
import { deliveryInserts, dueDeliveryIds, endpointsForEmit } from "../../store/webhooks";
import { enqueueDeliveries } from "./dispatch";
import { webhookPayloadSchema, type WebhookEventType, type WebhookPayload } from "./schemas";

export type EndpointRow = Awaited<ReturnType<typeof endpointsForEmit>>[number];

/** Every endpoint; the table is small (a handful of sales systems). */
export async function loadEndpoints(db: Db): Promise<EndpointRow[]> {
  return endpointsForEmit(db);
}

/**
 * Endpoints that get this event: active ones, and ones Lodestone disabled itself (their deliveries are
 * kept, parked, and sent when the marketer turns the endpoint back on). Endpoints a person switched off get nothing.
 */
export function subscribers(
  endpoints: EndpointRow[],
  type: WebhookEventType,
): { id: number; parked: boolean }[] {
  return endpoints
    .filter((e) => e.eventTypes.includes(type))
    .filter((e) => e.active || e.disabledReason !== null)
    .map((e) => ({ id: e.id, parked: !e.active }));
}

/** A Standard Webhooks message id: one per event, shared by its deliveries, kept on retries and replays. */
export function newMessageId(): string {
  return `msg_${crypto.randomUUID().replace(/-/g, "")}`;
}

/**
 * INSERT … RETURNING statements for one event's deliveries (one webhook-id for the event, shared by its
 * deliveries and stable across retries and replays). Run them in the batch that makes the change, then
 * pass the batch's results to `queueEmitted`.
 */
export function deliveryStatements(
  endpoints: EndpointRow[],
  type: WebhookEventType,
  leadId: number,
  payload: WebhookPayload,
  now: number,
): SQL[] {
  const subs = subscribers(endpoints, type);
  if (!subs.length) return [];
  const body = JSON.stringify(webhookPayloadSchema.parse(payload));
  return deliveryInserts(
    { messageId: newMessageId(), leadId, eventType: type, payload: body },
    subs,
    now,
  );
}

/** Queues the deliveries that `deliveryStatements` created, from the batch's results (parked ones have no due time). */
export async function queueEmitted(webhooks: Queue, results: D1Result[]): Promise<void> {
  await enqueueDeliveries(webhooks, dueDeliveryIds(results));
}
