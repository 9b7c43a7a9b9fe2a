// Course session shapes in the API.
import { z } from "@hono/zod-openapi";
import { SESSION_STATUSES } from "../../../db/schema";
import type { SessionWithCount } from "../../../services/sessions/manage-sessions";

export const sessionSchema = z
  .object({
    id: z.number().int(),
    asset_id: z.number().int(),
    starts_at: z.string().openapi({ example: "2026-12-09T11:00:00.000Z", description: "UTC" }),
    time_zone: z.string().openapi({ example: "Asia/Shanghai" }),
    duration_minutes: z.number().int(),
    join_url: z.string(),
    capacity: z.number().int().nullable().openapi({ description: "null: unlimited" }),
    registered: z.number().int(),
    seats_left: z.number().int().nullable(),
    status: z.enum(SESSION_STATUSES),
    calendar_sequence: z.number().int(),
  })
  .openapi("CourseSession");

export const sessionFields = {
  starts_at: z.string().max(40).openapi({
    description:
      "ISO 8601 with an offset (2026-12-09T19:00:00+08:00), or a local date-time (2026-12-09T19:00) with time_zone",
    example: "2026-12-09T19:00",
  }),
  time_zone: z.string().min(1).max(64).nullable().optional().openapi({
    description: "IANA time zone the session is shown in (default: the asset's)",
    example: "Asia/Shanghai",
  }),
  duration_minutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .optional(),
  join_url: z.string().max(2048).openapi({ example: "https://meeting.tencent.com/dm/abc" }),
  capacity: z.number().int().min(1).max(1_000_000).nullable().optional(),
  status: z.enum(SESSION_STATUSES).optional(),
};

export const assetSessionParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: "id", in: "path" }, example: 42 }),
  sid: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: "sid", in: "path" }, example: 7 }),
});

export function sessionOut(s: SessionWithCount) {
  return sessionSchema.parse({
    id: s.id,
    asset_id: s.assetId,
    starts_at: new Date(s.startsAt).toISOString(),
    time_zone: s.timezone,
    duration_minutes: s.durationMinutes,
    join_url: s.joinUrl,
    capacity: s.capacity,
    registered: s.registered,
    seats_left: s.capacity === null ? null : Math.max(0, s.capacity - s.registered),
    status: s.status,
    calendar_sequence: s.calendarSequence,
  });
}
