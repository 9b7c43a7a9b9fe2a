// Emitting a webhook event: one delivery row per subscribed endpoint, written in the caller's batch, then queued.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../env";
import { webhookPayloadSchema, type WebhookEventType, type WebhookPayload } from "./schemas";

export type EndpointRow = { id: number; event_types: string; active: number; disabled_reason: string | null };

/** Every endpoint; the table is small (a handful of sales systems). */
export function endpointsQuery(): SQL {
  return sql`SELECT id, event_types, active, disabled_reason FROM webhook_endpoints`;
}

export async function loadEndpoints(db: Db): Promise<EndpointRow[]> {
  return db.all<EndpointRow>(endpointsQuery());
}

/**
 * Endpoints that get this event: active ones, and ones Lodestone disabled itself (their deliveries are
 * kept, parked, and sent when the marketer turns the endpoint back on). Endpoints a person switched off get nothing.
 */
export function subscribers(endpoints: EndpointRow[], type: WebhookEventType): { id: number; parked: boolean }[] {
  return endpoints
    .filter((e) => (JSON.parse(e.event_types) as string[]).includes(type))
    .filter((e) => e.active || e.disabled_reason !== null)
    .map((e) => ({ id: e.id, parked: !e.active }));
}

export function newMessageId(): string {
  return `msg_${crypto.randomUUID().replace(/-/g, "")}`;
}

/** Up to 11 deliveries per statement keeps under D1's 100 bound parameters. */
const ROWS_PER_STATEMENT = 11;

/**
 * INSERT … RETURNING statements for one event's deliveries (one webhook-id for the event, shared by its
 * deliveries and stable across retries and replays). Run them in the batch that makes the change, then
 * pass the returned rows to `enqueueDeliveries`.
 */
export function deliveryStatements(endpoints: EndpointRow[], type: WebhookEventType, leadId: number, payload: WebhookPayload, now: number): SQL[] {
  const subs = subscribers(endpoints, type);
  if (!subs.length) return [];
  const body = JSON.stringify(webhookPayloadSchema.parse(payload));
  const messageId = newMessageId();
  const out: SQL[] = [];
  for (let i = 0; i < subs.length; i += ROWS_PER_STATEMENT) {
    const rows = subs.slice(i, i + ROWS_PER_STATEMENT).map(
      (s) => sql`(${messageId}, ${s.id}, ${leadId}, ${type}, ${body}, 'pending', 0, ${s.parked ? null : now}, ${now}, ${now})`,
    );
    out.push(sql`
      INSERT INTO webhook_deliveries (message_id, endpoint_id, lead_id, event_type, payload, status, attempts, next_attempt_at, created_at, updated_at)
      VALUES ${sql.join(rows, sql`, `)} RETURNING id, next_attempt_at`);
  }
  return out;
}

/** The delivery ids to queue from a batch's results: rows with a due time (parked ones have none). */
export function dueDeliveryIds(results: D1Result[]): number[] {
  return results.flatMap((r) => (r.results as { id?: number; next_attempt_at?: number | null }[]).filter((x) => x.id !== undefined && x.next_attempt_at !== undefined && x.next_attempt_at !== null).map((x) => x.id!));
}

/**
 * Queues delivery attempts. If the queue refuses, the deliveries stay pending in D1 and the cron's
 * sweep (`sweepStuckDeliveries`) queues them again, so nothing is lost; the failure is still reported.
 */
export async function enqueueDeliveries(jobs: Queue, deliveryIds: number[], delaySeconds = 0): Promise<void> {
  for (let i = 0; i < deliveryIds.length; i += 100) {
    const chunk = deliveryIds.slice(i, i + 100);
    try {
      await jobs.sendBatch(chunk.map((id) => ({ body: { type: "webhook.deliver", deliveryId: id }, delaySeconds })));
    } catch (err) {
      console.error("lodestone: queueing webhook deliveries failed; the cron sweep will retry them", chunk, err);
    }
  }
}
