/** @jsxImportSource hono/jsx */
// Settings (admins): the privacy policy links the gates' consent words point to.
import type { Locale } from "../../../src/db/schema";
import { AdminLayout, Csrf } from "../layout";
import { at, type AdminKey } from "../messages";
import { Errors } from "../components/field-errors";

const URL_FIELDS: [string, AdminKey][] = [
  ["privacy_policy_url_en", "settings_privacy_en"],
  ["privacy_policy_url_zh", "settings_privacy_zh"],
];

export function SettingsPage(p: {
  locale: Locale;
  csrf: string;
  values: Record<string, string>;
  errors?: Record<string, string[]>;
  message?: string;
}) {
  const L = p.locale;
  return (
    <AdminLayout locale={L} title={at(L, "settings_title")} path="/admin/settings" csrf={p.csrf}>
      <h1>{at(L, "settings_title")}</h1>
      {p.message ? <p class="ok">{p.message}</p> : null}
      {p.errors ? (
        <p class="alert" role="alert">
          {at(L, "fix_errors")}
        </p>
      ) : null}
      <form class="card" method="post" action="/admin/settings">
        <Csrf token={p.csrf} />
        <h2>{at(L, "settings_privacy")}</h2>
        <p class="muted">{at(L, "settings_privacy_help")}</p>
        <div>
          {URL_FIELDS.map(([name, key]) => (
            <label style="margin-top:12px">
              {at(L, key)}
              <br />
              <input
                style="width:100%;max-width:40em;margin-top:4px"
                name={name}
                type="url"
                inputmode="url"
                placeholder="https://"
                value={p.values[name] ?? ""}
                aria-invalid={p.errors?.[name] ? "true" : undefined}
              />
              <Errors errors={p.errors} name={name} />
            </label>
          ))}
        </div>
        <p>
          <button type="submit">{at(L, "save")}</button>
        </p>
      </form>
    </AdminLayout>
  );
}
