/** @jsxImportSource hono/jsx */
// One step of the sequence editor: its timing, send window, conditions, its email in each locale, and its buttons.
import type { Locale } from "../../../src/db/schema";
import type { StepDraft } from "../../../src/services/nurture/sequence-form";
import { copyField, DELAY_UNITS, stepField } from "./sequence-fields";
import { at, type AdminKey } from "../messages";

const LOCALE_NAMES: Record<Locale, string> = { en: "English", "zh-CN": "简体中文" };

/** The refusals for step i, with the part of the key after `steps.i.` to say which field. */
function StepErrors(p: { errors?: Record<string, string[]>; index: number }) {
  const prefix = `steps.${p.index}`;
  const mine = Object.entries(p.errors ?? {}).filter(
    ([k]) => k === prefix || k.startsWith(`${prefix}.`),
  );
  if (!mine.length) return null;
  return (
    <ul class="alert" role="alert">
      {mine.map(([k, list]) => (
        <li>
          {k === prefix ? "" : <code>{k.slice(prefix.length + 1)}</code>} {list.join(" ")}
        </li>
      ))}
    </ul>
  );
}

export function StepEditor(p: {
  locale: Locale;
  index: number;
  count: number;
  step: StepDraft;
  course: boolean;
  locales: readonly Locale[];
  /** The asset's own locale: its leads mostly read this copy, so it is open whatever the dashboard's language. */
  assetLocale: Locale;
  /** STEP_CONDITION_KEYS: one checkbox each, labelled `condition_<key>`. */
  conditionKeys: readonly string[];
  /** The editor's path: /admin/assets/{id}/sequence. */
  base: string;
  canWrite: boolean;
  errors?: Record<string, string[]>;
}) {
  const L = p.locale;
  const i = p.index;
  const s = p.step;
  const f = (name: string) => stepField(i, name);
  return (
    <fieldset class="card step" id={`step-${i + 1}`}>
      <legend>
        <strong>
          {at(L, "seq_step")} {i + 1}
        </strong>{" "}
        <span class="muted">
          {at(L, "seq_started_from")}: {s.template === "custom" ? at(L, "seq_custom") : s.template}
        </span>
      </legend>
      <input type="hidden" name={f("template")} value={s.template} />
      <StepErrors errors={p.errors} index={i} />
      <div class="grid">
        <label>
          {at(L, "seq_anchor")}
          <select name={f("anchor")}>
            <option value="enrolment" selected={s.anchor === "enrolment"}>
              {at(L, "anchor_enrolment")}
            </option>
            {p.course || s.anchor === "session_start" ? (
              <option value="session_start" selected={s.anchor === "session_start"}>
                {at(L, "anchor_session_start")}
              </option>
            ) : null}
          </select>
        </label>
        <label>
          {at(L, "seq_delay")}
          <input
            type="number"
            name={f("delay")}
            value={s.delay}
            step="any"
            aria-describedby={f("delay_help")}
          />
          <span class="muted" id={f("delay_help")}>
            {at(L, "seq_delay_help")}
          </span>
        </label>
        <label>
          &nbsp;
          <select name={f("unit")} aria-label={at(L, "seq_delay")}>
            {Object.keys(DELAY_UNITS).map((u) => (
              <option value={u} selected={s.unit === u}>
                {at(L, `unit_${u}` as AdminKey)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p class="row">
        <label class="row">
          <input type="checkbox" name={f("window")} checked={s.window} /> {at(L, "seq_window")}
        </label>
        {[1, 2, 3, 4, 5, 6, 0].map((d) => (
          <label class="row">
            <input type="checkbox" name={f(`day${d}`)} checked={s.days.includes(d)} />
            {at(L, `day_${d}` as AdminKey)}
          </label>
        ))}
        <label>
          {at(L, "seq_window_from")}{" "}
          <input
            type="number"
            name={f("start")}
            value={s.startHour}
            min="0"
            max="23"
            style="width:5em"
          />
        </label>
        <label>
          {at(L, "seq_window_to")}{" "}
          <input
            type="number"
            name={f("end")}
            value={s.endHour}
            min="1"
            max="24"
            style="width:5em"
          />
        </label>
        <label>
          {at(L, "seq_window_tz")}{" "}
          <select name={f("tz")}>
            <option value="lead" selected={s.timezone === "lead"}>
              {at(L, "tz_lead")}
            </option>
            <option value="asset" selected={s.timezone === "asset"}>
              {at(L, "tz_asset")}
            </option>
          </select>
        </label>
      </p>
      <p class="row">
        <strong>{at(L, "seq_conditions")}:</strong>
        {p.conditionKeys.map((k) => (
          <label class="row">
            <input type="checkbox" name={f(`cond_${k}`)} checked={!!s.conditions[k]} />
            {at(L, `condition_${k}` as AdminKey)}
          </label>
        ))}
      </p>
      {p.locales.map((l) => (
        <details open={l === L || l === p.assetLocale}>
          <summary>{LOCALE_NAMES[l]}</summary>
          <div class="grid" style="grid-template-columns:repeat(auto-fill,minmax(360px,1fr))">
            <label>
              {at(L, "seq_subject")}
              <input name={copyField(i, l, "subject")} value={s.copy[l].subject} maxlength={300} />
            </label>
            <label>
              {at(L, "seq_preheader")}
              <input
                name={copyField(i, l, "preheader")}
                value={s.copy[l].preheader}
                maxlength={300}
              />
            </label>
          </div>
          <label>
            {at(L, "seq_body")}
            <textarea name={copyField(i, l, "body")} rows={10} lang={l}>
              {s.copy[l].body}
            </textarea>
          </label>
        </details>
      ))}
      <p class="row">
        <button
          type="submit"
          class="secondary"
          formaction={`${p.base}/preview`}
          name="preview_step"
          value={String(i)}
        >
          {at(L, "seq_preview")}
        </button>
        {p.canWrite ? (
          <>
            <button
              type="submit"
              class="secondary"
              formaction={`${p.base}/test`}
              name="test_step"
              value={String(i)}
            >
              {at(L, "seq_send_test")}
            </button>
            <button type="submit" class="secondary" name="op" value={`up:${i}`} disabled={i === 0}>
              {at(L, "seq_up")}
            </button>
            <button
              type="submit"
              class="secondary"
              name="op"
              value={`down:${i}`}
              disabled={i === p.count - 1}
            >
              {at(L, "seq_down")}
            </button>
            <button
              type="submit"
              class="secondary"
              name="op"
              value={`remove:${i}`}
              disabled={p.count === 1}
            >
              {at(L, "seq_remove")}
            </button>
          </>
        ) : null}
      </p>
    </fieldset>
  );
}
