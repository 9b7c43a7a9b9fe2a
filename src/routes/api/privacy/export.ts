// GET /api/v1/leads/{id}/export (admin): everything Lodestone holds about a person, as JSON.
import { suppressionSecret } from "../../../env";
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { requirePermission } from "../../../http/auth";
import { exportLead } from "../../../services/privacy/privacy";
import { errorResponses, idParams, jsonContent, security } from "../../../http/openapi";

const rows = z.array(z.record(z.string(), z.unknown()));
const exported = z
  .object({
    lead: z.record(z.string(), z.unknown()),
    touches: rows,
    events: rows,
    score_ledger: rows,
    stage_history: rows,
    outcomes: rows,
    enrolments: rows,
    sends: rows,
    webhook_deliveries: rows,
    suppressions: rows,
    captured_emails: rows,
  })
  .openapi("LeadExport");

const route = createRoute({
  method: "get",
  path: "/api/v1/leads/{id}/export",
  tags: ["Privacy"],
  summary: "Export everything held about a lead",
  security,
  middleware: [requirePermission("privacy.manage")] as const,
  request: { params: idParams },
  responses: {
    200: jsonContent(exported, "Every stored row about the person"),
    ...errorResponses(400, 404, 410),
  },
});

export function registerExportLead(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const id = c.req.valid("param").id;
    c.header("Content-Disposition", `attachment; filename="lead-${id}.json"`);
    c.header("Cache-Control", "no-store");
    return c.json(
      exported.parse(await exportLead(c.get("db"), id, suppressionSecret(c.get("config")))),
      200,
    );
  });
}
