/** @jsxImportSource hono/jsx */
// GET /admin: the overview a marketer opens every morning.
import type { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { chromeOf } from "../../http/admin-guard";
import { ATTRIBUTION_MODELS, type AttributionModel } from "../../db/schema";
import { loadOverview } from "../../services/reports/overview";
import { linkOrigin } from "../../env";
import { OverviewPage } from "../../../templates/admin/pages/overview";

export function registerOverview(app: Hono<AppEnv>) {
  app.get("/", async (c) => {
    const asked = c.req.query("model");
    const model: AttributionModel = (ATTRIBUTION_MODELS as readonly string[]).includes(asked ?? "")
      ? (asked as AttributionModel)
      : "first_touch";
    const data = await loadOverview(c.get("ctx").readDb, model, {
      now: c.get("now"),
      currency: c.get("config").REPORTING_CURRENCY,
    });
    const s = c.get("admin");
    return c.html(
      <OverviewPage
        locale={s.locale}
        csrf={s.csrf}
        chrome={chromeOf(s)}
        model={model}
        data={data}
        sendingPaused={!linkOrigin(c.get("config")).ok}
      />,
    );
  });
}
