/** @jsxImportSource hono/jsx */
// The sequence editor on an asset: every step of its drip with its email in both locales, a preview of any step
// (the unsaved words, for a sample or a real lead) and a test send, all in one form.
import type { Asset, Locale } from "../../../src/db/schema";
import type { SequenceDraft } from "../../../src/services/nurture/sequence-form";
import { AdminLayout, Csrf, allows, type AdminChrome } from "../layout";
import { at } from "../messages";
import { StepEditor } from "../components/step-editor";

export interface EditorPreview {
  index: number;
  locale: Locale;
  subject: string;
  html: string;
  text: string;
}

export function SequenceEditorPage(p: {
  locale: Locale;
  csrf: string;
  chrome?: AdminChrome;
  asset: Asset;
  draft: SequenceDraft;
  /** Whether the asset has a stored drip at all. */
  stored: boolean;
  templates: string[];
  locales: readonly Locale[];
  conditionKeys: readonly string[];
  errors?: Record<string, string[]>;
  notice?: { kind: "ok" | "note" | "alert"; text: string };
  preview?: EditorPreview;
  picks: { locale: Locale; lead: string; to: string };
}) {
  const L = p.locale;
  const a = p.asset;
  const base = `/admin/assets/${a.id}/sequence`;
  const canWrite = allows(p.chrome, "sequences.write");
  return (
    <AdminLayout
      locale={L}
      title={`${at(L, "seq_title")}: ${a.title}`}
      path="/admin/assets"
      csrf={p.csrf}
      chrome={p.chrome}
    >
      <div class="row" style="justify-content:space-between">
        <h1>
          {at(L, "seq_title")}: {a.title}
        </h1>
        <a class="button secondary" href={`/admin/assets/${a.id}`}>
          {at(L, "seq_back")}
        </a>
      </div>
      <p class="muted">{at(L, "seq_intro")}</p>
      {p.stored ? null : <p class="note">{at(L, "seq_none")}</p>}
      {p.notice ? (
        <p class={p.notice.kind} role="status">
          {p.notice.text}
        </p>
      ) : null}
      {p.errors?._ ? <p class="alert">{p.errors._.join(" ")}</p> : null}
      <details class="card">
        <summary>{at(L, "seq_help_title")}</summary>
        <p>{at(L, "seq_help_vars")}</p>
        <p>{at(L, "seq_help_md")}</p>
      </details>
      <form method="post" action={base} class="stack">
        <Csrf token={p.csrf} />
        <input type="hidden" name="step_count" value={String(p.draft.steps.length)} />
        <div class="card">
          <label>
            {at(L, "seq_name")}{" "}
            <input
              name="name"
              value={p.draft.name}
              required
              maxlength={200}
              style="width:min(640px,100%)"
            />
          </label>
        </div>
        <div class="card">
          <h2>{at(L, "seq_preview_as")}</h2>
          <div class="grid">
            <label>
              {at(L, "seq_preview_locale")}
              <select name="pv_locale">
                <option value="en" selected={p.picks.locale === "en"}>
                  English
                </option>
                <option value="zh-CN" selected={p.picks.locale === "zh-CN"}>
                  简体中文
                </option>
              </select>
            </label>
            <label>
              {at(L, "seq_preview_lead")}
              <input name="pv_lead" type="email" value={p.picks.lead} />
            </label>
            {canWrite ? (
              <label>
                {at(L, "seq_test_to")}
                <input name="test_to" type="email" value={p.picks.to} />
              </label>
            ) : null}
          </div>
        </div>
        {p.draft.steps.map((step, i) => (
          <>
            <StepEditor
              locale={L}
              index={i}
              count={p.draft.steps.length}
              step={step}
              course={a.kind === "course"}
              locales={p.locales}
              assetLocale={a.locale}
              conditionKeys={p.conditionKeys}
              canWrite={canWrite}
              base={base}
              errors={p.errors}
            />
            {p.preview && p.preview.index === i ? (
              <PreviewPanel locale={L} preview={p.preview} />
            ) : null}
          </>
        ))}
        {canWrite ? (
          <div class="card row">
            <label>
              {at(L, "seq_add_from")}{" "}
              <select name="add_template">
                {p.templates.map((t) => (
                  <option value={t}>{t}</option>
                ))}
                <option value="custom">{at(L, "seq_custom")}</option>
              </select>
            </label>
            <button type="submit" class="secondary" name="op" value="add">
              {at(L, "seq_add")}
            </button>
            <button type="submit" name="op" value="save">
              {at(L, "seq_save")}
            </button>
          </div>
        ) : null}
      </form>
    </AdminLayout>
  );
}

function PreviewPanel(p: { locale: Locale; preview: EditorPreview }) {
  const L = p.locale;
  const v = p.preview;
  return (
    <section class="card" id="preview" aria-label={`${at(L, "seq_preview_of")} ${v.index + 1}`}>
      <h2>
        {at(L, "seq_preview_of")} {v.index + 1} ({v.locale})
      </h2>
      <p>
        <strong>{at(L, "seq_preview_subject")}:</strong>{" "}
        <span class="preview-subject">{v.subject}</span>
      </p>
      {/* The email's own document, escaped into srcdoc; the sandbox lets nothing in it run or navigate. */}
      <iframe
        title={v.subject}
        sandbox=""
        srcdoc={v.html}
        style="width:100%;min-height:520px;border:1px solid var(--line);border-radius:8px;background:#fff"
      />
      <details>
        <summary>{at(L, "seq_preview_text")}</summary>
        <pre style="white-space:pre-wrap">{v.text}</pre>
      </details>
    </section>
  );
}
