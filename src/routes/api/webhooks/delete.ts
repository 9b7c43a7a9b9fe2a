// DELETE /api/v1/webhooks/{id}: removes an endpoint; nothing more is sent to it.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit } from "../../../http/audit";
import { endpointRecord } from "../../../http/audit-records";
import { requirePermission } from "../../../http/auth";
import { deleteEndpoint, getEndpoint } from "../../../services/handoff/endpoints";
import { errorResponses, idParams, security } from "../../../http/openapi";

const route = createRoute({
  method: "delete",
  path: "/api/v1/webhooks/{id}",
  tags: ["Webhooks"],
  summary: "Remove a webhook endpoint",
  security,
  middleware: [requirePermission("webhooks.write")] as const,
  request: { params: idParams },
  responses: { 204: { description: "Removed" }, ...errorResponses(400, 404) },
});

export function registerDeleteWebhook(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const id = c.req.valid("param").id;
    const before = await getEndpoint(c.get("db"), id);
    await deleteEndpoint(c.get("db"), id, c.get("now"));
    await audit(c, {
      action: "webhook.delete",
      subject: { type: "webhook_endpoint", id },
      before: endpointRecord(before),
      after: null,
    });
    return c.body(null, 204);
  });
}
