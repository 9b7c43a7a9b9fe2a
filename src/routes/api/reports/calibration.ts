// GET /api/v1/reports/score-calibration: leads, MQLs and won deals per score band; JSON or CSV.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { requirePermission } from "../../../http/auth";
import { isValidDay } from "../../../domain/report-days";
import { scoreCalibration } from "../../../services/reports/calibration";
import { calibrationCsv } from "../../../services/reports/export-csv";
import { errorResponses, security } from "../../../http/openapi";
import { calibrationBody } from "./schemas";

const day = z.string().refine(isValidDay, "Use a calendar day as YYYY-MM-DD");
const query = z
  .object({ from: day, to: day, format: z.enum(["json", "csv"]).default("json") })
  .refine((q) => q.to >= q.from, { path: ["to"], message: "`to` must be on or after `from`" });

const calibrationRoute = createRoute({
  method: "get",
  path: "/api/v1/reports/score-calibration",
  tags: ["reports"],
  summary: "Score calibration: does the score predict MQLs and won deals?",
  description:
    "The cohort is the leads created between `from` and `to`, banded by current score in bands of 10.",
  security,
  middleware: [requirePermission("reports.read")] as const,
  request: { query },
  responses: {
    200: {
      description: "Bands",
      content: {
        "application/json": { schema: calibrationBody },
        "text/csv": { schema: z.string() },
      },
    },
    ...errorResponses(400),
  },
});

export function registerCalibrationReport(app: OpenAPIHono<AppEnv>) {
  app.openapi(calibrationRoute, async (c) => {
    const q = c.req.valid("query");
    const bands = await scoreCalibration(c.get("ctx").readDb, q);
    if (q.format === "csv")
      return c.body(calibrationCsv(bands), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="lodestone-score-calibration-${q.from}-${q.to}.csv"`,
      });
    return c.json(calibrationBody.parse({ from: q.from, to: q.to, bands }), 200);
  });
}
