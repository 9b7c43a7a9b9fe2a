// A scheduled live session of a course asset (an open class, a trial lesson).
import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { id, createdAt } from "./columns";
import { SESSION_STATUSES, type SessionStatus } from "../../domain/vocabulary";

export { SESSION_STATUSES, type SessionStatus };

export const courseSessions = sqliteTable(
  "course_sessions",
  {
    id: id(),
    assetId: integer("asset_id").notNull(),
    startsAt: integer("starts_at").notNull(),
    durationMinutes: integer("duration_minutes").notNull().default(60),
    timezone: text("timezone").notNull(),
    joinUrl: text("join_url").notNull(),
    /** Seats; null is unlimited. Counted against session_registrations by a guarded insert. */
    capacity: integer("capacity"),
    status: text("status", { enum: SESSION_STATUSES }).notNull().default("scheduled"),
    /** The iCalendar SEQUENCE: raised on every change a calendar must apply (time, cancellation). */
    calendarSequence: integer("calendar_sequence").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull().default(0),
  },
  (t) => [index("course_sessions_asset_starts").on(t.assetId, t.startsAt)],
);

export type CourseSession = typeof courseSessions.$inferSelect;
