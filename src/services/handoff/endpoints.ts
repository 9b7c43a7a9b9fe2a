// Sales webhook endpoints and their deliveries: create (secret shown once), edit, switch on again, replay.
import type { Db } from "../../env";
import { AppError } from "../../errors";
import {
  attemptsOf,
  claimOverdueDeliveries,
  deleteEndpointRow,
  findDelivery,
  findEndpoint,
  insertEndpoint,
  listDeliveryRows,
  listEndpointRows,
  resendFailedDeliveries,
  resetDelivery,
  scrubExcerptsOfEndpoint,
  unparkDeliveries,
  updateEndpointRow,
  type DeliveryRecord,
  type EndpointRecord,
} from "../../store/webhooks";
import type { WebhookEventType } from "./schemas";
import { enqueueDeliveries } from "./dispatch";
import { checkWebhookTarget, type TargetRules } from "../../domain/webhook-target";
import type { Config } from "../../env";

export type { DeliveryRecord, EndpointRecord, TargetRules };

/** Where webhooks may go under this configuration: this machine only in local dev. */
export function webhookTargetRules(config: Pick<Config, "LODESTONE_ENV">): TargetRules {
  return { localDev: config.LODESTONE_ENV === "development" };
}

/** A URL that may not receive webhooks is a 400 naming the `url` field, with the reason. */
function assertAllowedTarget(url: string, rules: TargetRules): void {
  const verdict = checkWebhookTarget(url, rules);
  if (!verdict.ok)
    throw new AppError("BAD_REQUEST", "Some fields are invalid", {
      details: { fields: { url: [verdict.reason] } },
    });
}

/** A Standard Webhooks secret: whsec_ and 24 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(24))))}`;
}

export async function createEndpoint(
  db: Db,
  input: { url: string; eventTypes: WebhookEventType[] },
  now: number,
  rules: TargetRules,
): Promise<EndpointRecord> {
  assertAllowedTarget(input.url, rules);
  return insertEndpoint(db, {
    url: input.url,
    secret: newWebhookSecret(),
    eventTypes: [...new Set(input.eventTypes)],
    active: true,
    createdAt: now,
    updatedAt: now,
  });
}

export async function listEndpoints(db: Db): Promise<EndpointRecord[]> {
  return listEndpointRows(db);
}

export async function getEndpoint(db: Db, id: number): Promise<EndpointRecord> {
  const row = await findEndpoint(db, id);
  if (!row) throw new AppError("NOT_FOUND", "No webhook endpoint has this id");
  return row;
}

/**
 * Edits an endpoint. Switching it on clears Lodestone's disable flag and queues every delivery parked
 * while it was off; with `resendFailed` it also sends again the deliveries that failed for good (the 410,
 * or retries exhausted) since its failures began. Switching it off (by a person) stops new deliveries for it.
 * Returns the endpoint as it was and as it is (for the audit log).
 */
export async function updateEndpoint(
  db: Db,
  webhooks: Queue,
  id: number,
  patch: {
    url?: string;
    eventTypes?: WebhookEventType[];
    active?: boolean;
    resendFailed?: boolean;
  },
  now: number,
  rules: TargetRules,
): Promise<{ before: EndpointRecord; after: EndpointRecord }> {
  const current = await getEndpoint(db, id);
  const activeAfter = patch.active ?? current.active;
  if (patch.resendFailed && !activeAfter)
    throw new AppError(
      "CONFLICT",
      "Switch the endpoint on (active: true) to re-send its failed deliveries",
      { details: { fields: { resend_failed: ["Needs the endpoint switched on"] } } },
    );
  // A new URL, and the URL an endpoint being switched on would send to, must be allowed targets.
  if (patch.url !== undefined || patch.active === true)
    assertAllowedTarget(patch.url ?? current.url, rules);
  const set: Partial<EndpointRecord> = { updatedAt: now };
  if (patch.url !== undefined) set.url = patch.url;
  if (patch.eventTypes !== undefined) set.eventTypes = [...new Set(patch.eventTypes)];
  if (patch.active === true)
    Object.assign(set, {
      active: true,
      disabledReason: null,
      disabledAt: null,
      consecutiveFailures: 0,
    });
  if (patch.active === false)
    Object.assign(set, { active: false, disabledReason: null, disabledAt: now });
  const resend = patch.resendFailed && current.failingSince !== null;
  if (resend) set.failedDeliveries = 0;
  // Moving off a refused URL: what that target answered is dropped, not shown under the new URL.
  if (
    patch.url !== undefined &&
    patch.url !== current.url &&
    !checkWebhookTarget(current.url, rules).ok
  )
    await scrubExcerptsOfEndpoint(db, id);
  const row = await updateEndpointRow(db, id, set);
  if (patch.active === true && !current.active)
    await enqueueDeliveries(webhooks, await unparkDeliveries(db, id, now));
  if (resend)
    await enqueueDeliveries(
      webhooks,
      await resendFailedDeliveries(db, id, current.failingSince!, now),
    );
  return { before: current, after: row! };
}

export async function deleteEndpoint(db: Db, id: number, now: number): Promise<void> {
  await getEndpoint(db, id);
  await deleteEndpointRow(db, id, now);
}

/** Deliveries newest first; `before` is the last id of the previous page. */
export async function listDeliveries(
  db: Db,
  endpointId: number,
  opts: { before?: number; limit: number; status?: DeliveryRecord["status"] },
): Promise<DeliveryRecord[]> {
  await getEndpoint(db, endpointId);
  return listDeliveryRows(db, endpointId, opts);
}

/**
 * A delivery with its attempts. What a receiver answered is shown only while the endpoint's URL is an
 * allowed target: an excerpt kept from an inward address (stored before the check) is not read back.
 */
export async function getDelivery(
  db: Db,
  endpointId: number,
  deliveryId: number,
  rules: TargetRules,
) {
  const endpoint = await getEndpoint(db, endpointId);
  const delivery = await findDelivery(db, endpointId, deliveryId);
  if (!delivery) throw new AppError("NOT_FOUND", "No delivery with this id for this endpoint");
  const attempts = await attemptsOf(db, deliveryId);
  if (checkWebhookTarget(endpoint.url, rules).ok) return { delivery, attempts };
  return { delivery, attempts: attempts.map((a) => ({ ...a, responseExcerpt: null })) };
}

/** Erasure replaces a lead's own payloads with `{"erased": true, …}`. */
function isErasedPayload(payload: string): boolean {
  try {
    return (JSON.parse(payload) as { erased?: unknown }).erased === true;
  } catch {
    return false;
  }
}

/** Sends a delivery again (same webhook-id and body, so receivers can tell it is the same event). */
export async function replayDelivery(
  db: Db,
  webhooks: Queue,
  endpointId: number,
  deliveryId: number,
  now: number,
): Promise<DeliveryRecord> {
  const endpoint = await getEndpoint(db, endpointId);
  if (!endpoint.active)
    throw new AppError(
      "CONFLICT",
      "The endpoint is switched off; switch it on (PATCH active: true) before replaying",
    );
  const delivery = await findDelivery(db, endpointId, deliveryId);
  if (!delivery) throw new AppError("NOT_FOUND", "No delivery with this id for this endpoint");
  if (isErasedPayload(delivery.payload))
    throw new AppError("GONE", "This delivery's lead was erased; there is nothing left to send");
  const row = await resetDelivery(db, deliveryId, now);
  await enqueueDeliveries(webhooks, [deliveryId]);
  return row!;
}

/**
 * The cron's safety net: pending deliveries whose attempt is long overdue (their queue message went
 * missing, e.g. dead-lettered) are queued again. Bounded per tick.
 */
export async function sweepStuckDeliveries(
  db: Db,
  webhooks: Queue,
  now: number,
  graceMs = 15 * 60_000,
  limit = 100,
): Promise<number> {
  const stuck = await claimOverdueDeliveries(db, now, graceMs, limit);
  await enqueueDeliveries(webhooks, stuck);
  return stuck.length;
}
