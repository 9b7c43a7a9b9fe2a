// Resend's webhook events mapped onto the send ledger, the event log and suppressions; replays change nothing.
import { z } from "zod";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../env";
import { batch } from "../../store/batch";
import type { EventType } from "../../db/schema";
import { emailHash } from "../../domain/email-address";
import { suppressionStatements } from "./suppress";

export const resendEvent = z.object({
  type: z.string().min(1).max(100),
  created_at: z.string().optional(),
  data: z
    .object({
      email_id: z.string().max(200).optional(),
      tags: z.union([z.record(z.string(), z.string()), z.array(z.object({ name: z.string(), value: z.string() }))]).optional(),
      bounce: z.object({ type: z.string().optional(), subType: z.string().optional(), message: z.string().optional() }).passthrough().optional(),
      click: z.object({ link: z.string().optional() }).passthrough().optional(),
      failed: z.object({ reason: z.string().optional() }).passthrough().optional(),
    })
    .passthrough(),
});
export type ResendEvent = z.infer<typeof resendEvent>;

export type HookOutcome = "applied" | "duplicate" | "ignored" | "unmatched";

const EVENT_LOG: Record<string, EventType> = {
  "email.delivered": "email_delivered",
  "email.bounced": "email_bounced",
  "email.complained": "email_complained",
  "email.opened": "email_opened",
  "email.clicked": "email_clicked",
  "email.delivery_delayed": "email_delayed",
  "email.failed": "email_failed",
};

function tagOf(tags: ResendEvent["data"]["tags"], name: string): string | undefined {
  if (!tags) return undefined;
  return Array.isArray(tags) ? tags.find((t) => t.name === name)?.value : tags[name];
}

interface SendFacts {
  id: number;
  lead_id: number;
  email: string;
}

function ledgerStatement(type: string, sendId: number, event: ResendEvent, now: number): SQL | null {
  switch (type) {
    case "email.delivered":
      return sql`UPDATE sends SET status = 'delivered', updated_at = ${now} WHERE id = ${sendId} AND status = 'sent'`;
    case "email.bounced":
      return sql`UPDATE sends SET status = 'bounced', last_error = ${event.data.bounce?.message ?? "bounced"}, updated_at = ${now} WHERE id = ${sendId} AND status IN ('sent', 'delivered')`;
    case "email.complained":
      return sql`UPDATE sends SET status = 'complained', updated_at = ${now} WHERE id = ${sendId} AND status IN ('sent', 'delivered', 'bounced')`;
    case "email.failed":
      return sql`UPDATE sends SET status = 'failed', last_error = ${event.data.failed?.reason ?? "failed at Resend"}, updated_at = ${now} WHERE id = ${sendId} AND status IN ('sent', 'delivered')`;
    case "email.opened":
      return sql`UPDATE sends SET opened_at = coalesce(opened_at, ${now}), updated_at = ${now} WHERE id = ${sendId}`;
    case "email.clicked":
      return sql`UPDATE sends SET clicked_at = coalesce(clicked_at, ${now}), updated_at = ${now} WHERE id = ${sendId}`;
    case "email.delivery_delayed":
      return sql`UPDATE sends SET last_error = 'delivery delayed', updated_at = ${now} WHERE id = ${sendId}`;
  }
  return null;
}

/** A transient bounce is not a reason to stop writing to someone; a permanent one is. */
const suppresses = (e: ResendEvent) =>
  e.type === "email.complained" ? "complained" : e.type === "email.bounced" && !/transient/i.test(e.data.bounce?.type ?? "") ? "bounced" : null;

export async function applyResendEvent(db: Db, messageId: string, event: ResendEvent, now: number): Promise<HookOutcome> {
  const logType = EVENT_LOG[event.type];
  if (!logType) return "ignored";
  const [seen] = await db.all(sql`SELECT 1 FROM hook_receipts WHERE message_id = ${messageId}`);
  if (seen) return "duplicate";
  const tagged = Number(tagOf(event.data.tags, "send") ?? 0) || 0;
  const [send] = await db.all<SendFacts>(sql`
    SELECT s.id, s.lead_id, l.email FROM sends s JOIN leads l ON l.id = s.lead_id
    WHERE s.resend_id = ${event.data.email_id ?? ""} OR (s.id = ${tagged} AND s.resend_id IS NULL) LIMIT 1`);
  const receipt = sql`INSERT INTO hook_receipts (message_id, source, at) VALUES (${messageId}, 'resend', ${now})`;
  const statements: SQL[] = [receipt];
  if (send) {
    if (event.data.email_id) statements.push(sql`UPDATE sends SET resend_id = ${event.data.email_id} WHERE id = ${send.id} AND resend_id IS NULL`);
    statements.push(ledgerStatement(event.type, send.id, event, now)!);
    const data = JSON.stringify({ send_id: send.id, resend_id: event.data.email_id ?? null, source: "resend", ...(event.data.click?.link ? { url: event.data.click.link } : {}) });
    statements.push(sql`INSERT INTO events (lead_id, asset_id, type, at, data) SELECT lead_id, asset_id, ${logType}, ${now}, ${data} FROM sends WHERE id = ${send.id}`);
    const reason = suppresses(event);
    if (reason) statements.push(...suppressionStatements(send.lead_id, await emailHash(send.email), reason, now));
  }
  try {
    await batch(db, statements);
  } catch (err) {
    // Two deliveries of the same message raced: the receipt's primary key let one through.
    if (/UNIQUE|constraint/i.test(String((err as Error).message))) return "duplicate";
    throw err;
  }
  return send ? "applied" : "unmatched";
}
