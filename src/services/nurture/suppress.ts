// Suppressing an address for good: no further email of any sequence, every enrolment of the lead stopped.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../env";
import { batch } from "../../store/batch";
import { emailHash } from "../../domain/email-address";

export type SuppressionReason = "unsubscribed" | "bounced" | "complained";

/**
 * The statements that suppress a lead's address; callers put them in the same batch as whatever caused it,
 * so a webhook receipt and its effect land together or not at all.
 */
export function suppressionStatements(leadId: number, hash: string, reason: SuppressionReason, now: number): SQL[] {
  return [
    sql`INSERT INTO suppressions (email_hash, reason, at) VALUES (${hash}, ${reason}, ${now}) ON CONFLICT (email_hash) DO NOTHING`,
    sql`
      UPDATE enrolments SET status = 'stopped', stopped_reason = ${reason}, next_due_at = NULL, updated_at = ${now}
      WHERE lead_id = ${leadId} AND status IN ('active', 'pending_optin')`,
  ];
}

/** The one-click and confirm-page unsubscribe. Returns false when the lead no longer exists. */
export async function unsubscribeLead(db: Db, leadId: number, sendId: number, now: number): Promise<boolean> {
  const [lead] = await db.all<{ email: string }>(sql`SELECT email FROM leads WHERE id = ${leadId}`);
  if (!lead) return false;
  await batch(db, [
    ...suppressionStatements(leadId, await emailHash(lead.email), "unsubscribed", now),
    sql`
      INSERT INTO events (lead_id, asset_id, type, at, data)
      SELECT ${leadId}, (SELECT asset_id FROM sends WHERE id = ${sendId}), 'unsubscribed', ${now}, json_object('send_id', ${sendId || null})
      WHERE NOT EXISTS (SELECT 1 FROM events WHERE lead_id = ${leadId} AND type = 'unsubscribed')`,
  ]);
  return true;
}

/** The language of pages shown to a lead who arrives from an email. */
export async function leadLocale(db: Db, leadId: number): Promise<string | null> {
  const [row] = await db.all<{ locale: string }>(sql`SELECT locale FROM leads WHERE id = ${leadId}`);
  return row?.locale ?? null;
}
