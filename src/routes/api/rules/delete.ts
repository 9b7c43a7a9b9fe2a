// DELETE /api/v1/score-rules/{id} (marketing): removes a rule; its points are taken back at each lead's next scoring.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { requirePermission } from "../../../http/auth";
import { deleteRule } from "../../../services/scoring/rules-store";
import { errorResponses, idParams, security } from "../../../http/openapi";

const route = createRoute({
  method: "delete",
  path: "/api/v1/score-rules/{id}",
  tags: ["Scoring"],
  summary: "Remove a score rule",
  security,
  middleware: [requirePermission("score_rules.write")] as const,
  request: { params: idParams },
  responses: { 204: { description: "Removed" }, ...errorResponses(400, 404) },
});

export function registerDeleteRule(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    await deleteRule(c.get("db"), c.req.valid("param").id);
    return c.body(null, 204);
  });
}
