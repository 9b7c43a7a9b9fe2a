// Webhook endpoints: the sales systems registered to receive events, and their health after each attempt.
import { eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../env";
import { batch } from "../batch";
import { type EndpointRecord, e } from "./shared";

type EmitEndpoint = Pick<EndpointRecord, "id" | "eventTypes" | "active" | "disabledReason">;

/**
 * Every endpoint, as emitting needs it; the table is small (a handful of sales systems). Read by every
 * scoring, as a batch of one (the D1 call scoring always made here). Raw: on that hot path drizzle's
 * select costs a few tenths of a millisecond more a call (measured), several per cent of a lead's scoring.
 */
export async function endpointsForEmit(db: Db): Promise<EmitEndpoint[]> {
  const [found] = await batch<
    Omit<EmitEndpoint, "eventTypes" | "active"> & { eventTypes: string; active: number }
  >(db, [
    sql`SELECT id, event_types AS "eventTypes", active, disabled_reason AS "disabledReason" FROM webhook_endpoints`,
  ]);
  return found!.results.map((row) => ({
    ...row,
    eventTypes: JSON.parse(row.eventTypes) as string[],
    active: !!row.active,
  }));
}

export async function insertEndpoint(
  db: Db,
  row: Omit<typeof e.$inferInsert, "id">,
): Promise<EndpointRecord> {
  const [out] = await db.insert(e).values(row).returning();
  return out!;
}

export async function listEndpointRows(db: Db): Promise<EndpointRecord[]> {
  return db.select().from(e).orderBy(e.id);
}

export async function findEndpoint(db: Db, id: number): Promise<EndpointRecord | undefined> {
  return db.query.webhookEndpoints.findFirst({ where: eq(e.id, id) });
}

export async function updateEndpointRow(
  db: Db,
  id: number,
  set: Partial<EndpointRecord>,
): Promise<EndpointRecord | undefined> {
  const [row] = await db.update(e).set(set).where(eq(e.id, id)).returning();
  return row;
}

/** Deletes the endpoint and ends its pending deliveries, so no retry outlives it (ids are never reused either). */
export async function deleteEndpointRow(db: Db, id: number, now: number): Promise<void> {
  await batch(db, [
    sql`UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL, updated_at = ${now} WHERE endpoint_id = ${id} AND status = 'pending'`,
    db.delete(e).where(eq(e.id, id)).getSQL(),
  ]);
}

/** After a delivered attempt: the endpoint is healthy again. */
export function endpointSucceeded(db: Db, id: number, now: number): SQL {
  return db
    .update(e)
    .set({ consecutiveFailures: 0, failingSince: null, failedDeliveries: 0, updatedAt: now })
    .where(eq(e.id, id))
    .getSQL();
}

export function endpointFailed(db: Db, id: number, now: number): SQL {
  return db
    .update(e)
    .set({
      consecutiveFailures: sql`${e.consecutiveFailures} + 1`,
      failingSince: sql`coalesce(${e.failingSince}, ${now})`,
      updatedAt: now,
    })
    .where(eq(e.id, id))
    .getSQL();
}

/** A delivery failed for good: Lodestone switches the endpoint off itself, saying why (the marketer's flag). */
export function endpointDisabled(db: Db, id: number, reason: string, now: number): SQL {
  return db
    .update(e)
    .set({
      active: false,
      consecutiveFailures: sql`${e.consecutiveFailures} + 1`,
      failingSince: sql`coalesce(${e.failingSince}, ${now})`,
      failedDeliveries: sql`${e.failedDeliveries} + 1`,
      disabledAt: now,
      updatedAt: now,
      disabledReason: reason,
    })
    .where(eq(e.id, id))
    .getSQL();
}

// ── Deliveries ────────────────────────────────────────────────────────────────

/** Up to 11 deliveries per statement keeps under D1's 100 bound parameters. */
