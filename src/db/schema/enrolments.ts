// An enrolment is one lead on one sequence; next_due_at drives the cron through an index.
import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { id, createdAt, updatedAt } from "./columns";
import { ENROLMENT_STATUSES, type EnrolmentStatus } from "../../domain/vocabulary";

export { ENROLMENT_STATUSES, type EnrolmentStatus };

/**
 * next_due_at is set only while the enrolment has something to send (its next step, or the
 * opt-in confirmation at position 0); the partial index therefore holds exactly the work to do.
 */
export const enrolments = sqliteTable(
  "enrolments",
  {
    id: id(),
    leadId: integer("lead_id").notNull(),
    sequenceId: integer("sequence_id").notNull(),
    assetId: integer("asset_id").notNull(),
    status: text("status", { enum: ENROLMENT_STATUSES }).notNull().default("active"),
    nextPosition: integer("next_position").notNull().default(1),
    nextDueAt: integer("next_due_at"),
    stoppedReason: text("stopped_reason"),
    /** The course session that session-relative steps count from (null for whitepapers). */
    sessionId: integer("session_id"),
    /** When the drip started: enrolment time, or the opt-in confirmation for double opt-in assets. */
    startedAt: integer("started_at").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("enrolments_lead_sequence").on(t.leadId, t.sequenceId),
    index("enrolments_due").on(t.nextDueAt).where(sql`${t.nextDueAt} IS NOT NULL`),
  ],
);

export type Enrolment = typeof enrolments.$inferSelect;
