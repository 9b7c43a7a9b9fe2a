// PATCH /api/v1/score-rules/{id} (marketing): edits a rule; each lead picks it up at its next scoring.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit } from "../../../http/audit";
import { ruleRecord } from "../../../http/audit-records";
import { requirePermission } from "../../../http/auth";
import { updateRule } from "../../../services/scoring/rules-store";
import { errorResponses, idParams, jsonBody, jsonContent, security } from "../../../http/openapi";
import { ruleFields, ruleOut, ruleSchema } from "./schemas";

const body = z.object(ruleFields).partial();

const route = createRoute({
  method: "patch",
  path: "/api/v1/score-rules/{id}",
  tags: ["Scoring"],
  summary: "Edit a score rule (kind cannot change)",
  security,
  middleware: [requirePermission("score_rules.write")] as const,
  request: { params: idParams, body: jsonBody(body) },
  responses: { 200: jsonContent(ruleSchema, "The rule"), ...errorResponses(400, 404) },
});

export function registerUpdateRule(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const b = c.req.valid("json");
    const id = c.req.valid("param").id;
    const { before, after: row } = await updateRule(c.get("db"), id, {
      ...b,
      halfLifeDays: b.half_life_days,
    });
    await audit(c, {
      action: "score_rule.update",
      subject: { type: "score_rule", id },
      before: ruleRecord(before),
      after: ruleRecord(row),
    });
    return c.json(ruleOut(row), 200);
  });
}
