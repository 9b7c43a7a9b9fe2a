// PATCH /api/v1/assets/{id}/sessions/{sid} (marketing): changes a session. A new time moves every registrant's
// session reminders and emails each an iTIP REQUEST; status "cancelled" emails a CANCEL and stops the reminders.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit } from "../../../http/audit";
import { sessionRecord } from "../../../http/audit-records";
import { requirePermission } from "../../../http/auth";
import { updateSession } from "../../../services/sessions/manage-sessions";
import { errorResponses, jsonBody, jsonContent, security } from "../../../http/openapi";
import { assetSessionParams, sessionFields, sessionOut, sessionSchema } from "./schemas";

const body = z.object(sessionFields).partial();

const route = createRoute({
  method: "patch",
  path: "/api/v1/assets/{id}/sessions/{sid}",
  tags: ["Course sessions"],
  summary: "Change, reschedule or cancel a course session",
  security,
  middleware: [requirePermission("assets.write")] as const,
  request: { params: assetSessionParams, body: jsonBody(body) },
  responses: { 200: jsonContent(sessionSchema, "The session"), ...errorResponses(400, 404, 409) },
});

export function registerUpdateSession(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { id, sid } = c.req.valid("param");
    const { before, after } = await updateSession(
      { db: c.get("db"), jobs: c.env.JOBS },
      id,
      sid,
      c.req.valid("json"),
      c.get("now"),
    );
    await audit(c, {
      action: "course_session.update",
      subject: { type: "course_session", id: sid },
      before: sessionRecord(before),
      after: sessionRecord(after),
    });
    return c.json(sessionOut(after), 200);
  });
}
