// GET /api/v1/webhooks/{id}/deliveries/{deliveryId}: one delivery, its payload and every attempt.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { requirePermission } from "../../../http/auth";
import { getDelivery, webhookTargetRules } from "../../../services/handoff/endpoints";
import { errorResponses, jsonContent, security } from "../../../http/openapi";
import { deliveryOut, deliverySchema, endpointDeliveryParams } from "./schemas";

const attempt = z.object({
  at: z.string(),
  status_code: z.number().int().nullable(),
  duration_ms: z.number().int(),
  response_excerpt: z.string().nullable(),
  error: z.string().nullable(),
});
const detail = deliverySchema
  .extend({ payload: z.unknown(), attempt_log: z.array(attempt) })
  .openapi("WebhookDeliveryDetail");

const route = createRoute({
  method: "get",
  path: "/api/v1/webhooks/{id}/deliveries/{deliveryId}",
  tags: ["Webhooks"],
  summary: "One delivery with every attempt",
  security,
  middleware: [requirePermission("webhooks.read")] as const,
  request: { params: endpointDeliveryParams },
  responses: { 200: jsonContent(detail, "The delivery"), ...errorResponses(400, 404) },
});

export function registerGetDelivery(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const p = c.req.valid("param");
    const { delivery, attempts } = await getDelivery(
      c.get("db"),
      p.id,
      p.deliveryId,
      webhookTargetRules(c.get("config")),
    );
    return c.json(
      detail.parse({
        ...deliveryOut(delivery),
        payload: JSON.parse(delivery.payload),
        attempt_log: attempts.map((a) => ({
          at: new Date(a.at).toISOString(),
          status_code: a.statusCode,
          duration_ms: a.durationMs,
          response_excerpt: a.responseExcerpt,
          error: a.error,
        })),
      }),
      200,
    );
  });
}
