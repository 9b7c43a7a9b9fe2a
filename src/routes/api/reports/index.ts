// The reports API: one file per report.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { registerPerformanceReport } from "./performance";
import { registerCalibrationReport } from "./calibration";
import { registerLeadsExport } from "./leads-export";

export function registerReportRoutes(app: OpenAPIHono<AppEnv>) {
  registerPerformanceReport(app);
  registerCalibrationReport(app);
  registerLeadsExport(app);
}
