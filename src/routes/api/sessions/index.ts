// The course session routes of the API: schedule, list, change, cancel, and import attendance.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../http/app-env";
import { registerListSessions } from "./list";
import { registerCreateSession } from "./create";
import { registerGetSession } from "./get";
import { registerUpdateSession } from "./update";
import { registerDeleteSession } from "./delete";
import { registerImportAttendance } from "./attendance";

export function registerSessionRoutes(app: OpenAPIHono<AppEnv>) {
  registerListSessions(app);
  registerCreateSession(app);
  registerGetSession(app);
  registerUpdateSession(app);
  registerDeleteSession(app);
  registerImportAttendance(app);
}
