// POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/replay: sends a delivery again, same webhook-id and body.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { requireScopes } from "../../../http/auth";
import { replayDelivery } from "../../../services/handoff/endpoints";
import { errorResponses, jsonContent, security } from "../../../http/openapi";
import { deliveryOut, deliverySchema, endpointDeliveryParams } from "./schemas";

const route = createRoute({
  method: "post",
  path: "/api/v1/webhooks/{id}/deliveries/{deliveryId}/replay",
  tags: ["Webhooks"],
  summary: "Replay a delivery",
  security,
  middleware: [requireScopes("marketing", "sales")] as const,
  request: { params: endpointDeliveryParams },
  responses: {
    202: jsonContent(deliverySchema, "Queued again"),
    ...errorResponses(400, 404, 409, 410),
  },
});

export function registerReplayDelivery(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const p = c.req.valid("param");
    return c.json(
      deliveryOut(
        await replayDelivery(c.get("db"), c.env.WEBHOOKS, p.id, p.deliveryId, c.get("now")),
      ),
      202,
    );
  });
}
