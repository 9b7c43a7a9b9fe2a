// GET /api/v1/leads/{id} (sales, marketing): the lead, why it scores what it does, and everything that happened.
import { suppressionSecret } from "../../../env";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { requirePermission } from "../../../http/auth";
import { loadLeadDetail } from "../../../services/leads/lead-detail";
import { errorResponses, idParams, jsonContent, security } from "../../../http/openapi";
import { leadDetailSchema } from "./schemas";

const route = createRoute({
  method: "get",
  path: "/api/v1/leads/{id}",
  tags: ["Leads"],
  summary: "One lead with timeline, touches, score ledger, stage history and outcomes",
  security,
  middleware: [requirePermission("leads.read")] as const,
  request: { params: idParams },
  responses: { 200: jsonContent(leadDetailSchema, "The lead"), ...errorResponses(400, 404, 410) },
});

export function registerGetLead(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) =>
    c.json(
      leadDetailSchema.parse(
        await loadLeadDetail(
          c.get("db"),
          c.req.valid("param").id,
          suppressionSecret(c.get("config")),
        ),
      ),
      200,
    ),
  );
}
