/** @jsxImportSource hono/jsx */
// Settings (admins): brand and logo, the privacy policy links the gates' consent words point to, the email footer's
// postal address, defaults, embed origins and the MQL threshold.
import type { Locale } from "../../../src/db/schema";
import { AdminLayout, Csrf, type AdminChrome } from "../layout";
import { at, type AdminKey } from "../messages";
import { Errors } from "../components/field-errors";

const URL_FIELDS: [string, AdminKey][] = [
  ["privacy_url", "settings_privacy_all"],
  ["privacy_policy_url_en", "settings_privacy_en"],
  ["privacy_policy_url_zh", "settings_privacy_zh"],
];
const WIDE = "width:100%;max-width:40em;margin-top:4px";

export function SettingsPage(p: {
  locale: Locale;
  csrf: string;
  chrome?: AdminChrome;
  values: Record<string, string>;
  errors?: Record<string, string[]>;
  message?: string;
  logoUrl?: string | null;
}) {
  const L = p.locale;
  const v = p.values;
  const bad = (name: string) => (p.errors?.[name] ? "true" : undefined);
  const input = (name: string, key: AdminKey, extra: Record<string, string> = {}) => (
    <label style="margin-top:12px">
      {at(L, key)}
      <br />
      <input style={WIDE} name={name} value={v[name] ?? ""} aria-invalid={bad(name)} {...extra} />
      <Errors errors={p.errors} name={name} />
    </label>
  );
  const area = (name: string, key: AdminKey, rows: number) => (
    <label style="margin-top:12px">
      {at(L, key)}
      <br />
      <textarea style={WIDE} name={name} rows={rows} aria-invalid={bad(name)}>
        {v[name] ?? ""}
      </textarea>
      <Errors errors={p.errors} name={name} />
    </label>
  );
  return (
    <AdminLayout
      locale={L}
      title={at(L, "settings_title")}
      path="/admin/settings"
      csrf={p.csrf}
      chrome={p.chrome}
    >
      <h1>{at(L, "settings_title")}</h1>
      {p.message ? <p class="ok">{p.message}</p> : null}
      {p.errors ? (
        <p class="alert" role="alert">
          {at(L, "fix_errors")}
        </p>
      ) : null}
      <form class="card" method="post" action="/admin/settings" enctype="multipart/form-data">
        <Csrf token={p.csrf} />
        <h2>{at(L, "settings_brand")}</h2>
        <p class="muted">{at(L, "settings_brand_help")}</p>
        {input("brand_name", "brand_name", { maxlength: "80" })}
        {input("brand_color", "brand_color", {
          placeholder: "#2f5bea",
          pattern: "#[0-9a-fA-F]{6}",
        })}
        {p.logoUrl ? (
          <p>
            {at(L, "settings_logo_current")}:{" "}
            <img src={p.logoUrl} alt="" style="max-height:40px;vertical-align:middle" />
          </p>
        ) : null}
        <label style="margin-top:12px">
          {at(L, "settings_logo")}
          <br />
          <input type="file" name="logo" accept="image/png,image/jpeg,image/webp" />
          <Errors errors={p.errors} name="logo" />
        </label>
        <h2 style="margin-top:20px">{at(L, "settings_privacy")}</h2>
        <p class="muted">{at(L, "settings_privacy_help")}</p>
        <div>
          {URL_FIELDS.map(([name, key]) =>
            input(name, key, { type: "url", inputmode: "url", placeholder: "https://" }),
          )}
        </div>
        <h2 style="margin-top:20px">{at(L, "settings_email")}</h2>
        {area("postal_address", "postal_address", 3)}
        <h2 style="margin-top:20px">{at(L, "settings_defaults")}</h2>
        <label style="margin-top:12px">
          {at(L, "default_locale")}
          <br />
          <select name="default_locale">
            <option value="">—</option>
            {(["en", "zh-CN"] as const).map((l) => (
              <option value={l} selected={v.default_locale === l}>
                {l === "en" ? "English" : "中文"}
              </option>
            ))}
          </select>
        </label>
        {input("time_zone", "time_zone", { placeholder: "Asia/Shanghai" })}
        {input("mql_threshold", "mql_threshold", { inputmode: "numeric" })}
        {area("embed_origins", "embed_origins", 3)}
        <p class="muted">{at(L, "embed_origins_help")}</p>
        <p>
          <button type="submit">{at(L, "save")}</button>
        </p>
      </form>
    </AdminLayout>
  );
}
