// What sales reported back about a lead (accepted, won with its amount, lost), one row per external_id.
import { eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../env";
import { outcomes } from "../db/schema";

export type OutcomeRecord = typeof outcomes.$inferSelect;

export async function findOutcomeByExternalId(
  db: Db,
  externalId: string,
): Promise<OutcomeRecord | undefined> {
  const [row] = await db.select().from(outcomes).where(eq(outcomes.externalId, externalId));
  return row;
}

/**
 * The outcome's row, for the caller's batch; the unique external_id makes a racing duplicate fail the batch.
 * Raw: drizzle's insert also names id (as NULL), which D1 meters as one more row read a statement.
 */
export function outcomeInsert(r: Omit<OutcomeRecord, "id">): SQL {
  return sql`INSERT INTO outcomes (lead_id, stage, amount_minor, currency, reason, external_id, at) VALUES (${r.leadId}, ${r.stage}, ${r.amountMinor}, ${r.currency}, ${r.reason}, ${r.externalId}, ${r.at})`;
}

/** A lead's outcomes, oldest first (raw: aliased for a raw batch). */
export function outcomesOfLeadStatement(leadId: number): SQL {
  return sql`SELECT id, stage, amount_minor AS "amountMinor", currency, reason, external_id AS "externalId", at FROM outcomes WHERE lead_id = ${leadId} ORDER BY at, id`;
}
export type OutcomeOfLead = Omit<OutcomeRecord, "leadId">;

/** Erasure drops sales' free-text notes; stage, amount and time stay for the revenue figures. */
export function scrubOutcomesOfLead(leadId: number): SQL {
  return sql`UPDATE outcomes SET reason = NULL WHERE lead_id = ${leadId}`;
}

export function outcomesOfLeadAsStored(leadId: number): SQL {
  return sql`SELECT * FROM outcomes WHERE lead_id = ${leadId} ORDER BY at, id`;
}
