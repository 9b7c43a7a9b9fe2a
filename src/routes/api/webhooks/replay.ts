// POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/replay: sends a delivery again, same webhook-id and body.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit } from "../../../http/audit";
import { requirePermission } from "../../../http/auth";
import { replayDelivery } from "../../../services/handoff/endpoints";
import { errorResponses, jsonContent, security } from "../../../http/openapi";
import { deliveryOut, deliverySchema, endpointDeliveryParams } from "./schemas";

const route = createRoute({
  method: "post",
  path: "/api/v1/webhooks/{id}/deliveries/{deliveryId}/replay",
  tags: ["Webhooks"],
  summary: "Replay a delivery",
  security,
  middleware: [requirePermission("webhooks.write")] as const,
  request: { params: endpointDeliveryParams },
  responses: {
    202: jsonContent(deliverySchema, "Queued again"),
    ...errorResponses(400, 404, 409, 410),
  },
});

export function registerReplayDelivery(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const p = c.req.valid("param");
    const row = await replayDelivery(c.get("db"), c.env.WEBHOOKS, p.id, p.deliveryId, c.get("now"));
    await audit(c, {
      action: "webhook.delivery_replay",
      subject: { type: "webhook_delivery", id: p.deliveryId },
      before: null,
      after: { endpoint_id: p.id, event_type: row.eventType },
    });
    return c.json(deliveryOut(row), 202);
  });
}
