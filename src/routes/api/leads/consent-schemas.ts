// The lead's consent and nurture state in the API: one shape for GET /api/v1/leads/{id} and the OpenAPI document.
import { z } from "@hono/zod-openapi";
import {
  MARKETING_CONSENT_MODES,
  MARKETING_CONSENT_STATES,
  NURTURE_REASONS,
  NURTURE_STATES,
} from "../../../domain/vocabulary";

const iso = z.string().openapi({ format: "date-time" });

export const nurtureEntrySchema = z
  .object({
    sequence_id: z.number().int(),
    sequence_name: z.string(),
    asset_id: z.number().int().openapi({ description: "The asset whose gate starts the sequence" }),
    state: z.enum(NURTURE_STATES),
    reason: z.enum(NURTURE_REASONS).nullable().openapi({
      description:
        "Why the lead is not (or no longer) getting the steps: no_consent, opted_out, pending_optin (waiting for the double opt-in click), unsubscribed, suppressed (hard bounce or complaint), erased, consent_given_later, captured_before_sequence; null while enrolled or completed",
    }),
    next_step_at: iso.nullable().openapi({ description: "When the next email is due, if any" }),
  })
  .openapi("NurtureEntry");

const consentRecordSchema = z.object({
  touch_id: z.number().int(),
  at: iso,
  asset: z.object({ id: z.number().int(), title: z.string() }),
  marketing: z.enum(MARKETING_CONSENT_STATES).nullable().openapi({
    description:
      "What this capture said: given (ticked), implied (soft opt-in not refused), declined (opted out), none",
  }),
  mode: z.enum(MARKETING_CONSENT_MODES).nullable().openapi({
    description:
      "The mode the visitor was shown (the asset's, or optional where their law decides)",
  }),
  version: z.string().nullable(),
  privacy_accepted: z.boolean().nullable().openapi({
    description: "The privacy policy box was ticked; null when the notice was shown without a box",
  }),
  text_id: z.string().nullable().openapi({ description: "SHA-256 of the exact words shown" }),
  text: z.string().nullable(),
});

export const leadConsentSchema = z
  .object({
    marketing: z.enum(["given", "implied", "declined"]).nullable().openapi({
      description: "Where the lead stands on marketing email; null when no capture said",
    }),
    at: iso.nullable(),
    version: z.string().nullable(),
    ip_hashed: z.boolean().openapi({ description: "The IP is kept only as a keyed hash" }),
    records: z.array(consentRecordSchema),
  })
  .openapi("LeadConsent");
