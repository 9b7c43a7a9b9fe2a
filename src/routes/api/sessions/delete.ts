// DELETE /api/v1/assets/{id}/sessions/{sid} (marketing): removes a session nobody registered for; one with
// registrants is cancelled instead (they are told, their reminders stop) and comes back with status "cancelled".
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit } from "../../../http/audit";
import { sessionRecord } from "../../../http/audit-records";
import { requirePermission } from "../../../http/auth";
import { removeSession } from "../../../services/sessions/manage-sessions";
import { errorResponses, jsonContent, security } from "../../../http/openapi";
import { assetSessionParams, sessionOut, sessionSchema } from "./schemas";

const route = createRoute({
  method: "delete",
  path: "/api/v1/assets/{id}/sessions/{sid}",
  tags: ["Course sessions"],
  summary: "Remove a course session (cancel it if anyone registered)",
  security,
  middleware: [requirePermission("assets.write")] as const,
  request: { params: assetSessionParams },
  responses: {
    200: jsonContent(sessionSchema, "Cancelled: the session had registrants"),
    204: { description: "Removed" },
    ...errorResponses(400, 404, 409),
  },
});

export function registerDeleteSession(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { id, sid } = c.req.valid("param");
    const { before, after } = await removeSession(
      { db: c.get("db"), jobs: c.env.JOBS },
      id,
      sid,
      c.get("now"),
    );
    await audit(c, {
      action: after ? "course_session.cancel" : "course_session.delete",
      subject: { type: "course_session", id: sid },
      before: sessionRecord(before),
      after: after ? sessionRecord(after) : null,
    });
    if (!after) return c.body(null, 204);
    return c.json(sessionOut(after), 200);
  });
}
