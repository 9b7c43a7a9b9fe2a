// Score rule shapes in the API.
import { z } from "@hono/zod-openapi";
import { RULE_KINDS } from "../../../db/schema";
import type { RuleRecord } from "../../../services/scoring/rules-store";

export const ruleSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(RULE_KINDS),
    field: z.string().openapi({
      description:
        "fit: job_title_keyword, company_size, country, free_mail, phone_given; behaviour: event, event_url, repeat_visit",
    }),
    match: z.array(z.string()),
    points: z.number().int(),
    cap: z.number().int().nullable(),
    half_life_days: z.number().nullable(),
    label: z.string(),
    active: z.boolean(),
  })
  .openapi("ScoreRule");

export const ruleFields = {
  field: z.string().min(1).max(40),
  match: z.array(z.string().trim().min(1).max(200)).max(100),
  points: z.number().int().min(-1000).max(1000),
  cap: z.number().int().min(0).max(100_000).nullable().optional(),
  half_life_days: z.number().positive().max(3650).nullable().optional(),
  label: z.string().trim().min(1).max(120),
  active: z.boolean().optional(),
};

export function ruleOut(r: RuleRecord) {
  return ruleSchema.parse({
    id: r.id,
    kind: r.kind,
    field: r.field,
    match: r.match,
    points: r.points,
    cap: r.cap,
    half_life_days: r.halfLifeDays,
    label: r.label,
    active: r.active,
  });
}
