/** @jsxImportSource hono/jsx */
// /admin/settings (settings.manage: admins, see src/domain/dashboard-access.ts): deployment settings, today the
// privacy policy links of the consent words. Settings change every gate, so only admins may see or change them.
import type { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { readAdminForm } from "../../http/admin-form";
import { chromeOf } from "../../http/admin-guard";
import { audit } from "../../http/audit";
import { loadSettings, saveSettings, type Settings } from "../../services/settings/settings";
import { SettingsPage } from "../../../templates/admin/pages/settings";
import { at } from "../../../templates/admin/messages";

const formValues = (s: Settings): Record<string, string> =>
  Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v ?? ""]));

export function registerSettings(app: Hono<AppEnv>) {
  app.get("/settings", async (c) => {
    const s = c.get("admin");
    const settings = await loadSettings(c.get("db"), c.get("now"));
    return c.html(
      <SettingsPage
        locale={s.locale}
        csrf={s.csrf}
        chrome={chromeOf(s)}
        values={formValues(settings)}
        message={c.req.query("saved") ? at(s.locale, "saved") : undefined}
      />,
    );
  });

  app.post("/settings", async (c) => {
    const s = c.get("admin");
    const { fields } = await readAdminForm(c);
    const before = await loadSettings(c.get("db"), c.get("now"));
    const result = await saveSettings(c.get("db"), fields, c.get("now"));
    if (result.ok) {
      await audit(c, {
        action: "settings.update",
        subject: { type: "settings", id: null },
        before: { ...before },
        after: { ...(await loadSettings(c.get("db"), c.get("now"))) },
      });
      return c.redirect("/admin/settings?saved=1", 303);
    }
    // Every setting today is a link: one message, in the marketer's language.
    const errors = Object.fromEntries(
      Object.keys(result.errors).map((k) => [k, [at(s.locale, "settings_url_invalid")]]),
    );
    return c.html(
      <SettingsPage
        locale={s.locale}
        csrf={s.csrf}
        chrome={chromeOf(s)}
        values={fields}
        errors={errors}
      />,
      400,
    );
  });
}
