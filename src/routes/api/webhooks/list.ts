// GET /api/v1/webhooks: every endpoint, with the flag Lodestone sets when it had to switch one off.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { requirePermission } from "../../../http/auth";
import { listEndpoints } from "../../../services/handoff/endpoints";
import { errorResponses, jsonContent, security } from "../../../http/openapi";
import { endpointOut, endpointSchema } from "./schemas";

const list = z.object({ data: z.array(endpointSchema) });

const route = createRoute({
  method: "get",
  path: "/api/v1/webhooks",
  tags: ["Webhooks"],
  summary: "List webhook endpoints",
  security,
  middleware: [requirePermission("webhooks.read")] as const,
  responses: { 200: jsonContent(list, "Endpoints"), ...errorResponses() },
});

export function registerListWebhooks(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) =>
    c.json(list.parse({ data: (await listEndpoints(c.get("db"))).map(endpointOut) }), 200),
  );
}
