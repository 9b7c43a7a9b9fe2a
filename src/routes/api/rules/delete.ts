// DELETE /api/v1/score-rules/{id} (marketing): removes a rule; its points are taken back at each lead's next scoring.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit } from "../../../http/audit";
import { ruleRecord } from "../../../http/audit-records";
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
    const id = c.req.valid("param").id;
    const before = await deleteRule(c.get("db"), id);
    await audit(c, {
      action: "score_rule.delete",
      subject: { type: "score_rule", id },
      before: ruleRecord(before),
      after: null,
    });
    return c.body(null, 204);
  });
}
