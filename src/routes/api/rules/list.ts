// GET /api/v1/score-rules (marketing, sales): the rules that make up every score.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { requirePermission } from "../../../http/auth";
import { listRules } from "../../../services/scoring/rules-store";
import { mqlThreshold } from "../../../services/settings/settings";
import { errorResponses, jsonContent, security } from "../../../http/openapi";
import { ruleOut, ruleSchema } from "./schemas";

const list = z.object({ data: z.array(ruleSchema), mql_threshold: z.number().int() });

const route = createRoute({
  method: "get",
  path: "/api/v1/score-rules",
  tags: ["Scoring"],
  summary: "List score rules and the MQL threshold",
  security,
  middleware: [requirePermission("score_rules.read")] as const,
  responses: { 200: jsonContent(list, "Rules"), ...errorResponses() },
});

export function registerListRules(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const [rules, threshold] = await Promise.all([
      listRules(c.get("db")),
      mqlThreshold(c.get("db"), c.get("config").MQL_THRESHOLD),
    ]);
    return c.json(list.parse({ data: rules.map(ruleOut), mql_threshold: threshold }), 200);
  });
}
