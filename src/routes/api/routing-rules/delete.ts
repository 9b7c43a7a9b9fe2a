// DELETE /api/v1/routing-rules/{id} (marketing): removes a rule; new MQLs fall through to the next one.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit } from "../../../http/audit";
import { routingRuleRecord } from "../../../http/audit-records";
import { requirePermission } from "../../../http/auth";
import { removeRoutingRule } from "../../../services/routing/rules-admin";
import { errorResponses, idParams, security } from "../../../http/openapi";

const route = createRoute({
  method: "delete",
  path: "/api/v1/routing-rules/{id}",
  tags: ["Routing"],
  summary: "Remove a sales routing rule",
  security,
  middleware: [requirePermission("routing.manage")] as const,
  request: { params: idParams },
  responses: { 204: { description: "Removed" }, ...errorResponses(400, 404) },
});

export function registerDeleteRoutingRule(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const id = c.req.valid("param").id;
    const before = await removeRoutingRule(c.get("db"), id);
    await audit(c, {
      action: "routing_rule.delete",
      subject: { type: "routing_rule", id },
      before: routingRuleRecord(before),
      after: null,
    });
    return c.body(null, 204);
  });
}
