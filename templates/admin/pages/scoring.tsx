/** @jsxImportSource hono/jsx */
// Scoring: the MQL threshold, fit and behaviour rules with their forms, and what a change would do before it is saved.
import type { Locale } from "../../../src/db/schema";
import type { RuleRecord } from "../../../src/services/scoring/rules-store";
import type { QualificationPreview } from "../../../src/services/scoring/rule-preview";
import { AdminLayout, Csrf, allows, type AdminChrome } from "../layout";
import { at } from "../messages";
import { RuleForm, fieldLabel } from "../components/score-rule-form";

interface ScoringPageProps {
  locale: Locale;
  csrf: string;
  chrome?: AdminChrome;
  rules: RuleRecord[];
  threshold: number;
  fields: { fit: readonly string[]; behaviour: readonly string[] };
  preview?: QualificationPreview;
  open?: string;
  values?: Record<string, string>;
  errors?: Record<string, string[]>;
  message?: string;
}

function PreviewCard(p: { L: Locale; preview: QualificationPreview; changed: boolean }) {
  const { L, preview: r } = p;
  return (
    <div class="card" role="status" data-preview>
      <h2>{at(L, "scoring_result", { n: String(r.threshold) })}</h2>
      <p>
        {at(L, "scoring_result_rules", { n: String(r.qualifyWithRules) })}{" "}
        {p.changed ? (
          <strong>{at(L, "scoring_result_change", { n: String(r.qualifyWithChange) })}</strong>
        ) : null}
      </p>
      <p class="muted">{at(L, "scoring_result_mqls", { n: String(r.mqls) })}</p>
      <p class="muted">
        {r.exact
          ? at(L, "scoring_result_exact", { n: String(r.openLeads) })
          : at(L, "scoring_result_sample", {
              n: String(r.openLeads),
              examined: String(r.examined),
              score: String(r.lowestExamined ?? 0),
            })}
      </p>
    </div>
  );
}

/** The rule being edited, above the tables: its form, and deleting it (with its own preview). */
function EditCard(p: ScoringPageProps & { rule: RuleRecord }) {
  const L = p.locale;
  const r = p.rule;
  return (
    <div class="card" id="edit">
      <h2>
        {at(L, "scoring_edit")}: {r.label}
      </h2>
      <RuleForm
        L={L}
        csrf={p.csrf}
        rule={r}
        fields={p.fields}
        threshold={p.threshold}
        values={p.values}
        errors={p.errors}
      />
      <details>
        <summary>{at(L, "scoring_delete")}</summary>
        <form method="post" action={`/admin/scoring/rules/${r.id}/delete`}>
          <Csrf token={p.csrf} />
          <input type="hidden" name="rule_id" value={String(r.id)} />
          <input type="hidden" name="threshold" value={String(p.threshold)} />
          <p class="muted">{at(L, "scoring_delete_hint")}</p>
          <div class="row">
            <button
              class="secondary"
              type="submit"
              name="change"
              value="delete"
              formaction="/admin/scoring/preview"
            >
              {at(L, "scoring_preview")}
            </button>
            <button class="danger" type="submit">
              {at(L, "scoring_delete_confirm")}
            </button>
          </div>
        </form>
      </details>
      <p>
        <a href="/admin/scoring">{at(L, "scoring_cancel")}</a>
      </p>
    </div>
  );
}

function RuleTable(p: ScoringPageProps & { kind: "fit" | "behaviour"; write: boolean }) {
  const L = p.locale;
  const rules = p.rules.filter((r) => r.kind === p.kind);
  if (!rules.length) return <p class="empty">{at(L, "scoring_empty")}</p>;
  return (
    <table class="stack">
      <thead>
        <tr>
          <th>{at(L, "scoring_label")}</th>
          <th>{at(L, "scoring_looks_at")}</th>
          <th>{at(L, "scoring_match")}</th>
          <th class="n">{at(L, "scoring_points")}</th>
          {p.kind === "behaviour" ? <th class="n">{at(L, "scoring_cap")}</th> : null}
          {p.kind === "behaviour" ? <th class="n">{at(L, "scoring_half_life")}</th> : null}
          <th />
        </tr>
      </thead>
      <tbody>
        {rules.map((r) => {
          return (
            <tr id={`rule-${r.id}`}>
              <td>
                {r.label} {r.active ? null : <span class="pill">{at(L, "scoring_off")}</span>}
              </td>
              <td>{fieldLabel(L, r.field)}</td>
              <td class="what">{r.match.join(", ")}</td>
              <td class="n">{r.points > 0 ? `+${r.points}` : r.points}</td>
              {p.kind === "behaviour" ? <td class="n">{r.cap ?? "—"}</td> : null}
              {p.kind === "behaviour" ? <td class="n">{r.halfLifeDays ?? "—"}</td> : null}
              <td>
                {p.write ? (
                  <a href={`/admin/scoring?edit=${r.id}#edit`}>{at(L, "scoring_edit")}</a>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function ScoringPage(p: ScoringPageProps) {
  const L = p.locale;
  const write = allows(p.chrome, "score_rules.write");
  const changed = !!p.values?.change && p.values.change !== "none";
  const editing = p.rules.find((r) => String(r.id) === p.open) ?? null;
  return (
    <AdminLayout
      locale={L}
      title={at(L, "scoring_title")}
      path="/admin/scoring"
      csrf={p.csrf}
      chrome={p.chrome}
    >
      <h1>{at(L, "scoring_title")}</h1>
      {p.message ? <p class="ok">{p.message}</p> : null}
      <p class="muted">{at(L, "scoring_help")}</p>
      {p.preview ? <PreviewCard L={L} preview={p.preview} changed={changed} /> : null}
      {editing && write ? <EditCard {...p} rule={editing} /> : null}
      <form class="card" method="post" action="/admin/scoring/preview">
        <h2>{at(L, "scoring_threshold")}</h2>
        <Csrf token={p.csrf} />
        <p>{at(L, "scoring_threshold_now", { n: String(p.threshold) })}</p>
        <div class="row">
          <label>
            {at(L, "scoring_try_threshold")}{" "}
            <input
              name="threshold"
              inputmode="numeric"
              value={!changed && p.values?.threshold ? p.values.threshold : String(p.threshold)}
            />
          </label>
          <button class="secondary" type="submit" name="change" value="none">
            {at(L, "scoring_preview")}
          </button>
        </div>
      </form>
      <div class="card">
        <h2>{at(L, "scoring_fit")}</h2>
        <RuleTable {...p} kind="fit" write={write} />
      </div>
      <div class="card">
        <h2>{at(L, "scoring_behaviour")}</h2>
        <RuleTable {...p} kind="behaviour" write={write} />
      </div>
      {write ? (
        <details class="card" open={p.open === "new"}>
          <summary>
            <strong>{at(L, "scoring_add")}</strong>
          </summary>
          <RuleForm
            L={L}
            csrf={p.csrf}
            rule={null}
            fields={p.fields}
            threshold={p.threshold}
            values={p.open === "new" ? p.values : undefined}
            errors={p.open === "new" ? p.errors : undefined}
          />
        </details>
      ) : null}
    </AdminLayout>
  );
}
