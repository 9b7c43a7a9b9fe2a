// GET /api/v1/webhooks/{id}/deliveries: what was sent to an endpoint, newest first, with status and attempts.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { DELIVERY_STATUSES } from "../../../db/schema";
import { requirePermission } from "../../../http/auth";
import { listDeliveries } from "../../../services/handoff/endpoints";
import { errorResponses, idParams, jsonContent, security } from "../../../http/openapi";
import { deliveryOut, deliverySchema } from "./schemas";

const query = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
  before: z.coerce.number().int().positive().optional().openapi({
    description: "Only deliveries with a smaller id (the last id of the previous page)",
  }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const page = z.object({ data: z.array(deliverySchema) });

const route = createRoute({
  method: "get",
  path: "/api/v1/webhooks/{id}/deliveries",
  tags: ["Webhooks"],
  summary: "Deliveries to an endpoint",
  security,
  middleware: [requirePermission("webhooks.read")] as const,
  request: { params: idParams, query },
  responses: { 200: jsonContent(page, "Deliveries"), ...errorResponses(400, 404) },
});

export function registerListDeliveries(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const rows = await listDeliveries(c.get("db"), c.req.valid("param").id, c.req.valid("query"));
    return c.json(page.parse({ data: rows.map(deliveryOut) }), 200);
  });
}
