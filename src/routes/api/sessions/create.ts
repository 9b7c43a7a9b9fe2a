// POST /api/v1/assets/{id}/sessions (marketing): schedules a session of a course.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit } from "../../../http/audit";
import { sessionRecord } from "../../../http/audit-records";
import { requirePermission } from "../../../http/auth";
import { createSession } from "../../../services/sessions/manage-sessions";
import { errorResponses, idParams, jsonBody, jsonContent, security } from "../../../http/openapi";
import { sessionFields, sessionOut, sessionSchema } from "./schemas";

const body = z.object(sessionFields).openapi({
  example: {
    starts_at: "2026-12-09T19:00",
    time_zone: "Asia/Shanghai",
    duration_minutes: 90,
    join_url: "https://meeting.tencent.com/dm/abc",
    capacity: 200,
  },
});

const route = createRoute({
  method: "post",
  path: "/api/v1/assets/{id}/sessions",
  tags: ["Course sessions"],
  summary: "Schedule a course session",
  security,
  middleware: [requirePermission("assets.write")] as const,
  request: { params: idParams, body: jsonBody(body) },
  responses: { 201: jsonContent(sessionSchema, "The session"), ...errorResponses(400, 404, 409) },
});

export function registerCreateSession(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const row = await createSession(
      c.get("db"),
      c.req.valid("param").id,
      c.req.valid("json"),
      c.get("now"),
    );
    await audit(c, {
      action: "course_session.create",
      subject: { type: "course_session", id: row.id },
      before: null,
      after: sessionRecord(row),
    });
    return c.json(sessionOut(row), 201);
  });
}
