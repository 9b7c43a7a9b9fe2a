// Webhook endpoint and delivery shapes in the API; the secret appears only when an endpoint is created.
import { z } from "@hono/zod-openapi";
import { DELIVERY_STATUSES } from "../../../db/schema";
import { WEBHOOK_EVENT_TYPES } from "../../../services/handoff/schemas";
import type { DeliveryRecord, EndpointRecord } from "../../../services/handoff/endpoints";
import { isoTimeOrNull as iso } from "../../../domain/http-time";

/**
 * A URL; where it may point (public https hosts; this machine only in local dev) is the handoff's rule
 * (src/domain/webhook-target.ts), checked when an endpoint is saved and again before every attempt.
 */
export const endpointUrl = z.url().max(2048).openapi({
  example: "https://crm.example.com/hooks/lodestone",
  description:
    "https:// to a public host. IP literals in private, loopback, link-local, CGNAT, unique-local, unspecified, multicast or reserved ranges are refused, in any spelling; http://localhost, 127.0.0.1 and [::1] only in local dev.",
});
export const eventTypes = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .min(1)
  .openapi({ example: ["lead.qualified", "lead.stage_changed"] });

export const endpointSchema = z
  .object({
    id: z.number().int(),
    url: z.string(),
    event_types: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
    active: z.boolean(),
    disabled_reason: z.string().nullable().openapi({
      description:
        "Set when Lodestone switched the endpoint off (410 Gone, or failing for the whole retry schedule)",
    }),
    disabled_at: z.string().nullable(),
    consecutive_failures: z.number().int(),
    failed_deliveries: z.number().int().openapi({
      description:
        "Deliveries that failed for good (410, or the whole retry schedule) since the endpoint last succeeded; PATCH with active: true and resend_failed: true sends them again",
    }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("WebhookEndpoint");

export function endpointOut(e: EndpointRecord) {
  return endpointSchema.parse({
    id: e.id,
    url: e.url,
    event_types: e.eventTypes,
    active: e.active,
    disabled_reason: e.disabledReason,
    disabled_at: iso(e.disabledAt),
    consecutive_failures: e.consecutiveFailures,
    failed_deliveries: e.failedDeliveries,
    created_at: iso(e.createdAt),
    updated_at: iso(e.updatedAt),
  });
}

export const deliverySchema = z
  .object({
    id: z.number().int(),
    webhook_id: z
      .string()
      .openapi({ description: "The webhook-id header: the same on every attempt and replay" }),
    event_type: z.string(),
    lead_id: z.number().int().nullable(),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.number().int(),
    last_status_code: z.number().int().nullable(),
    next_attempt_at: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("WebhookDelivery");

export function deliveryOut(d: DeliveryRecord) {
  return deliverySchema.parse({
    id: d.id,
    webhook_id: d.messageId,
    event_type: d.eventType,
    lead_id: d.leadId,
    status: d.status,
    attempts: d.attempts,
    last_status_code: d.lastStatusCode,
    next_attempt_at: iso(d.nextAttemptAt),
    created_at: iso(d.createdAt),
    updated_at: iso(d.updatedAt),
  });
}

export const endpointDeliveryParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: "id", in: "path" } }),
  deliveryId: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: "deliveryId", in: "path" } }),
});
