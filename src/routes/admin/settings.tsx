/** @jsxImportSource hono/jsx */
// /admin/settings (admin scope): deployment settings, today the privacy policy links of the consent words.
import type { Context, Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { AppError } from "../../errors";
import { hasScope } from "../../http/auth";
import { readAdminForm } from "../../http/admin-form";
import { loadSettings, saveSettings, type Settings } from "../../services/settings/settings";
import { SettingsPage } from "../../../templates/admin/pages/settings";
import { at } from "../../../templates/admin/messages";

/** Settings change every gate, so only admins may see or change them. */
function requireAdminScope(c: Context<AppEnv>) {
  const s = c.get("admin");
  if (!hasScope({ tokenId: null, scopes: s.scopes }, ["admin"]))
    throw new AppError("FORBIDDEN", at(s.locale, "settings_admin_only"));
  return s;
}

const formValues = (s: Settings): Record<string, string> =>
  Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v ?? ""]));

export function registerSettings(app: Hono<AppEnv>) {
  app.get("/settings", async (c) => {
    const s = requireAdminScope(c);
    const settings = await loadSettings(c.get("db"), c.get("now"));
    return c.html(
      <SettingsPage
        locale={s.locale}
        csrf={s.csrf}
        values={formValues(settings)}
        message={c.req.query("saved") ? at(s.locale, "saved") : undefined}
      />,
    );
  });

  app.post("/settings", async (c) => {
    const s = requireAdminScope(c);
    const { fields } = await readAdminForm(c);
    const result = await saveSettings(c.get("db"), fields, c.get("now"));
    if (result.ok) return c.redirect("/admin/settings?saved=1", 303);
    // Every setting today is a link: one message, in the marketer's language.
    const errors = Object.fromEntries(
      Object.keys(result.errors).map((k) => [k, [at(s.locale, "settings_url_invalid")]]),
    );
    return c.html(
      <SettingsPage locale={s.locale} csrf={s.csrf} values={fields} errors={errors} />,
      400,
    );
  });
}
