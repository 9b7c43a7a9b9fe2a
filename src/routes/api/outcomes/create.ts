// POST /api/v1/leads/{id}/outcomes (sales): accepted, won with amount, lost with reason; idempotent on external_id.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit, noChange } from "../../../http/audit";
import { OUTCOME_STAGES } from "../../../db/schema";
import { requirePermission } from "../../../http/auth";
import { recordOutcome } from "../../../services/outcomes/outcomes";
import { errorResponses, idParams, jsonBody, jsonContent, security } from "../../../http/openapi";

const body = z.object({
  stage: z.enum(OUTCOME_STAGES),
  amount: z.number().positive().max(1e12).optional().openapi({
    description: "Deal amount in major units (e.g. 12500.50); required when won",
    example: 12500,
  }),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, "Use an ISO 4217 code such as USD")
    .optional()
    .openapi({ example: "USD" }),
  reason: z.string().trim().max(500).optional().openapi({ example: "Budget approved" }),
  external_id: z.string().trim().min(1).max(200).openapi({
    description: "Your CRM's id for this outcome; repeats with the same id are ignored",
    example: "opp_0065g00000XyZ",
  }),
});
const outcomeSchema = z
  .object({
    id: z.number().int(),
    lead_id: z.number().int(),
    stage: z.enum(OUTCOME_STAGES),
    amount_minor: z.number().int().nullable(),
    currency: z.string().nullable(),
    reason: z.string().nullable(),
    external_id: z.string(),
    at: z.string(),
    created: z.boolean(),
  })
  .openapi("Outcome");

const route = createRoute({
  method: "post",
  path: "/api/v1/leads/{id}/outcomes",
  tags: ["Outcomes"],
  summary: "Report what sales did with a lead",
  security,
  middleware: [requirePermission("outcomes.write")] as const,
  request: { params: idParams, body: jsonBody(body) },
  responses: {
    201: jsonContent(
      outcomeSchema,
      "Recorded: the stage moved and the lead's assets and channels were credited",
    ),
    200: jsonContent(outcomeSchema, "Already recorded under this external_id; nothing changed"),
    ...errorResponses(400, 404, 409, 410),
  },
});

export function registerCreateOutcome(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const b = c.req.valid("json");
    const { outcome, created } = await recordOutcome(
      { db: c.get("db"), webhooks: c.env.WEBHOOKS, config: c.get("config") },
      c.req.valid("param").id,
      {
        stage: b.stage,
        amount: b.amount,
        currency: b.currency,
        reason: b.reason,
        externalId: b.external_id,
      },
      c.get("now"),
    );
    // A repeat of an outcome already recorded changes nothing. Sales' free-text reason stays out of the log.
    if (created)
      await audit(c, {
        action: "outcome.record",
        subject: { type: "lead", id: c.req.valid("param").id },
        before: null,
        after: {
          stage: outcome.stage,
          amount_minor: outcome.amount_minor,
          currency: outcome.currency,
          external_id: outcome.external_id,
        },
      });
    else noChange(c);
    return c.json(
      outcomeSchema.parse({ ...outcome, at: new Date(outcome.at).toISOString(), created }),
      created ? 201 : 200,
    );
  });
}
