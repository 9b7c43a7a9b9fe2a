// Webhook attempts: every try of a delivery, with the answer or the error.
import { eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../env";
import { webhookAttempts } from "../../db/schema";
import type { AttemptRecord } from "./shared";

export function attemptInsert(r: Omit<AttemptRecord, "id">): SQL {
  return sql`INSERT INTO webhook_attempts (delivery_id, at, status_code, duration_ms, response_excerpt, error) VALUES (${r.deliveryId}, ${r.at}, ${r.statusCode}, ${r.durationMs}, ${r.responseExcerpt}, ${r.error})`;
}

export async function attemptsOf(db: Db, deliveryId: number): Promise<AttemptRecord[]> {
  return db
    .select()
    .from(webhookAttempts)
    .where(eq(webhookAttempts.deliveryId, deliveryId))
    .orderBy(webhookAttempts.id);
}

/** What an endpoint's receiver answered, gone: kept from a URL that was not an allowed target. */
export async function scrubExcerptsOfEndpoint(db: Db, endpointId: number): Promise<void> {
  // Raw: one UPDATE over the endpoint's deliveries' attempts (a subquery drizzle's update cannot say as briefly).
  await db.run(
    sql`UPDATE webhook_attempts SET response_excerpt = NULL WHERE delivery_id IN (SELECT id FROM webhook_deliveries WHERE endpoint_id = ${endpointId})`,
  );
}

/** Erasure scrubs what receivers answered about the person, and the payloads: replays then send the scrubbed one. */
