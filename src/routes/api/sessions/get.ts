// GET /api/v1/assets/{id}/sessions/{sid} (marketing): one session of a course.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { requirePermission } from "../../../http/auth";
import { getSession } from "../../../services/sessions/manage-sessions";
import { errorResponses, jsonContent, security } from "../../../http/openapi";
import { assetSessionParams, sessionOut, sessionSchema } from "./schemas";

const route = createRoute({
  method: "get",
  path: "/api/v1/assets/{id}/sessions/{sid}",
  tags: ["Course sessions"],
  summary: "Get a course session",
  security,
  middleware: [requirePermission("assets.read")] as const,
  request: { params: assetSessionParams },
  responses: { 200: jsonContent(sessionSchema, "The session"), ...errorResponses(400, 404, 409) },
});

export function registerGetSession(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { id, sid } = c.req.valid("param");
    return c.json(sessionOut(await getSession(c.get("db"), id, sid)), 200);
  });
}
