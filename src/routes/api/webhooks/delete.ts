// DELETE /api/v1/webhooks/{id}: removes an endpoint; nothing more is sent to it.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { requireScopes } from "../../../http/auth";
import { deleteEndpoint } from "../../../services/handoff/endpoints";
import { errorResponses, idParams, security } from "../../../http/openapi";

const route = createRoute({
  method: "delete",
  path: "/api/v1/webhooks/{id}",
  tags: ["Webhooks"],
  summary: "Remove a webhook endpoint",
  security,
  middleware: [requireScopes("marketing", "sales")] as const,
  request: { params: idParams },
  responses: { 204: { description: "Removed" }, ...errorResponses(400, 404) },
});

export function registerDeleteWebhook(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    await deleteEndpoint(c.get("db"), c.req.valid("param").id, c.get("now"));
    return c.body(null, 204);
  });
}
