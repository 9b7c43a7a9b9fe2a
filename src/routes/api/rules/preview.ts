// POST /api/v1/score-rules/preview: how many open leads would qualify at a threshold, with the rules as they are
// and with one change (a rule edited, added or deleted). Scores nothing, stores nothing.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { noChange } from "../../../http/audit";
import { RULE_KINDS } from "../../../db/schema";
import { requirePermission } from "../../../http/auth";
import { previewQualification, type RuleChange } from "../../../services/scoring/rule-preview";
import { errorResponses, jsonBody, jsonContent, security } from "../../../http/openapi";
import { ruleFields } from "./schemas";
import { mqlThreshold } from "../../../services/settings/settings";

const change = z.discriminatedUnion("action", [
  z.object({ action: z.literal("edit"), id: z.number().int().positive(), ...ruleFields }).partial({
    field: true,
    match: true,
    points: true,
    label: true,
  }),
  z.object({ action: z.literal("add"), kind: z.enum(RULE_KINDS), ...ruleFields }),
  z.object({ action: z.literal("delete"), id: z.number().int().positive() }),
]);

const body = z
  .object({
    threshold: z.number().int().min(0).max(100_000).optional().openapi({
      description: "The MQL threshold to try; the one in force when absent",
    }),
    change: change.optional(),
  })
  .openapi("ScorePreviewInput", {
    example: { threshold: 50, change: { action: "edit", id: 3, points: 30 } },
  });

const preview = z
  .object({
    threshold: z.number().int(),
    open_leads: z.number().int().openapi({ description: "Leads not yet MQL: stage lead, scored" }),
    examined: z.number().int(),
    exact: z.boolean().openapi({
      description:
        "Every open lead was scored. Otherwise the 5,000 highest scores were, down to lowest_examined_score",
    }),
    lowest_examined_score: z.number().int().nullable(),
    mqls: z.number().int().openapi({ description: "Already MQLs; a lead qualifies once" }),
    qualify_with_current_rules: z.number().int(),
    qualify_with_change: z.number().int(),
  })
  .openapi("ScorePreview");

const route = createRoute({
  method: "post",
  path: "/api/v1/score-rules/preview",
  tags: ["Scoring"],
  summary: "Preview how many leads would qualify",
  description:
    "Scores the open leads as their next scoring would, with decay to now: with the rules as they are, and with the change. Leads qualify at their next scoring (an event, or the daily decay pass), not when a rule is saved.",
  security,
  middleware: [requirePermission("score_rules.read")] as const,
  request: { body: jsonBody(body) },
  responses: { 200: jsonContent(preview, "The counts"), ...errorResponses(400, 404) },
});

export function toRuleChange(c: z.infer<typeof change> | undefined): RuleChange | null {
  if (!c) return null;
  if (c.action === "delete") return { kind: "delete", id: c.id };
  if (c.action === "add") return { kind: "add", rule: { ...c, halfLifeDays: c.half_life_days } };
  const { action: _, id, half_life_days, ...patch } = c;
  return { kind: "edit", id, patch: { ...patch, halfLifeDays: half_life_days } };
}

export function registerPreviewRules(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const b = c.req.valid("json");
    const p = await previewQualification(
      c.get("db"),
      {
        threshold: b.threshold ?? (await mqlThreshold(c.get("db"), c.get("config").MQL_THRESHOLD)),
        change: toRuleChange(b.change),
      },
      c.get("now"),
    );
    noChange(c);
    return c.json(
      preview.parse({
        threshold: p.threshold,
        open_leads: p.openLeads,
        examined: p.examined,
        exact: p.exact,
        lowest_examined_score: p.lowestExamined,
        mqls: p.mqls,
        qualify_with_current_rules: p.qualifyWithRules,
        qualify_with_change: p.qualifyWithChange,
      }),
      200,
    );
  });
}
