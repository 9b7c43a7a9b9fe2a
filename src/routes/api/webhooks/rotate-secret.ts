// POST /api/v1/webhooks/{id}/rotate-secret: a new signing secret, in this answer only; the old one keeps
// signing beside it for 24 hours so the receiver can switch without dropping a delivery.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit } from "../../../http/audit";
import { endpointRecord } from "../../../http/audit-records";
import { requirePermission } from "../../../http/auth";
import { rotateEndpointSecret } from "../../../services/handoff/endpoint-tools";
import { errorResponses, idParams, jsonContent, security } from "../../../http/openapi";
import { isoTimeOrNull as iso } from "../../../domain/http-time";
import { endpointOut, endpointSchema } from "./schemas";

const rotated = endpointSchema
  .extend({
    secret: z.string().openapi({
      description: "The new secret; shown once",
      example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    }),
    previous_secret_expires_at: z.string().openapi({
      description:
        "Until then every delivery carries two signatures in webhook-signature, one per secret",
    }),
  })
  .openapi("RotatedWebhookSecret");

const route = createRoute({
  method: "post",
  path: "/api/v1/webhooks/{id}/rotate-secret",
  tags: ["Webhooks"],
  summary: "Rotate an endpoint's signing secret",
  description:
    "Deliveries are signed with both the new and the old secret for 24 hours (two space-separated signatures, as Standard Webhooks allows), then with the new one only. Rotating again within those hours retires the oldest.",
  security,
  middleware: [requirePermission("webhooks.write")] as const,
  request: { params: idParams },
  responses: {
    200: jsonContent(rotated, "The endpoint with its new secret"),
    ...errorResponses(404),
  },
});

export function registerRotateWebhookSecret(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const id = c.req.valid("param").id;
    const { before, after, secret } = await rotateEndpointSecret(c.get("db"), id, c.get("now"));
    await audit(c, {
      action: "webhook.rotate_secret",
      subject: { type: "webhook_endpoint", id },
      before: endpointRecord(before),
      after: { ...endpointRecord(after), secret_rotated: true },
    });
    c.header("Cache-Control", "no-store");
    return c.json(
      rotated.parse({
        ...endpointOut(after),
        secret,
        previous_secret_expires_at: iso(after.previousSecretExpiresAt),
      }),
      200,
    );
  });
}
