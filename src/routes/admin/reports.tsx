/** @jsxImportSource hono/jsx */
// GET /admin/reports: the performance report and score calibration, from the same services as the API.
import type { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { chromeOf } from "../../http/admin-guard";
import { buildReport } from "../../services/reports/report-service";
import { scoreCalibration } from "../../services/reports/calibration";
import { ReportsPage } from "../../../templates/admin/pages/reports";
import { exportQuery, reportParams } from "./report-params";

export function registerReports(app: Hono<AppEnv>) {
  app.get("/reports", async (c) => {
    const { q, error } = reportParams(c.req.query(), c.get("now"));
    // Rollups, which a read replica may serve (README → Scale: reads that may be stale).
    const db = c.get("ctx").readDb;
    const [report, calibration] = await Promise.all([
      buildReport(db, q, { now: c.get("now"), currency: c.get("config").REPORTING_CURRENCY }),
      scoreCalibration(db, q),
    ]);
    const s = c.get("admin");
    return c.html(
      <ReportsPage
        locale={s.locale}
        csrf={s.csrf}
        chrome={chromeOf(s)}
        q={q}
        report={report}
        calibration={calibration}
        exportQs={exportQuery(q)}
        errors={error}
      />,
    );
  });
}
