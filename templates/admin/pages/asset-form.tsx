/** @jsxImportSource hono/jsx */
// Creating or editing an asset: landing copy, file and cover upload, gate fields, consent and the drip it starts,
// beside a live preview of the landing page (templates/admin/scripts/asset-preview.ts posts the form to it).
import type { Asset, AssetKind, Locale, FormField } from "../../../src/db/schema";
import { AdminLayout, Csrf, type AdminChrome } from "../layout";
import { at, type AdminKey } from "../messages";
import { Errors } from "../components/field-errors";
import { ConsentSettings } from "../components/consent-settings";

export function AssetFormPage(p: {
  locale: Locale;
  locales: readonly Locale[];
  kinds: readonly AssetKind[];
  previewScript: string;
  formFields: readonly FormField[];
  csrf: string;
  chrome?: AdminChrome;
  asset: Asset | null;
  values: Record<string, string>;
  errors?: Record<string, string[]>;
  sequences: { id: number; name: string }[];
  message?: string;
  /** Whether Settings has a privacy policy link for the consent words to point to. */
  privacyUrlSet: boolean;
}) {
  const L = p.locale;
  const v = p.values;
  const action = p.asset ? `/admin/assets/${p.asset.id}/edit` : "/admin/assets/new";
  const previewAction = p.asset ? `/admin/assets/${p.asset.id}/preview` : "/admin/assets/preview";
  const text = (name: string, key: AdminKey, extra: { type?: string; required?: boolean } = {}) => (
    <label>
      {at(L, key)}
      <input
        name={name}
        type={extra.type ?? "text"}
        value={v[name] ?? ""}
        required={extra.required}
        aria-invalid={p.errors?.[name] ? "true" : undefined}
      />
      <Errors errors={p.errors} name={name} />
    </label>
  );
  return (
    <AdminLayout
      locale={L}
      title={p.asset ? p.asset.title : at(L, "assets_new")}
      path="/admin/assets"
      csrf={p.csrf}
      chrome={p.chrome}
    >
      <h1>{p.asset ? p.asset.title : at(L, "assets_new")}</h1>
      {p.message ? <p class="ok">{p.message}</p> : null}
      {p.errors ? <p class="alert">{at(L, "fix_errors")}</p> : null}
      <div style="display:grid;grid-template-columns:repeat(auto-fit,minmax(440px,1fr));gap:16px;align-items:start">
        <form
          class="card"
          id="asset-form"
          method="post"
          action={action}
          enctype="multipart/form-data"
        >
          <Csrf token={p.csrf} />
          <div class="grid">
            {text("title", "title", { required: true })}
            {text("slug", "slug", { required: true })}
            <label>
              {at(L, "kind")}
              <select name="kind">
                {p.kinds.map((k) => (
                  <option value={k} selected={v.kind === k}>
                    {at(L, `kind_${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {at(L, "locale")}
              <select name="locale">
                {p.locales.map((l) => (
                  <option value={l} selected={v.locale === l}>
                    {l}
                  </option>
                ))}
              </select>
            </label>
            {text("timezone", "timezone", { required: true })}
            {text("room_url", "room_url", { type: "url" })}
            {text("link_url", "link_url", { type: "url" })}
            <label>
              {at(L, "sequence")}
              <select name="sequence_id">
                <option value="">{at(L, "no_sequence")}</option>
                {p.sequences.map((s) => (
                  <option value={String(s.id)} selected={v.sequence_id === String(s.id)}>
                    {s.name}
                  </option>
                ))}
              </select>
              <Errors errors={p.errors} name="sequence_id" />
            </label>
          </div>
          <label style="margin-top:12px">
            {at(L, "summary")}
            <textarea name="summary" rows={3}>
              {v.summary ?? ""}
            </textarea>
          </label>
          <label>
            {at(L, "outline")}
            <textarea name="outline" rows={4}>
              {v.outline ?? ""}
            </textarea>
          </label>
          <label class="row" style="font-weight:400">
            <input type="checkbox" name="double_opt_in" checked={v.double_opt_in === "on"} />{" "}
            {at(L, "double_opt_in")}
          </label>
          <h2 style="margin-top:16px">{at(L, "form_settings")}</h2>
          <div class="grid">
            {p.formFields.map((f) => (
              <label>
                {at(L, f)}
                <select name={`field_${f}`}>
                  {(["hidden", "optional", "required"] as const).map((m) => (
                    <option value={m} selected={(v[`field_${f}`] ?? "optional") === m}>
                      {at(L, `field_${m}`)}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <ConsentSettings
            locale={L}
            values={v}
            errors={p.errors}
            privacyUrlSet={p.privacyUrlSet}
          />
          <h2 style="margin-top:16px">{at(L, "file")}</h2>
          <p class="muted">
            {p.asset?.fileName
              ? `${at(L, "file_current")}: ${p.asset.fileName}`
              : at(L, "file_none")}
          </p>
          <label>
            {at(L, "file_upload")}
            <input type="file" name="file" />
            <Errors errors={p.errors} name="file" />
          </label>
          <p class="muted">{at(L, "file_types")}</p>
          <h2 style="margin-top:16px">{at(L, "cover")}</h2>
          {p.asset?.coverKey ? (
            <p>
              <img
                src={`/admin/assets/${p.asset.id}/cover`}
                alt={at(L, "cover_current")}
                style="max-height:120px;border-radius:8px"
              />
            </p>
          ) : (
            <p class="muted">{at(L, "cover_none")}</p>
          )}
          <label>
            {at(L, "cover_upload")}
            <input type="file" name="cover" accept="image/png,image/jpeg,image/webp" />
            <Errors errors={p.errors} name="cover" />
          </label>
          <p class="row" style="gap:8px">
            <button type="submit">{at(L, "save")}</button>
            <button
              type="submit"
              class="secondary"
              id="preview-button"
              formaction={previewAction}
              formtarget="asset-preview"
              formnovalidate
            >
              {at(L, "preview_refresh")}
            </button>
          </p>
        </form>
        <section class="card" aria-labelledby="preview-title" style="position:sticky;top:12px">
          <h2 id="preview-title">{at(L, "preview_title")}</h2>
          <p class="muted">{at(L, "preview_help")}</p>
          <iframe
            name="asset-preview"
            id="asset-preview"
            title={at(L, "preview_title")}
            src={p.asset ? `/admin/assets/${p.asset.id}/preview` : "about:blank"}
            style="width:100%;height:78vh;border:1px solid #d9dee7;border-radius:8px;background:#fff"
          ></iframe>
        </section>
      </div>
      <script src={p.previewScript} defer></script>
    </AdminLayout>
  );
}
