// PATCH /api/v1/webhooks/{id}: change URL or events, or switch on/off; switching on sends what was parked.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { requireScopes } from "../../../http/auth";
import { updateEndpoint, webhookTargetRules } from "../../../services/handoff/endpoints";
import { errorResponses, idParams, jsonBody, jsonContent, security } from "../../../http/openapi";
import { endpointOut, endpointSchema, endpointUrl, eventTypes } from "./schemas";

const body = z.object({
  url: endpointUrl.optional(),
  event_types: eventTypes.optional(),
  active: z.boolean().optional(),
});

const route = createRoute({
  method: "patch",
  path: "/api/v1/webhooks/{id}",
  tags: ["Webhooks"],
  summary: "Edit a webhook endpoint or switch it on or off",
  security,
  middleware: [requireScopes("marketing", "sales")] as const,
  request: { params: idParams, body: jsonBody(body) },
  responses: { 200: jsonContent(endpointSchema, "The endpoint"), ...errorResponses(400, 404) },
});

export function registerUpdateWebhook(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const b = c.req.valid("json");
    const row = await updateEndpoint(
      c.get("db"),
      c.env.WEBHOOKS,
      c.req.valid("param").id,
      { url: b.url, eventTypes: b.event_types, active: b.active },
      c.get("now"),
      webhookTargetRules(c.get("config")),
    );
    return c.json(endpointOut(row), 200);
  });
}
