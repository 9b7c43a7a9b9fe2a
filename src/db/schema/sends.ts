// The send ledger: one row per (enrolment, step), the unit of "sent at most once" (kept so by the tick, see below).
// step_id 0 is the double opt-in confirmation of the enrolment (it has no sequence step).
import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { idNeverReused, createdAt, updatedAt } from "./columns";
import { SEND_STATUSES, type SendStatus } from "../../domain/vocabulary";

export { SEND_STATUSES, type SendStatus };

export const sends = sqliteTable(
  "sends",
  {
    id: idNeverReused(),
    enrolmentId: integer("enrolment_id").notNull(),
    stepId: integer("step_id").notNull(),
    leadId: integer("lead_id").notNull(),
    assetId: integer("asset_id").notNull(),
    status: text("status", { enum: SEND_STATUSES }).notNull().default("queued"),
    resendId: text("resend_id"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** The Resend request (its Idempotency-Key) this send belongs to; fixed when the cron queues it. */
    batchKey: text("batch_key"),
    /** Times the stranded-send sweep queued this send again because its queue message was lost (src/nurture/sweep-stranded.ts). */
    requeues: integer("requeues").notNull().default(0),
    /** When Resend took the email: opens and clicks are timed from here (see src/domain/machine-traffic.ts). */
    sentAt: integer("sent_at"),
    /** The first open and click by a person; a machine's (Apple's mail proxy, a link scanner) are kept apart. */
    openedAt: integer("opened_at"),
    clickedAt: integer("clicked_at"),
    machineOpenedAt: integer("machine_opened_at"),
    machineClickedAt: integer("machine_clicked_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // No unique (enrolment_id, step_id) index: the tick inserts a send only while its enrolment still sits at the step it
    // read, in the same D1 transaction that moves the enrolment on, so a step is written once per enrolment without an
    // index entry per email (D1 counts each one as a row written). Ids therefore keep growing with time, which the
    // stranded-send sweep walks. Partial: only clicked sends, for the tick's "skip if clicked an earlier step".
    index("sends_clicked").on(t.enrolmentId).where(sql`${t.clickedAt} IS NOT NULL`),
    // Partial: a queued or skipped send has no Resend id, so queuing one writes no index entry here.
    index("sends_resend_id").on(t.resendId).where(sql`${t.resendId} IS NOT NULL`),
  ],
);

export type Send = typeof sends.$inferSelect;
export const OPTIN_STEP_ID = 0;
