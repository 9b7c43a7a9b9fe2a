// PATCH /api/v1/webhooks/{id}: change URL or events, or switch on/off; switching on sends what was parked, and
// with resend_failed what failed for good while the receiver was down.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit } from "../../../http/audit";
import { endpointRecord } from "../../../http/audit-records";
import { requirePermission } from "../../../http/auth";
import { updateEndpoint, webhookTargetRules } from "../../../services/handoff/endpoints";
import { errorResponses, idParams, jsonBody, jsonContent, security } from "../../../http/openapi";
import { endpointOut, endpointSchema, endpointUrl, eventTypes } from "./schemas";

const body = z.object({
  url: endpointUrl.optional(),
  event_types: eventTypes.optional(),
  active: z.boolean().optional(),
  resend_failed: z.boolean().optional().openapi({
    description:
      "Also send again the deliveries that failed for good (410, or retries exhausted) since the endpoint's failures began — `failed_deliveries` says how many. Needs the endpoint on.",
  }),
});

const route = createRoute({
  method: "patch",
  path: "/api/v1/webhooks/{id}",
  tags: ["Webhooks"],
  summary: "Edit a webhook endpoint or switch it on or off",
  security,
  middleware: [requirePermission("webhooks.write")] as const,
  request: { params: idParams, body: jsonBody(body) },
  responses: { 200: jsonContent(endpointSchema, "The endpoint"), ...errorResponses(400, 404, 409) },
});

export function registerUpdateWebhook(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const b = c.req.valid("json");
    const id = c.req.valid("param").id;
    const { before, after: row } = await updateEndpoint(
      c.get("db"),
      c.env.WEBHOOKS,
      id,
      { url: b.url, eventTypes: b.event_types, active: b.active, resendFailed: b.resend_failed },
      c.get("now"),
      webhookTargetRules(c.get("config")),
    );
    await audit(c, {
      action: "webhook.update",
      subject: { type: "webhook_endpoint", id },
      before: endpointRecord(before),
      after: { ...endpointRecord(row), ...(b.resend_failed ? { resend_failed: true } : {}) },
    });
    return c.json(endpointOut(row), 200);
  });
}
