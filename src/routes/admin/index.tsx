/** @jsxImportSource hono/jsx */
// The marketer dashboard at /admin: same-origin form posts, session login, then every page.
import { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { toAppError } from "../../http/on-error";
import { errorFields, log } from "../../platform/logger";
import { requireAdmin, sameOrigin } from "../../http/admin-guard";
import { AdminNotice } from "../../../templates/admin/pages/notice";
import { registerLogin } from "./login";
import { registerOverview } from "./overview";
import { registerReports } from "./reports";
import { registerExports } from "./exports";
import { registerSpendPage } from "./spend/page";
import { registerSpendImport } from "./spend/import";
import { registerLeads } from "./leads";
import { registerAssets } from "./assets";
import { registerWebhooksPage } from "./webhooks";
import { registerMailPage } from "./mail";
import { registerSettings } from "./settings";

export function registerAdminRoutes(app: Hono<AppEnv>) {
  const admin = new Hono<AppEnv>();
  admin.use("*", sameOrigin);
  registerLogin(admin);
  admin.use("*", async (c, next) =>
    c.req.path === "/admin/login" ? next() : requireAdmin(c, next),
  );
  registerOverview(admin);
  registerReports(admin);
  registerExports(admin);
  registerSpendPage(admin);
  registerSpendImport(admin);
  registerLeads(admin);
  registerAssets(admin);
  registerWebhooksPage(admin);
  registerMailPage(admin);
  registerSettings(admin);
  admin.notFound((c) => {
    const s = c.var.admin;
    return c.html(
      <AdminNotice
        locale={s?.locale ?? "en"}
        csrf={s?.csrf}
        title="404"
        text="This page does not exist."
      />,
      404,
    );
  });
  // Pages answer errors as pages; a 5xx is still logged as a bug.
  admin.onError((err, c) => {
    const e = toAppError(err);
    if (e.status >= 500) log.error("dashboard error", errorFields(err));
    const s = c.var.admin;
    return c.html(
      <AdminNotice
        locale={s?.locale ?? "en"}
        csrf={s?.csrf}
        title={String(e.status)}
        text={e.message}
      />,
      e.status,
    );
  });
  app.route("/admin", admin);
}
