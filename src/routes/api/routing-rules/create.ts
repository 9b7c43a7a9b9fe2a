// POST /api/v1/routing-rules (marketing): adds a rule that sends matching MQLs to a team, round robin.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit } from "../../../http/audit";
import { routingRuleRecord } from "../../../http/audit-records";
import { requirePermission } from "../../../http/auth";
import { createRoutingRule } from "../../../services/routing/rules-admin";
import { errorResponses, jsonBody, jsonContent, security } from "../../../http/openapi";
import { routingRuleFields, routingRuleOut, routingRuleSchema } from "./schemas";

const body = z.object(routingRuleFields).openapi({
  example: { name: "China", position: 10, match: "country", values: ["CN"], team: [3, 4, 5] },
});

const route = createRoute({
  method: "post",
  path: "/api/v1/routing-rules",
  tags: ["Routing"],
  summary: "Add a sales routing rule",
  security,
  middleware: [requirePermission("routing.manage")] as const,
  request: { body: jsonBody(body) },
  responses: { 201: jsonContent(routingRuleSchema, "The rule"), ...errorResponses(400) },
});

export function registerCreateRoutingRule(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const row = await createRoutingRule(c.get("db"), c.req.valid("json"), c.get("now"));
    await audit(c, {
      action: "routing_rule.create",
      subject: { type: "routing_rule", id: row.id },
      before: null,
      after: routingRuleRecord(row),
    });
    return c.json(routingRuleOut(row), 201);
  });
}
