// POST /api/v1/webhooks/{id}/test: queues a signed `webhook.test` event to this endpoint, shown in its log.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit } from "../../../http/audit";
import { requirePermission } from "../../../http/auth";
import { sendTestEvent } from "../../../services/handoff/endpoint-tools";
import { errorResponses, idParams, jsonContent, security } from "../../../http/openapi";

const queued = z
  .object({
    delivery_id: z.number().int().openapi({
      description: "Follow it at GET /api/v1/webhooks/{id}/deliveries/{delivery_id}",
    }),
    webhook_id: z.string(),
  })
  .openapi("QueuedTestEvent");

const route = createRoute({
  method: "post",
  path: "/api/v1/webhooks/{id}/test",
  tags: ["Webhooks"],
  summary: "Send a test event",
  description:
    "A `webhook.test` payload with an example lead in the shape of every other event, signed, retried and logged like them, whatever event types the endpoint subscribes to. About no real lead.",
  security,
  middleware: [requirePermission("webhooks.write")] as const,
  request: { params: idParams },
  responses: { 202: jsonContent(queued, "Queued"), ...errorResponses(404, 409) },
});

export function registerTestWebhook(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const id = c.req.valid("param").id;
    const sent = await sendTestEvent(c.get("db"), c.env.WEBHOOKS, id, c.get("now"));
    await audit(c, {
      action: "webhook.test",
      subject: { type: "webhook_endpoint", id },
      before: null,
      after: { delivery_id: sent.deliveryId },
    });
    return c.json(queued.parse({ delivery_id: sent.deliveryId, webhook_id: sent.messageId }), 202);
  });
}
