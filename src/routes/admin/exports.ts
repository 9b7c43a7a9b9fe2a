// GET /admin/export/*.csv: the dashboard's CSV downloads (report, calibration, lead list), cookie-authenticated.
import type { Context, Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { AppError, badRequest } from "../../errors";
import { buildReport } from "../../services/reports/report-service";
import { checkRange, reportQuery, reportQueryShape } from "../../services/reports/query";
import { scoreCalibration } from "../../services/reports/calibration";
import { leadFilter, listLeads } from "../../services/reports/lead-list";
import { calibrationCsv, leadsCsv, reportCsv } from "../../services/reports/export-csv";

const csv = (c: Context<AppEnv>, body: string, name: string) =>
  c.body(body, 200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${name}"`,
  });

export function registerExports(app: Hono<AppEnv>) {
  app.get("/export/report.csv", async (c) => {
    const parsed = reportQuery.safeParse(c.req.query());
    if (!parsed.success) throw badRequest(parsed.error);
    const q = parsed.data;
    const report = await buildReport(c.get("db"), q, {
      now: c.get("now"),
      currency: c.get("config").REPORTING_CURRENCY,
    });
    return csv(c, reportCsv(report), `lodestone-report-${q.model}-${q.from}-${q.to}.csv`);
  });

  app.get("/export/calibration.csv", async (c) => {
    const parsed = reportQueryShape
      .pick({ from: true, to: true })
      .superRefine(checkRange)
      .safeParse(c.req.query());
    if (!parsed.success) throw badRequest(parsed.error);
    return csv(
      c,
      calibrationCsv(await scoreCalibration(c.get("db"), parsed.data)),
      `lodestone-score-calibration-${parsed.data.from}-${parsed.data.to}.csv`,
    );
  });

  app.get("/export/leads.csv", async (c) => {
    const parsed = leadFilter.safeParse(c.req.query());
    if (!parsed.success) throw badRequest(parsed.error);
    const { rows, nextCursor } = await listLeads(c.get("db"), { ...parsed.data, limit: 10_000 });
    if (nextCursor) c.header("x-next-cursor", String(nextCursor));
    if (!rows.length && parsed.data.cursor) throw new AppError("NOT_FOUND", "No more leads");
    return csv(c, leadsCsv(rows), "lodestone-leads.csv");
  });
}
