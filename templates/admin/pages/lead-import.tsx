/** @jsxImportSource hono/jsx */
// Importing a lead list: the upload with its source and consent basis, the column mapping, and what a dry run or import did.
import type { Locale } from "../../../src/db/schema";
import type { ImportResult } from "../../../src/services/lead-import/import-leads";
import { AdminLayout, Csrf, type AdminChrome } from "../layout";
import { at, type AdminKey } from "../messages";
import { num } from "../format";
import type { AssetOption } from "./spend";

function Counts(p: { L: Locale; r: ImportResult }) {
  const { L, r } = p;
  const rows: [AdminKey, number, string][] = [
    ["import_new", r.new, "new"],
    ["import_updated", r.updated, "updated"],
    ["import_unchanged", r.unchanged, "unchanged"],
    ["import_suppressed", r.suppressed, "suppressed"],
    ["import_erased", r.erased.length, "erased"],
    ["import_duplicates", r.duplicates.length, "duplicates"],
    ["import_invalid", r.invalid.length, "invalid"],
    ["import_enrolled", r.enrolled, "enrolled"],
  ];
  return (
    <div class="card" data-section="import-result">
      <p class={r.dry_run ? "alert" : "ok"}>
        {at(L, r.dry_run ? "import_result_dry" : "import_result_done")}
      </p>
      {r.marketing_consent ? null : <p class="muted">{at(L, "import_no_consent")}</p>}
      <table class="facts">
        <tbody>
          {rows.map(([key, n, name]) => (
            <tr data-count={name}>
              <th scope="row">{at(L, key)}</th>
              <td class="n">{num(n, L)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.invalid.length || r.duplicates.length ? (
        <table data-table="import-problems">
          <thead>
            <tr>
              <th class="n">{at(L, "import_line")}</th>
              <th>{at(L, "import_reasons")}</th>
            </tr>
          </thead>
          <tbody>
            {[
              ...r.invalid.map((i) => ({ line: i.line, text: i.reasons.join("; ") })),
              ...r.duplicates.map((d) => ({
                line: d.line,
                text: at(L, "import_duplicate_of", { line: d.first_line }),
              })),
            ]
              .sort((a, b) => a.line - b.line)
              .map((x) => (
                <tr>
                  <td class="n">{x.line}</td>
                  <td class="what">{x.text}</td>
                </tr>
              ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

export function LeadImportPage(p: {
  locale: Locale;
  csrf: string;
  chrome?: AdminChrome;
  assets: AssetOption[];
  fields: readonly string[];
  values: Record<string, string>;
  /** The file's text once read, carried so a changed mapping needs no second upload. */
  text: string | null;
  result?: ImportResult;
  error?: string;
}) {
  const L = p.locale;
  const v = p.values;
  const mapping = p.result?.mapping ?? {};
  const headers = Object.keys(mapping);
  return (
    <AdminLayout
      locale={L}
      title={at(L, "import_title")}
      path="/admin/leads"
      csrf={p.csrf}
      chrome={p.chrome}
    >
      <h1>{at(L, "import_title")}</h1>
      <p class="muted">{at(L, "import_help")}</p>
      {p.error ? (
        <p class="alert" role="alert">
          {p.error}
        </p>
      ) : null}
      {p.result ? <Counts L={L} r={p.result} /> : null}
      <form
        class="card"
        method="post"
        action="/admin/leads/import"
        enctype="multipart/form-data"
        data-form="lead-import"
      >
        <Csrf token={p.csrf} />
        {p.text === null ? (
          <label>
            {at(L, "import_file")}
            <br />
            <input type="file" name="file" accept=".csv,text/csv" required />
          </label>
        ) : (
          <textarea name="csv_text" hidden>
            {p.text}
          </textarea>
        )}
        <label>
          {at(L, "import_source")}
          <br />
          <input
            name="source"
            value={v.source ?? ""}
            maxlength={200}
            required
            style="width:100%;max-width:40em"
          />
        </label>
        <p class="muted">{at(L, "import_source_help")}</p>
        <div class="filters">
          <label>
            {at(L, "import_asset")}
            <br />
            <select name="asset_id">
              <option value="">—</option>
              {p.assets.map((a) => (
                <option value={String(a.id)} selected={v.asset_id === String(a.id)}>
                  {a.title}
                </option>
              ))}
            </select>
          </label>
          <label class="row">
            <input type="checkbox" name="enrol" value="1" checked={v.enrol === "1"} />{" "}
            {at(L, "import_enrol")}
          </label>
        </div>
        <h2>{at(L, "import_consent")}</h2>
        <p class="muted">{at(L, "import_basis_help")}</p>
        <label>
          {at(L, "import_basis")}
          <br />
          <input
            name="basis"
            value={v.basis ?? ""}
            maxlength={500}
            style="width:100%;max-width:40em"
          />
        </label>
        <label>
          {at(L, "import_consent_text")}
          <br />
          <textarea name="consent_text" rows={3} style="width:100%;max-width:40em">
            {v.consent_text ?? ""}
          </textarea>
        </label>
        <label>
          {at(L, "import_consent_version")}
          <br />
          <input name="consent_version" value={v.consent_version ?? ""} maxlength={64} />
        </label>
        {headers.length ? (
          <>
            <h2>{at(L, "import_mapping")}</h2>
            <table data-table="import-mapping">
              <thead>
                <tr>
                  <th>{at(L, "import_column")}</th>
                  <th>{at(L, "import_field")}</th>
                </tr>
              </thead>
              <tbody>
                {headers.map((h, i) => (
                  <tr>
                    <td>
                      {h}
                      <input type="hidden" name={`head_${i}`} value={h} />
                    </td>
                    <td>
                      <select name={`map_${i}`} aria-label={h}>
                        {[...p.fields, "ignore"].map((f) => (
                          <option value={f} selected={mapping[h] === f}>
                            {f === "ignore" ? at(L, "import_ignore") : at(L, f as AdminKey)}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
        <p class="row">
          <button type="submit" name="action" value="preview" class="secondary">
            {at(L, "import_preview")}
          </button>
          <button type="submit" name="action" value="import">
            {at(L, "import_run")}
          </button>
        </p>
      </form>
    </AdminLayout>
  );
}
