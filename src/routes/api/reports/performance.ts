// GET /api/v1/reports/performance: per asset × channel/campaign × period, under an attribution model; JSON or CSV.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { requirePermission } from "../../../http/auth";
import { checkRange, reportQueryShape } from "../../../services/reports/query";
import { buildReport } from "../../../services/reports/report-service";
import { reportCsv } from "../../../services/reports/export-csv";
import { errorResponses, security } from "../../../http/openapi";
import { reportBody } from "./schemas";

const query = reportQueryShape
  .extend({ format: z.enum(["json", "csv"]).default("json") })
  .superRefine(checkRange);

const performanceRoute = createRoute({
  method: "get",
  path: "/api/v1/reports/performance",
  tags: ["reports"],
  summary: "Acquisition cost and conversion per asset, channel, campaign and period",
  description:
    "Reads rollups only. `by` is a comma list of asset, channel, campaign; `grain` is day, week (ISO, Monday), month or range. Spend tied to a campaign or channel is spread over the assets its leads came through under the same `model`. Rows add up to `totals` exactly.",
  security,
  middleware: [requirePermission("reports.read")] as const,
  request: { query },
  responses: {
    200: {
      description: "The report",
      content: { "application/json": { schema: reportBody }, "text/csv": { schema: z.string() } },
    },
    ...errorResponses(400),
  },
});

export function registerPerformanceReport(app: OpenAPIHono<AppEnv>) {
  app.openapi(performanceRoute, async (c) => {
    const { format, ...q } = c.req.valid("query");
    const report = await buildReport(c.get("ctx").readDb, q, {
      now: c.get("now"),
      currency: c.get("config").REPORTING_CURRENCY,
    });
    if (format === "csv") {
      return c.body(reportCsv(report), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="lodestone-report-${q.model}-${q.from}-${q.to}.csv"`,
      });
    }
    const { rowsRead, ...rest } = report;
    return c.json(reportBody.parse({ ...rest, rows_read: rowsRead }), 200);
  });
}
