// Suppressing an address for good: no further email of any sequence, every enrolment of the lead stopped.
import type { SQL } from "drizzle-orm";
import type { Db } from "../../env";
import { batch } from "../../store/batch";
import { suppressAddress } from "../../store/suppressions";
import { stopLeadEnrolments } from "../../store/enrolments";
import { leadEmail, leadLocaleOf } from "../../store/leads";
import { unsubscribedEvent } from "../../store/sends";
import { emailHashes, type EmailHashes } from "../../domain/email-address";

type SuppressionReason = "unsubscribed" | "bounced" | "complained";

/**
 * The statements that suppress a lead's address; callers put them in the same batch as whatever caused it,
 * so a webhook receipt and its effect land together or not at all.
 */
export function suppressionStatements(
  leadId: number,
  hashes: EmailHashes,
  reason: SuppressionReason,
  now: number,
): SQL[] {
  return [...suppressAddress(hashes, reason, now), stopLeadEnrolments(leadId, reason, now)];
}

/** The one-click and confirm-page unsubscribe. Returns false when the lead no longer exists. */
export async function unsubscribeLead(
  db: Db,
  leadId: number,
  sendId: number,
  now: number,
  secret: string,
): Promise<boolean> {
  const email = await leadEmail(db, leadId);
  if (email === null) return false;
  await batch(db, [
    ...suppressionStatements(leadId, await emailHashes(email, secret), "unsubscribed", now),
    unsubscribedEvent(leadId, sendId, now),
  ]);
  return true;
}

/** The language of pages shown to a lead who arrives from an email. */
export async function leadLocale(db: Db, leadId: number): Promise<string | null> {
  return leadLocaleOf(db, leadId);
}
