/** @jsxImportSource hono/jsx */
// The asset form's consent settings: the marketing consent mode and its words, the legal basis, the privacy box.
import type { Locale, MarketingConsentMode } from "../../../src/db/schema";
import { at } from "../messages";
import { Errors } from "./field-errors";

const MODES: MarketingConsentMode[] = ["optional", "implied", "required"];

export function ConsentSettings(p: {
  locale: Locale;
  values: Record<string, string>;
  errors?: Record<string, string[]>;
  privacyUrlSet: boolean;
}) {
  const L = p.locale;
  const v = p.values;
  const invalid = (name: string) => (p.errors?.[name] ? "true" : undefined);
  return (
    <fieldset class="consent-settings" style="border:0;padding:0;margin:16px 0 0">
      <h2>{at(L, "consent_title")}</h2>
      <label>
        {at(L, "consent_mode")}
        <br />
        <select
          name="consent_mode"
          aria-invalid={invalid("consent_mode")}
          style="width:100%;max-width:36em;margin-top:4px"
        >
          {MODES.map((m) => (
            <option value={m} selected={(v.consent_mode ?? "optional") === m}>
              {at(L, `consent_mode_${m}`)}
            </option>
          ))}
        </select>
        <Errors errors={p.errors} name="consent_mode" />
      </label>
      <p class="muted">{at(L, "consent_mode_help")}</p>
      <div class="grid">
        <label>
          {at(L, "consent_version")}
          <input
            name="consent_version"
            value={v.consent_version ?? "v1"}
            aria-invalid={invalid("consent_version")}
          />
          <Errors errors={p.errors} name="consent_version" />
        </label>
      </div>
      <label>
        {at(L, "consent_text_label")}
        <textarea name="consent_text" rows={2} aria-invalid={invalid("consent_text")}>
          {v.consent_text ?? ""}
        </textarea>
        <Errors errors={p.errors} name="consent_text" />
      </label>
      <label>
        {at(L, "consent_basis")}
        <textarea name="consent_basis" rows={2} aria-invalid={invalid("consent_basis")}>
          {v.consent_basis ?? ""}
        </textarea>
        <span class="muted" style="font-weight:400">
          {at(L, "consent_basis_help")}
        </span>
        <Errors errors={p.errors} name="consent_basis" />
      </label>
      <label class="row" style="font-weight:400">
        <input type="checkbox" name="privacy_required" checked={v.privacy_required === "on"} />{" "}
        {at(L, "privacy_required")}
      </label>
      <p class="muted">
        {at(L, "privacy_help", {
          status: at(L, p.privacyUrlSet ? "privacy_url_set" : "privacy_url_missing"),
        })}{" "}
        <a href="/admin/settings">{at(L, "settings_title")}</a>
      </p>
    </fieldset>
  );
}
