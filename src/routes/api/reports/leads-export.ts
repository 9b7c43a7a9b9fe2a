// GET /api/v1/reports/leads.csv: the lead list as CSV, with the dashboard's filters.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { requirePermission } from "../../../http/auth";
import { leadFilter, listLeads } from "../../../services/reports/lead-list";
import { leadsCsv } from "../../../services/reports/export-csv";
import { errorResponses, security } from "../../../http/openapi";

const leadsExportRoute = createRoute({
  method: "get",
  path: "/api/v1/reports/leads.csv",
  tags: ["reports"],
  summary: "Export leads as CSV",
  description:
    "Filters: q (email, name, company), stage, min_score, max_score, asset_id. Up to 10,000 leads per file, newest first; `X-Next-Cursor` gives the next page.",
  security,
  middleware: [requirePermission("leads.export")] as const,
  request: { query: leadFilter.omit({ limit: true }) },
  responses: {
    200: { description: "CSV", content: { "text/csv": { schema: z.string() } } },
    ...errorResponses(400),
  },
});

export function registerLeadsExport(app: OpenAPIHono<AppEnv>) {
  app.openapi(leadsExportRoute, async (c) => {
    const { rows, nextCursor } = await listLeads(c.get("ctx").readDb, {
      ...c.req.valid("query"),
      limit: 10_000,
    });
    const headers: Record<string, string> = {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="lodestone-leads.csv"',
    };
    if (nextCursor) headers["x-next-cursor"] = String(nextCursor);
    return c.body(leadsCsv(rows), 200, headers);
  });
}
