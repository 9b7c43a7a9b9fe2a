// Resend's webhook events mapped onto the send ledger, the event log and suppressions; replays change nothing.
import { z } from "zod";
import type { SQL } from "drizzle-orm";
import type { Db } from "../../env";
import { batch } from "../../store/batch";
import { hookReceiptSeen, recordHookReceipt } from "../../store/hook-receipts";
import {
  attachResendId,
  markSendBounced,
  markSendComplained,
  markSendDelayed,
  markSendDelivered,
  markSendFailedAtResend,
  sendEvent,
  sendForResendEvent,
} from "../../store/sends";
import type { EventType } from "../../db/schema";
import { emailHashes } from "../../domain/email-address";
import { suppressionStatements } from "./suppress";
import { trackStatements } from "./track";

export const resendEvent = z.object({
  type: z.string().min(1).max(100),
  created_at: z.string().optional(),
  data: z
    .object({
      email_id: z.string().max(200).optional(),
      tags: z
        .union([
          z.record(z.string(), z.string()),
          z.array(z.object({ name: z.string(), value: z.string() })),
        ])
        .optional(),
      bounce: z
        .object({
          type: z.string().optional(),
          subType: z.string().optional(),
          message: z.string().optional(),
        })
        .passthrough()
        .optional(),
      created_at: z.string().optional(),
      click: z
        .object({
          link: z.string().optional(),
          ipAddress: z.string().max(100).optional(),
          userAgent: z.string().max(2000).optional(),
          timestamp: z.string().optional(),
        })
        .passthrough()
        .optional(),
      failed: z.object({ reason: z.string().optional() }).passthrough().optional(),
    })
    .passthrough(),
});
type ResendEvent = z.infer<typeof resendEvent>;

type HookOutcome = "applied" | "duplicate" | "ignored" | "unmatched";

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

function ledgerStatement(
  type: string,
  sendId: number,
  event: ResendEvent,
  now: number,
): SQL | null {
  switch (type) {
    case "email.delivered":
      return markSendDelivered(sendId, now);
    case "email.bounced":
      return markSendBounced(sendId, event.data.bounce?.message ?? "bounced", now);
    case "email.complained":
      return markSendComplained(sendId, now);
    case "email.failed":
      return markSendFailedAtResend(sendId, event.data.failed?.reason ?? "failed at Resend", now);
    case "email.delivery_delayed":
      return markSendDelayed(sendId, now);
  }
  return null;
}

/** A time Resend reports, in ms; `fallback` when missing, unreadable or in the future. */
function timeOf(iso: string | undefined, fallback: number): number {
  const t = iso ? Date.parse(iso) : Number.NaN;
  return Number.isFinite(t) && t <= fallback ? t : fallback;
}

/**
 * Resend's own open and click tracking, judged like ours: its clicks carry the agent and address, its opens only
 * a time. Machines' events are kept apart; none of these is scored (our own tracking links are).
 */
async function engagementStatements(
  db: Db,
  send: { id: number; sentAt: number | null },
  event: ResendEvent,
  now: number,
): Promise<SQL[]> {
  const click = event.type === "email.clicked" ? (event.data.click ?? {}) : null;
  const judged = await trackStatements(
    db,
    click ? "click" : "open",
    { sendId: send.id, url: click?.link ?? null },
    click ? { userAgent: click.userAgent ?? null, ip: click.ipAddress ?? null } : { ip: null },
    {
      source: "resend",
      resendId: event.data.email_id ?? null,
      sentAt: event.data.created_at ? timeOf(event.data.created_at, now) : null,
    },
    timeOf(click?.timestamp ?? event.created_at, now),
  );
  return judged?.statements ?? [];
}

/** A transient bounce is not a reason to stop writing to someone; a permanent one is. */
const suppresses = (e: ResendEvent) =>
  e.type === "email.complained"
    ? "complained"
    : e.type === "email.bounced" && !/transient/i.test(e.data.bounce?.type ?? "")
      ? "bounced"
      : null;

export async function applyResendEvent(
  db: Db,
  messageId: string,
  event: ResendEvent,
  now: number,
  /** Keys the suppression hash (suppressionSecret of the config). */
  secret: string,
): Promise<HookOutcome> {
  const logType = EVENT_LOG[event.type];
  if (!logType) return "ignored";
  if (await hookReceiptSeen(db, messageId)) return "duplicate";
  const tagged = Number(tagOf(event.data.tags, "send") ?? 0) || 0;
  const send = await sendForResendEvent(db, event.data.email_id ?? "", tagged);
  const statements: SQL[] = [recordHookReceipt(messageId, "resend", now)];
  if (send) {
    if (event.data.email_id) statements.push(attachResendId(send.id, event.data.email_id));
    if (event.type === "email.opened" || event.type === "email.clicked") {
      statements.push(...(await engagementStatements(db, send, event, now)));
    } else {
      statements.push(ledgerStatement(event.type, send.id, event, now)!);
      const data = JSON.stringify({
        send_id: send.id,
        resend_id: event.data.email_id ?? null,
        source: "resend",
      });
      statements.push(sendEvent(send.id, logType, data, now));
    }
    const reason = suppresses(event);
    if (reason)
      statements.push(
        ...suppressionStatements(send.leadId, await emailHashes(send.email, secret), reason, now),
      );
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
