// The shapes sales sees, in the API and in webhook payloads: one zod schema each, also in the OpenAPI document.
import { z } from "@hono/zod-openapi";
import { STAGES } from "../../db/schema";

const iso = z.string().openapi({ format: "date-time", example: "2026-11-23T14:00:00.000Z" });

export const touchSchema = z
  .object({
    id: z.number().int(),
    at: iso,
    asset: z.object({ id: z.number().int(), slug: z.string(), title: z.string() }),
    channel: z.string(),
    utm_source: z.string().nullable(),
    utm_medium: z.string().nullable(),
    utm_campaign: z.string().nullable(),
    utm_term: z.string().nullable(),
    utm_content: z.string().nullable(),
    referrer_host: z.string().nullable(),
    country: z.string().nullable(),
    click_ids: z.record(z.string(), z.string()).openapi({
      description:
        "Ad platforms' click ids from the landing URL, only those present: gclid, gbraid, wbraid, msclkid, fbclid, fbc (Meta's _fbc cookie), li_fat_id, ttclid, bd_vid, clickid, gdt_vid",
      example: { gclid: "Cj0KCQiA-example", fbc: "fb.1.1764640000000.IwAR-example" },
    }),
  })
  .openapi("Touch");

const reasonSchema = z
  .object({ rule_id: z.number().int().nullable(), label: z.string(), points: z.number().int() })
  .openapi("ScoreReason");

/** Sales routing on the lead (README "Sales routing"): added fields, so older receivers simply ignore them. */
const routingFields = {
  owner: z
    .object({ id: z.number().int(), name: z.string().nullable(), email: z.string().nullable() })
    .nullable()
    .openapi({ description: "The teammate who owns the lead; null while nobody does" }),
  owner_assigned_at: iso.nullable(),
  accept_by: iso.nullable().openapi({
    description: "When the owner must accept by (working days); null once accepted or unowned",
  }),
  accepted_at: iso.nullable(),
  routing_flagged: z.boolean().openapi({
    description: "Nobody in the routing team accepted it (or could take it): marketing holds it",
  }),
};

export const leadSummarySchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string().nullable(),
    company: z.string().nullable(),
    job_title: z.string().nullable(),
    phone: z.string().nullable(),
    company_size: z.string().nullable(),
    country: z.string().nullable(),
    locale: z.string(),
    stage: z.enum(STAGES),
    score: z.object({
      total: z.number().int(),
      fit: z.number().int(),
      behaviour: z.number().int(),
      top_reasons: z.array(reasonSchema),
    }),
    mql_at: iso.nullable(),
    created_at: iso,
    updated_at: iso,
    first_touch: touchSchema.nullable(),
    latest_touch: touchSchema.nullable(),
    assets: z.array(
      z.object({ id: z.number().int(), slug: z.string(), title: z.string(), first_at: iso }),
    ),
    referred_by: z
      .object({
        id: z.number().int(),
        email: z.string().nullable(),
        name: z.string().nullable(),
        erased: z.boolean().openapi({
          description:
            "The referrer's personal data was erased: email and name are null, here and in every stored payload",
        }),
      })
      .nullable(),
    ...routingFields,
  })
  .openapi("LeadSummary");
export type LeadSummary = z.infer<typeof leadSummarySchema>;

export const WEBHOOK_EVENT_TYPES = [
  "lead.qualified",
  "lead.stage_changed",
  "lead.score_changed",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
/**
 * What a payload's `type` can be: the events an endpoint subscribes to, and `webhook.test`, sent only when
 * a person asks for a test (dashboard or POST /api/v1/webhooks/{id}/test), whatever the endpoint subscribes to.
 */
export const WEBHOOK_PAYLOAD_TYPES = [...WEBHOOK_EVENT_TYPES, "webhook.test"] as const;

/** The body of every webhook: the Standard Webhooks envelope of type, timestamp and data. */
export const webhookPayloadSchema = z
  .object({
    type: z.enum(WEBHOOK_PAYLOAD_TYPES),
    timestamp: iso,
    data: z.object({
      lead: leadSummarySchema,
      change: z
        .object({
          from_stage: z.enum(STAGES).optional(),
          to_stage: z.enum(STAGES).optional(),
          from_score: z.number().int().optional(),
          to_score: z.number().int().optional(),
          reason: z.string().optional(),
        })
        .optional(),
    }),
  })
  .openapi("WebhookPayload");
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;
