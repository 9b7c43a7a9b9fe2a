/** @jsxImportSource hono/jsx */
// One score rule's form (edit, or add with its kind): every field, a Preview button and a Save button.
import type { Locale } from "../../../src/db/schema";
import type { RuleRecord } from "../../../src/services/scoring/rules-store";
import { Csrf } from "../layout";
import { at, type AdminKey } from "../messages";
import { Errors } from "./field-errors";

export const fieldLabel = (L: Locale, f: string) => at(L, `field_${f}` as AdminKey);

export function RuleForm(p: {
  L: Locale;
  csrf: string;
  /** The rule to edit, or null to add one. */
  rule: RuleRecord | null;
  fields: { fit: readonly string[]; behaviour: readonly string[] };
  threshold: number;
  values?: Record<string, string>;
  errors?: Record<string, string[]>;
}) {
  const { L, rule } = p;
  const v = p.values ?? {
    label: rule?.label ?? "",
    field: rule?.field ?? "",
    match: rule?.match.join("\n") ?? "",
    points: rule ? String(rule.points) : "",
    cap: rule?.cap === null || !rule ? "" : String(rule.cap),
    half_life_days: rule?.halfLifeDays ? String(rule.halfLifeDays) : "",
    active: !rule || rule.active ? "1" : "",
    kind: rule?.kind ?? "fit",
  };
  const kinds = rule ? [rule.kind] : (["fit", "behaviour"] as const);
  const key = rule ? String(rule.id) : "new";
  return (
    <form
      method="post"
      action={rule ? `/admin/scoring/rules/${rule.id}` : "/admin/scoring/rules"}
      class="rule-form"
    >
      <Csrf token={p.csrf} />
      {rule ? <input type="hidden" name="rule_id" value={String(rule.id)} /> : null}
      {p.errors ? <p class="alert">{at(L, "fix_errors")}</p> : null}
      <div class="grid">
        {rule ? null : (
          <label>
            {at(L, "scoring_kind")}
            <select name="kind">
              {kinds.map((k) => (
                <option value={k} selected={v.kind === k}>
                  {at(L, `scoring_kind_${k}` as AdminKey)}
                </option>
              ))}
            </select>
            <Errors errors={p.errors} name="kind" />
          </label>
        )}
        <label>
          {at(L, "scoring_label")}
          <input name="label" required maxlength={120} value={v.label ?? ""} />
          <Errors errors={p.errors} name="label" />
        </label>
        <label>
          {at(L, "scoring_looks_at")}
          <select name="field">
            {kinds.map((k) => (
              <optgroup label={at(L, `scoring_kind_${k}` as AdminKey)}>
                {p.fields[k].map((f) => (
                  <option value={f} selected={v.field === f}>
                    {fieldLabel(L, f)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <Errors errors={p.errors} name="field" />
        </label>
        <label>
          {at(L, "scoring_match")}
          <textarea name="match" rows={3}>
            {v.match ?? ""}
          </textarea>
          <span class="muted">{at(L, "scoring_match_hint")}</span>
          <Errors errors={p.errors} name="match" />
        </label>
        <label>
          {at(L, "scoring_points")}
          <input name="points" inputmode="numeric" required value={v.points ?? ""} />
          <Errors errors={p.errors} name="points" />
        </label>
        {rule?.kind === "fit" ? null : (
          <>
            <label>
              {at(L, "scoring_cap")}
              <input name="cap" inputmode="numeric" value={v.cap ?? ""} />
              <Errors errors={p.errors} name="cap" />
            </label>
            <label>
              {at(L, "scoring_half_life")}
              <input name="half_life_days" inputmode="decimal" value={v.half_life_days ?? ""} />
              <Errors errors={p.errors} name="half_life_days" />
            </label>
          </>
        )}
        <label>
          <input type="checkbox" name="active" value="1" checked={v.active === "1"} />{" "}
          {at(L, "scoring_active")}
        </label>
        <label>
          {at(L, "scoring_preview_at")}
          <input
            name="threshold"
            inputmode="numeric"
            value={v.threshold ?? String(p.threshold)}
            id={`threshold-${key}`}
          />
        </label>
      </div>
      <div class="row">
        <button
          class="secondary"
          type="submit"
          name="change"
          value={rule ? "edit" : "add"}
          formaction="/admin/scoring/preview"
        >
          {at(L, "scoring_preview")}
        </button>
        <button type="submit">{at(L, "scoring_save")}</button>
      </div>
    </form>
  );
}
