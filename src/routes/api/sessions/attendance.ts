// POST /api/v1/assets/{id}/sessions/{sid}/attendance (marketing): a meeting's participant export as raw CSV.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { audit } from "../../../http/audit";
import { attendanceRecord } from "../../../http/audit-records";
import { requirePermission } from "../../../http/auth";
import { importAttendance } from "../../../services/sessions/attendance";
import { ATTENDANCE_FORMATS } from "../../../domain/attendance/formats";
import { errorResponses, jsonContent, security } from "../../../http/openapi";
import { assetSessionParams } from "./schemas";

const result = z
  .object({
    format: z.enum(ATTENDANCE_FORMATS),
    matched: z.number().int(),
    unmatched: z.array(z.string()),
    attended: z.number().int(),
    no_shows: z.number().int(),
    changed: z.number().int(),
  })
  .openapi("AttendanceImport");

const route = createRoute({
  method: "post",
  path: "/api/v1/assets/{id}/sessions/{sid}/attendance",
  tags: ["Course sessions"],
  summary: "Import a session's attendance (Zoom, Tencent Meeting or Feishu export)",
  description:
    "The participants export as downloaded (text/csv; UTF-8, UTF-8 with BOM, UTF-16 or GBK). Registrants are matched by email, case-insensitively: those in the file are marked attended (and score session_attended), the rest no_show. Importing the same file again changes nothing.",
  security,
  middleware: [requirePermission("assets.write")] as const,
  request: {
    params: assetSessionParams,
    body: { required: false, content: { "text/csv": { schema: z.string() } } },
  },
  responses: { 200: jsonContent(result, "What the import did"), ...errorResponses(400, 404, 409) },
});

export function registerImportAttendance(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { id, sid } = c.req.valid("param");
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const report = await importAttendance(
      { db: c.get("db"), jobs: c.env.JOBS },
      id,
      sid,
      bytes,
      c.get("now"),
    );
    await audit(c, {
      action: "course_session.attendance_import",
      subject: { type: "course_session", id: sid },
      before: null,
      after: attendanceRecord(report),
    });
    return c.json(result.parse(report), 200);
  });
}
