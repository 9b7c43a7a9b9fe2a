// Webhook deliveries: one per event and endpoint, with its schedule; parked, replayed, swept and scrubbed.
import { and, desc, eq, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../env";
import { type DeliveryRecord, type DeliveryStatus, e, d } from "./shared";

const DELIVERIES_PER_STATEMENT = 11;

/**
 * INSERT … RETURNING id and due time for one event's deliveries, for the caller's batch. A parked
 * delivery (endpoint disabled by Lodestone) gets no due time. Raw: the literal status and attempts keep
 * 11 rows under D1's bound-parameter limit, which drizzle's insert (every value a parameter) would not.
 */
export function deliveryInserts(
  ev: { messageId: string; leadId: number | null; eventType: string; payload: string },
  to: { id: number; parked: boolean }[],
  now: number,
): SQL[] {
  const out: SQL[] = [];
  for (let i = 0; i < to.length; i += DELIVERIES_PER_STATEMENT) {
    const rows = to
      .slice(i, i + DELIVERIES_PER_STATEMENT)
      .map(
        (s) =>
          sql`(${ev.messageId}, ${s.id}, ${ev.leadId}, ${ev.eventType}, ${ev.payload}, 'pending', 0, ${s.parked ? null : now}, ${now}, ${now})`,
      );
    out.push(sql`
      INSERT INTO webhook_deliveries (message_id, endpoint_id, lead_id, event_type, payload, status, attempts, next_attempt_at, created_at, updated_at)
      VALUES ${sql.join(rows, sql`, `)} RETURNING id, next_attempt_at AS "nextAttemptAt"`);
  }
  return out;
}

/** The ids to queue from the results of `deliveryInserts` (other results are skipped): rows with a due time. */
export function dueDeliveryIds(results: D1Result[]): number[] {
  return results.flatMap((r) =>
    (r.results as { id?: number; nextAttemptAt?: number | null }[])
      .filter(
        (x) => x.id !== undefined && x.nextAttemptAt !== undefined && x.nextAttemptAt !== null,
      )
      .map((x) => x.id!),
  );
}

/** What one attempt needs: the delivery and its endpoint, in one round trip. */
export async function readDeliveryAttempt(db: Db, deliveryId: number) {
  const [deliveries, endpoints] = await db.batch([
    db
      .select({
        id: d.id,
        messageId: d.messageId,
        endpointId: d.endpointId,
        payload: d.payload,
        status: d.status,
        attempts: d.attempts,
      })
      .from(d)
      .where(eq(d.id, deliveryId)),
    db
      .select({
        id: e.id,
        url: e.url,
        secret: e.secret,
        previousSecret: e.previousSecret,
        previousSecretExpiresAt: e.previousSecretExpiresAt,
        active: e.active,
      })
      .from(e)
      .innerJoin(d, eq(d.endpointId, e.id))
      .where(eq(d.id, deliveryId)),
  ]);
  return { delivery: deliveries[0], endpoint: endpoints[0] };
}

/** Parked, not lost: the delivery waits without a due time until its endpoint is switched back on. */
export async function parkDelivery(db: Db, deliveryId: number, now: number): Promise<void> {
  await db.update(d).set({ nextAttemptAt: null, updatedAt: now }).where(eq(d.id, deliveryId));
}

/** The same, as a statement for the caller's batch. */
export function deliveryParked(db: Db, deliveryId: number, now: number): SQL {
  return db
    .update(d)
    .set({ nextAttemptAt: null, updatedAt: now })
    .where(eq(d.id, deliveryId))
    .getSQL();
}

/** The delivery after an attempt, for the attempt's batch. */
export function deliveryAttempted(
  db: Db,
  deliveryId: number,
  r: {
    status: DeliveryStatus;
    attempts: number;
    lastStatusCode: number | null;
    nextAttemptAt: number | null;
  },
  now: number,
): SQL {
  return db
    .update(d)
    .set({ ...r, updatedAt: now })
    .where(eq(d.id, deliveryId))
    .getSQL();
}

/**
 * Gives the endpoint's parked deliveries a due time now; returns their ids to queue. Raw: the literal
 * status = 'pending' lets SQLite use the partial index on pending deliveries (a bound value would not).
 */
export async function unparkDeliveries(db: Db, endpointId: number, now: number): Promise<number[]> {
  const rows = await db.all<{ id: number }>(
    sql`UPDATE webhook_deliveries SET next_attempt_at = ${now}, updated_at = ${now} WHERE endpoint_id = ${endpointId} AND status = 'pending' AND next_attempt_at IS NULL RETURNING id`,
  );
  return rows.map((r) => r.id);
}

/**
 * The endpoint's deliveries that failed for good since `since` (when its run of failures began) are set to be
 * sent again from the first attempt; an erased lead's scrubbed payload never is. Returns their ids to queue.
 * Reads the endpoint's deliveries through webhook_deliveries_endpoint: a person's action, not a hot path.
 */
export async function resendFailedDeliveries(
  db: Db,
  endpointId: number,
  since: number,
  now: number,
): Promise<number[]> {
  const rows = await db.all<{ id: number }>(
    sql`UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = ${now}, updated_at = ${now}
        WHERE endpoint_id = ${endpointId} AND status = 'failed' AND updated_at >= ${since} AND json_extract(payload, '$.erased') IS NULL
        RETURNING id`,
  );
  return rows.map((r) => r.id);
}

/** Deliveries of an endpoint newest first; `before` is the last id of the previous page. */
export async function listDeliveryRows(
  db: Db,
  endpointId: number,
  opts: { before?: number; limit: number; status?: DeliveryStatus },
): Promise<DeliveryRecord[]> {
  const conds = [eq(d.endpointId, endpointId)];
  if (opts.before) conds.push(lt(d.id, opts.before));
  if (opts.status) conds.push(eq(d.status, opts.status));
  return db
    .select()
    .from(d)
    .where(and(...conds))
    .orderBy(desc(d.id))
    .limit(opts.limit);
}

export async function findDelivery(
  db: Db,
  endpointId: number,
  deliveryId: number,
): Promise<DeliveryRecord | undefined> {
  return db.query.webhookDeliveries.findFirst({
    where: and(eq(d.id, deliveryId), eq(d.endpointId, endpointId)),
  });
}

/** Sets a delivery to be sent again from the first attempt. */
export async function resetDelivery(
  db: Db,
  deliveryId: number,
  now: number,
): Promise<DeliveryRecord | undefined> {
  const [row] = await db
    .update(d)
    .set({ status: "pending", attempts: 0, nextAttemptAt: now, updatedAt: now })
    .where(eq(d.id, deliveryId))
    .returning();
  return row;
}

/**
 * Pending deliveries whose attempt is overdue by more than `graceMs` get a due time now, at most `limit`
 * of them; returns their ids. Raw: the literal status = 'pending' keeps the partial index on due deliveries usable.
 */
export async function claimOverdueDeliveries(
  db: Db,
  now: number,
  graceMs: number,
  limit: number,
): Promise<number[]> {
  const rows = await db.all<{ id: number }>(
    sql`UPDATE webhook_deliveries SET next_attempt_at = ${now}, updated_at = ${now}
        WHERE id IN (SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at < ${now - graceMs} LIMIT ${limit}) RETURNING id`,
  );
  return rows.map((r) => r.id);
}

// ── Attempts ──────────────────────────────────────────────────────────────────

/** The log row of one attempt, for the attempt's batch. Raw: drizzle's insert also names id (as NULL), which D1 meters as one more row read a statement. */

export function scrubDeliveriesOfLead(leadId: number, now: number): SQL[] {
  return [
    sql`UPDATE webhook_attempts SET response_excerpt = NULL WHERE delivery_id IN (SELECT id FROM webhook_deliveries WHERE lead_id = ${leadId})`,
    sql`UPDATE webhook_deliveries SET payload = json_object('erased', json('true'), 'lead_id', lead_id),
        status = CASE WHEN status = 'pending' THEN 'failed' ELSE status END, next_attempt_at = NULL, updated_at = ${now} WHERE lead_id = ${leadId}`,
  ];
}

/**
 * Other leads' payloads that name this lead as their referrer get `replacement` there instead (erasure).
 * Finds them through the leads it referred (a scan of leads by referred_by_lead_id: erasure is rare and
 * an index would cost a row on every referred capture), then webhook_deliveries_lead.
 */
export function scrubReferrerInDeliveries(leadId: number, replacement: object): SQL {
  return sql`UPDATE webhook_deliveries SET payload = json_set(payload, '$.data.lead.referred_by', json(${JSON.stringify(replacement)}))
    WHERE lead_id IN (SELECT id FROM leads WHERE referred_by_lead_id = ${leadId})
      AND json_extract(payload, '$.data.lead.referred_by.id') = ${leadId}`;
}

export function deliveriesOfLeadAsStored(leadId: number): SQL {
  return sql`SELECT id, message_id, endpoint_id, event_type, payload, status, attempts, created_at FROM webhook_deliveries WHERE lead_id = ${leadId} ORDER BY id`;
}
