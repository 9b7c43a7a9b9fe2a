// GET /api/v1/assets/{id}/sessions (marketing): a course's sessions, soonest first, with seats taken.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { requirePermission } from "../../../http/auth";
import { listSessions } from "../../../services/sessions/manage-sessions";
import { errorResponses, idParams, jsonContent, security } from "../../../http/openapi";
import { sessionOut, sessionSchema } from "./schemas";

const list = z.object({ data: z.array(sessionSchema) });

const route = createRoute({
  method: "get",
  path: "/api/v1/assets/{id}/sessions",
  tags: ["Course sessions"],
  summary: "List a course's sessions",
  security,
  middleware: [requirePermission("assets.read")] as const,
  request: { params: idParams },
  responses: { 200: jsonContent(list, "Sessions"), ...errorResponses(400, 404, 409) },
});

export function registerListSessions(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const rows = await listSessions(c.get("db"), c.req.valid("param").id);
    return c.json(list.parse({ data: rows.map(sessionOut) }), 200);
  });
}
