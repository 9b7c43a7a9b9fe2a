// A scheduled live session of a course asset (an open class, a trial lesson).
import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { id, createdAt } from "./columns";

export const courseSessions = sqliteTable(
  "course_sessions",
  {
    id: id(),
    assetId: integer("asset_id").notNull(),
    startsAt: integer("starts_at").notNull(),
    durationMinutes: integer("duration_minutes").notNull().default(60),
    timezone: text("timezone").notNull(),
    joinUrl: text("join_url").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("course_sessions_asset_starts").on(t.assetId, t.startsAt)],
);

export type CourseSession = typeof courseSessions.$inferSelect;
