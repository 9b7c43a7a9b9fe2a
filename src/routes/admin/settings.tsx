/** @jsxImportSource hono/jsx */
// /admin/settings (settings.manage: admins, see src/domain/dashboard-access.ts): the workspace's brand, privacy
// links, email footer, defaults, embed origins and MQL threshold, and its logo. Settings change every gate and
// email, so only admins may see or change them.
import type { Context, Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { readAdminForm } from "../../http/admin-form";
import { chromeOf } from "../../http/admin-guard";
import { audit } from "../../http/audit";
import { largeBody } from "../../http/body-limits";
import { settingsRecord } from "../../http/audit-records";
import { AppError, type FieldErrors } from "../../errors";
import {
  loadSettings,
  logoPath,
  patchSettings,
  storeLogo,
  type Settings,
} from "../../services/settings/settings";
import {
  SETTING_KEYS,
  formValueOf,
  fromSettingsForm,
} from "../../services/settings/settings-input";
import { checkedUpload, MAX_IMAGE_BYTES } from "../../services/uploads/checked-upload";
import { IMAGE_TYPES } from "../../domain/file-types";
import { SettingsPage } from "../../../templates/admin/pages/settings";
import { at, type AdminKey } from "../../../templates/admin/messages";

const formValues = (s: Settings): Record<string, string> =>
  Object.fromEntries(SETTING_KEYS.map((k) => [k, formValueOf(s[k])]));

/** Each field's refusal in the marketer's language (the rule's own words are the API's). */
const MESSAGE: Partial<Record<string, AdminKey>> = {
  brand_color: "settings_color_invalid",
  time_zone: "settings_tz_invalid",
  mql_threshold: "settings_threshold_invalid",
  logo: "settings_logo_invalid",
};
const messageKey = (field: string): AdminKey =>
  field.startsWith("embed_origins")
    ? "settings_origins_invalid"
    : /url/.test(field)
      ? "settings_url_invalid"
      : (MESSAGE[field] ?? "settings_text_invalid");

function page(c: Context<AppEnv>, values: Record<string, string>, logo: string | null, extra = {}) {
  const s = c.get("admin");
  return (
    <SettingsPage
      locale={s.locale}
      csrf={s.csrf}
      chrome={chromeOf(s)}
      values={values}
      logoUrl={logo}
      {...extra}
    />
  );
}

export function registerSettings(app: Hono<AppEnv>) {
  app.get("/settings", async (c) => {
    const settings = await loadSettings(c.get("db"), c.get("now"));
    const saved = c.req.query("saved") ? at(c.get("admin").locale, "saved") : undefined;
    return c.html(page(c, formValues(settings), logoPath(settings), { message: saved }));
  });

  // The session is checked first (routes/admin/index.tsx), then the logo is counted.
  app.post("/settings", largeBody, async (c) => {
    const L = c.get("admin").locale;
    const { fields, files } = await readAdminForm(c);
    const db = c.get("db");
    const before = await loadSettings(db, c.get("now"));
    const logo =
      files.logo && files.logo.size > 0 ? new Uint8Array(await files.logo.arrayBuffer()) : null;
    // The logo is checked before anything is saved: a refused form changes nothing.
    let errors: FieldErrors | null = null;
    if (logo)
      try {
        checkedUpload("logo", logo, files.logo!.type, IMAGE_TYPES, MAX_IMAGE_BYTES);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        errors = { logo: [e.message] };
      }
    const result = errors
      ? ({ ok: false, errors } as const)
      : await patchSettings(db, fromSettingsForm(fields), c.get("now"));
    if (!result.ok) errors = result.errors;
    let after = result.ok ? result.settings : before;
    if (result.ok && logo)
      after = await storeLogo(
        db,
        c.env.FILES,
        { bytes: logo, declaredType: files.logo!.type },
        c.get("now"),
      );
    if (result.ok)
      await audit(c, {
        action: "settings.update",
        subject: { type: "settings", id: null },
        before: settingsRecord(before),
        after: settingsRecord(after),
      });
    if (!errors) return c.redirect("/admin/settings?saved=1", 303);
    const shown = Object.fromEntries(
      Object.keys(errors).map((k) => [k.split(".")[0]!, [at(L, messageKey(k))]]),
    );
    return c.html(page(c, fields, logoPath(after), { errors: shown }), 400);
  });
}
