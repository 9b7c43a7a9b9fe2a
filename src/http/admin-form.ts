// Reading a dashboard form post: the body as strings (files kept apart), after the per-session CSRF check.
import type { Context } from "hono";
import type { AppEnv } from "./app-env";
import { AppError } from "../errors";
import { checkCsrf } from "./admin-guard";
import { at } from "../../templates/admin/messages";

interface AdminForm {
  fields: Record<string, string>;
  files: Record<string, File>;
}

export async function readAdminForm(c: Context<AppEnv>): Promise<AdminForm> {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  if (
    !type.startsWith("application/x-www-form-urlencoded") &&
    !type.startsWith("multipart/form-data")
  )
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the form as a browser would");
  const body = await c.req.parseBody();
  if (!(await checkCsrf(c, body)))
    throw new AppError("FORBIDDEN", at(c.get("admin").locale, "csrf_failed"));
  const fields: Record<string, string> = {};
  const files: Record<string, File> = {};
  for (const [k, v] of Object.entries(body)) {
    if (v instanceof File) files[k] = v;
    else if (typeof v === "string") fields[k] = v;
  }
  return { fields, files };
}
