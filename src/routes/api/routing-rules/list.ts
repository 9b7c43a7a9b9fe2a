// GET /api/v1/routing-rules (marketing): the sales routing rules in the order they are tried.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { requirePermission } from "../../../http/auth";
import { routingRules } from "../../../services/routing/rules-admin";
import { errorResponses, jsonContent, security } from "../../../http/openapi";
import { routingRuleOut, routingRuleSchema } from "./schemas";

const route = createRoute({
  method: "get",
  path: "/api/v1/routing-rules",
  tags: ["Routing"],
  summary: "List sales routing rules (first match wins)",
  security,
  middleware: [requirePermission("routing.manage")] as const,
  responses: {
    200: jsonContent(z.object({ rules: z.array(routingRuleSchema) }), "The rules"),
    ...errorResponses(),
  },
});

export function registerListRoutingRules(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const rows = await routingRules(c.get("db"));
    return c.json({ rules: rows.map(routingRuleOut) }, 200);
  });
}
