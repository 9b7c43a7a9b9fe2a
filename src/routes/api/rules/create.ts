// POST /api/v1/score-rules (marketing): adds a fit or behaviour rule.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit } from "../../../http/audit";
import { ruleRecord } from "../../../http/audit-records";
import { RULE_KINDS } from "../../../db/schema";
import { requirePermission } from "../../../http/auth";
import { createRule } from "../../../services/scoring/rules-store";
import { errorResponses, jsonBody, jsonContent, security } from "../../../http/openapi";
import { ruleFields, ruleOut, ruleSchema } from "./schemas";

const body = z.object({ kind: z.enum(RULE_KINDS), ...ruleFields }).openapi({
  example: {
    kind: "behaviour",
    field: "event_url",
    match: ["link_clicked", "/pricing"],
    points: 20,
    cap: 40,
    half_life_days: 14,
    label: "Visited pricing",
  },
});

const route = createRoute({
  method: "post",
  path: "/api/v1/score-rules",
  tags: ["Scoring"],
  summary: "Add a score rule",
  security,
  middleware: [requirePermission("score_rules.write")] as const,
  request: { body: jsonBody(body) },
  responses: { 201: jsonContent(ruleSchema, "The rule"), ...errorResponses(400) },
});

export function registerCreateRule(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const b = c.req.valid("json");
    const row = await createRule(
      c.get("db"),
      { ...b, halfLifeDays: b.half_life_days },
      c.get("now"),
    );
    await audit(c, {
      action: "score_rule.create",
      subject: { type: "score_rule", id: row.id },
      before: null,
      after: ruleRecord(row),
    });
    return c.json(ruleOut(row), 201);
  });
}
