/** @jsxImportSource hono/jsx */
// The dashboard at /admin: same-origin form posts, then the guard (every route's permission), then every page.
import { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { toAppError } from "../../http/on-error";
import { errorFields, log } from "../../platform/logger";
import { chromeOf, dashboardGuard, sameOrigin } from "../../http/admin-guard";
import { auditTrail } from "../../http/audit";
import { AdminNotice } from "../../../templates/admin/pages/notice";
import { registerLogin } from "./login";
import { registerSignInLink } from "./sign-in-link";
import { registerPeople } from "./people";
import { registerAuditPage } from "./audit";
import { registerOverview } from "./overview";
import { registerReports } from "./reports";
import { registerExports } from "./exports";
import { registerSpendPage } from "./spend/page";
import { registerSpendImport } from "./spend/import";
import { registerLeads } from "./leads";
import { registerLeadAccept } from "./lead-accept";
import { registerLeadImport } from "./lead-import";
import { registerRouting } from "./routing";
import { registerAssets } from "./assets";
import { registerAssetPreview } from "./asset-preview";
import { registerSessionsPage } from "./sessions";
import { registerSequenceEditor } from "./sequence";
import { registerWebhooksPage } from "./webhooks";
import { registerWebhookTools } from "./webhook-tools";
import { registerTokensPage } from "./tokens";
import { registerScoringPage } from "./scoring";
import { registerMailPage } from "./mail";
import { registerSettings } from "./settings";
import { registerLinksPage } from "./links";

export function registerAdminRoutes(app: Hono<AppEnv>) {
  const admin = new Hono<AppEnv>();
  admin.use("*", sameOrigin);
  admin.use("*", dashboardGuard);
  admin.use("*", auditTrail);
  registerLogin(admin);
  registerSignInLink(admin);
  registerOverview(admin);
  registerReports(admin);
  registerExports(admin);
  registerSpendPage(admin);
  registerSpendImport(admin);
  registerLeadImport(admin);
  registerLeads(admin);
  registerAssetPreview(admin);
  registerLeadAccept(admin);
  registerRouting(admin);
  registerAssets(admin);
  registerSessionsPage(admin);
  registerSequenceEditor(admin);
  registerLinksPage(admin);
  registerWebhooksPage(admin);
  registerWebhookTools(admin);
  registerTokensPage(admin);
  registerScoringPage(admin);
  registerMailPage(admin);
  registerSettings(admin);
  registerPeople(admin);
  registerAuditPage(admin);
  admin.notFound((c) => {
    const s = c.var.admin;
    return c.html(
      <AdminNotice
        locale={s?.locale ?? "en"}
        csrf={s?.csrf}
        chrome={chromeOf(s)}
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
        chrome={chromeOf(s)}
        title={String(e.status)}
        text={e.message}
      />,
      e.status,
    );
  });
  app.route("/admin", admin);
}
