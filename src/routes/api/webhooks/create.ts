// POST /api/v1/webhooks: adds a sales endpoint; the signing secret (whsec_…) is in this answer only.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit } from "../../../http/audit";
import { endpointRecord } from "../../../http/audit-records";
import { requirePermission } from "../../../http/auth";
import { createEndpoint, webhookTargetRules } from "../../../services/handoff/endpoints";
import { errorResponses, jsonBody, jsonContent, security } from "../../../http/openapi";
import { endpointOut, endpointSchema, endpointUrl, eventTypes } from "./schemas";

const body = z.object({
  url: endpointUrl,
  event_types: eventTypes.default(["lead.qualified", "lead.stage_changed"]),
});
const created = endpointSchema
  .extend({
    secret: z.string().openapi({
      description: "Verify signatures with this; shown once",
      example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    }),
  })
  .openapi("CreatedWebhookEndpoint");

const route = createRoute({
  method: "post",
  path: "/api/v1/webhooks",
  tags: ["Webhooks"],
  summary: "Add a webhook endpoint",
  security,
  middleware: [requirePermission("webhooks.write")] as const,
  request: { body: jsonBody(body) },
  responses: { 201: jsonContent(created, "The endpoint with its secret"), ...errorResponses(400) },
});

export function registerCreateWebhook(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const b = c.req.valid("json");
    const row = await createEndpoint(
      c.get("db"),
      { url: b.url, eventTypes: b.event_types },
      c.get("now"),
      webhookTargetRules(c.get("config")),
    );
    await audit(c, {
      action: "webhook.create",
      subject: { type: "webhook_endpoint", id: row.id },
      before: null,
      after: endpointRecord(row),
    });
    c.header("Cache-Control", "no-store");
    return c.json(created.parse({ ...endpointOut(row), secret: row.secret }), 201);
  });
}
