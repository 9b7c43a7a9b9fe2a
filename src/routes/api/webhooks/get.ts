// GET /api/v1/webhooks/{id}: one endpoint.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { requirePermission } from "../../../http/auth";
import { getEndpoint } from "../../../services/handoff/endpoints";
import { errorResponses, idParams, jsonContent, security } from "../../../http/openapi";
import { endpointOut, endpointSchema } from "./schemas";

const route = createRoute({
  method: "get",
  path: "/api/v1/webhooks/{id}",
  tags: ["Webhooks"],
  summary: "One webhook endpoint",
  security,
  middleware: [requirePermission("webhooks.read")] as const,
  request: { params: idParams },
  responses: { 200: jsonContent(endpointSchema, "The endpoint"), ...errorResponses(400, 404) },
});

export function registerGetWebhook(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) =>
    c.json(endpointOut(await getEndpoint(c.get("db"), c.req.valid("param").id)), 200),
  );
}
