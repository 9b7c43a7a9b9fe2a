// Reading a dashboard form post: the body as strings (files kept apart), after the per-session CSRF check.
import type { Context } from "hono";
import type { AppEnv } from "./app-env";
import { AppError } from "../errors";
import { checkCsrf } from "./admin-guard";
import { at } from "../../templates/admin/messages";

interface AdminForm {
  fields: Record<string, string>;
  files: Record<string, File>;
  /** Every value of each field, for checkbox groups that send one name several times. */
  all: Record<string, string[]>;
}

export async function readAdminForm(c: Context<AppEnv>): Promise<AdminForm> {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  if (
    !type.startsWith("application/x-www-form-urlencoded") &&
    !type.startsWith("multipart/form-data")
  )
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the form as a browser would");
  const body = await c.req.parseBody({ all: true });
  const last = Object.fromEntries(
    Object.entries(body).map(([k, v]) => [k, Array.isArray(v) ? v[v.length - 1] : v]),
  );
  if (!(await checkCsrf(c, last)))
    throw new AppError("FORBIDDEN", at(c.get("admin").locale, "csrf_failed"));
  const fields: Record<string, string> = {};
  const files: Record<string, File> = {};
  const all: Record<string, string[]> = {};
  for (const [k, raw] of Object.entries(body)) {
    const values = Array.isArray(raw) ? raw : [raw];
    const strings = values.filter((v): v is string => typeof v === "string");
    const file = values.find((v): v is File => v instanceof File);
    if (file) files[k] = file;
    if (strings.length) {
      fields[k] = strings[strings.length - 1]!;
      all[k] = strings;
    }
  }
  return { fields, files, all };
}
