// PATCH /api/v1/routing-rules/{id} (marketing): edits a rule; leads it already placed keep their owner.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit } from "../../../http/audit";
import { routingRuleRecord } from "../../../http/audit-records";
import { requirePermission } from "../../../http/auth";
import { editRoutingRule } from "../../../services/routing/rules-admin";
import { errorResponses, idParams, jsonBody, jsonContent, security } from "../../../http/openapi";
import { routingRuleFields, routingRuleOut, routingRuleSchema } from "./schemas";

const body = z.object(routingRuleFields).partial();

const route = createRoute({
  method: "patch",
  path: "/api/v1/routing-rules/{id}",
  tags: ["Routing"],
  summary: "Edit a sales routing rule",
  security,
  middleware: [requirePermission("routing.manage")] as const,
  request: { params: idParams, body: jsonBody(body) },
  responses: { 200: jsonContent(routingRuleSchema, "The rule"), ...errorResponses(400, 404) },
});

export function registerUpdateRoutingRule(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const id = c.req.valid("param").id;
    const { before, after } = await editRoutingRule(
      c.get("db"),
      id,
      c.req.valid("json"),
      c.get("now"),
    );
    await audit(c, {
      action: "routing_rule.update",
      subject: { type: "routing_rule", id },
      before: routingRuleRecord(before),
      after: routingRuleRecord(after),
    });
    return c.json(routingRuleOut(after), 200);
  });
}
