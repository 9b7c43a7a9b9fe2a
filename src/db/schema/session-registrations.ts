// A lead's seat in one course session, and whether they came (from an attendance import).
import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { id, createdAt, updatedAt } from "./columns";
import { ATTENDANCE_MARKS, type AttendanceMark } from "../../domain/vocabulary";

export { ATTENDANCE_MARKS, type AttendanceMark };

export const sessionRegistrations = sqliteTable(
  "session_registrations",
  {
    id: id(),
    sessionId: integer("session_id").notNull(),
    leadId: integer("lead_id").notNull(),
    /** Null until an attendance file for the session is imported. */
    attendance: text("attendance", { enum: ATTENDANCE_MARKS }),
    attendedMinutes: integer("attended_minutes"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("session_registrations_session_lead").on(t.sessionId, t.leadId),
    index("session_registrations_lead").on(t.leadId),
  ],
);

export type SessionRegistration = typeof sessionRegistrations.$inferSelect;
