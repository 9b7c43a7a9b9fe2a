// Lead shapes in the API: the list item, and the full lead with timeline and ledger.
import { z } from "@hono/zod-openapi";
import { STAGES, OUTCOME_STAGES, LEDGER_KINDS, MACHINE_REASONS } from "../../../db/schema";
import { leadSummarySchema, touchSchema } from "../../../services/handoff/schemas";
import type { ListedLead } from "../../../services/leads/list-leads";
import { leadConsentSchema, nurtureEntrySchema } from "./consent-schemas";

const iso = z.string().openapi({ format: "date-time" });

export const listedLeadSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string().nullable(),
    company: z.string().nullable(),
    job_title: z.string().nullable(),
    country: z.string().nullable(),
    stage: z.enum(STAGES),
    score: z.number().int(),
    fit_score: z.number().int(),
    behaviour_score: z.number().int(),
    mql_at: iso.nullable(),
    created_at: iso,
    updated_at: iso,
    owner_id: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "The teammate who owns the lead" }),
    owner_assigned_at: iso.nullable(),
    accept_by: iso.nullable(),
    accepted_at: iso.nullable(),
  })
  .openapi("ListedLead");

export function listedLeadOut(l: ListedLead) {
  const d = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    ...l,
    mql_at: d(l.mql_at),
    created_at: d(l.created_at)!,
    updated_at: d(l.updated_at)!,
    owner_assigned_at: d(l.owner_assigned_at),
    accept_by: d(l.accept_by),
    accepted_at: d(l.accepted_at),
  };
}

export const leadDetailSchema = leadSummarySchema
  .extend({
    consent: leadConsentSchema,
    nurture: z.array(nurtureEntrySchema),
    touches: z.array(touchSchema),
    timeline: z.array(
      z.object({
        id: z.number().int(),
        type: z.string(),
        at: iso,
        asset_id: z.number().int().nullable(),
        data: z.record(z.string(), z.unknown()).nullable(),
        machine: z.enum(MACHINE_REASONS).nullable().openapi({
          description:
            "Why a machine made this open or click (apple_mpp: Apple Mail Privacy Protection's image proxy; scanner_agent, scanner_network, link_burst, honeypot: a mail security scanner; …); null when a person did. Machine events add no score.",
        }),
      }),
    ),
    score_ledger: z.array(
      z.object({
        id: z.number().int(),
        rule_id: z.number().int().nullable(),
        kind: z.enum(LEDGER_KINDS),
        points: z.number().int(),
        reason: z.string(),
        at: iso,
      }),
    ),
    stage_history: z.array(
      z.object({
        from: z.enum(STAGES).nullable(),
        to: z.enum(STAGES),
        reason: z.string().nullable(),
        at: iso,
      }),
    ),
    outcomes: z.array(
      z.object({
        id: z.number().int(),
        stage: z.enum(OUTCOME_STAGES),
        amount_minor: z.number().int().nullable(),
        currency: z.string().nullable(),
        reason: z.string().nullable(),
        external_id: z.string().nullable(),
        at: iso,
      }),
    ),
  })
  .openapi("LeadDetail");
