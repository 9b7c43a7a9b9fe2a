/** @jsxImportSource hono/jsx */
// The CSV import preview: a mapping step when columns are missing, then row errors or rows to confirm.
import type { Channel, Locale } from "../../../src/db/schema";
import type { ImportResult } from "../../../src/services/spend/spend-import";
import type { ImportField } from "../../../src/services/spend/import-rows";
import { AdminLayout, Csrf, type AdminChrome } from "../layout";
import { at, type AdminKey } from "../messages";
import { money, num } from "../format";
import { type AssetOption, ImportForm } from "../components/spend-fields";
import { KEPT_FIELDS, KeptFields, SpendCampaigns } from "../components/spend-campaigns";
import { ImportDetected } from "../components/import-detected";

/** The preview: a mapping step when columns are missing, then row errors or rows to confirm. */
export function SpendImportPage(p: {
  locale: Locale;
  channels: readonly Channel[];
  importFields: readonly ImportField[];
  csrf: string;
  chrome?: AdminChrome;
  currency: string;
  assets: AssetOption[];
  values: Record<string, string>;
  result: ImportResult | null;
  message?: string;
  error?: string;
}) {
  const L = p.locale;
  const r = p.result;
  // Days the import writes: new ones, and those it replaces (importing the same days again never adds).
  const days = r ? r.campaigns.reduce((s, c) => s + c.days, 0) : 0;
  return (
    <AdminLayout
      locale={L}
      title={at(L, "spend_import")}
      path="/admin/spend"
      csrf={p.csrf}
      chrome={p.chrome}
    >
      <h1>{at(L, "spend_import")}</h1>
      {p.message ? (
        <p class="ok" role="status">
          {p.message}
        </p>
      ) : null}
      {p.error ? (
        <p class="alert" role="alert">
          {p.error}
        </p>
      ) : null}
      {r ? <ImportDetected L={L} result={r} encoding={p.values.encoding} /> : null}
      {r?.missing.length ? (
        <form class="card" method="post" action="/admin/spend/import">
          <h2>{at(L, "mapping_title")}</h2>
          <p class="muted">{at(L, "mapping_help")}</p>
          <Csrf token={p.csrf} />
          {KEPT_FIELDS.map((k) =>
            p.values[k] ? <input type="hidden" name={k} value={p.values[k]} /> : null,
          )}
          <div class="grid">
            {p.importFields.map((f) => (
              <label>
                {f}
                <select name={`map_${f}`}>
                  <option value="">{at(L, "not_in_file")}</option>
                  {r.headers.map((h) => (
                    <option value={h} selected={r.mapping[f] === h}>
                      {h}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <p>
            <button type="submit" name="action" value="preview">
              {at(L, "preview")}
            </button>
          </p>
        </form>
      ) : null}
      {r?.errors.length ? (
        <div class="card">
          <p class="alert">
            {at(L, "import_errors", { n: new Set(r.errors.map((e) => e.line)).size })}
          </p>
          <table>
            <thead>
              <tr>
                <th class="n">{at(L, "line")}</th>
                <th>{at(L, "field")}</th>
                <th>{at(L, "reason")}</th>
              </tr>
            </thead>
            <tbody>
              {r.errors.map((e) => (
                <tr>
                  <td class="n">{e.line}</td>
                  <td>{e.field ?? ""}</td>
                  <td>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {r?.missing_rates.length ? (
        <p class="alert" role="status">
          {at(L, "rates_missing", { c: r.missing_rates.join(", ") })}
        </p>
      ) : null}
      {r && !r.errors.length ? (
        <SpendCampaigns L={L} csrf={p.csrf} values={p.values} result={r} />
      ) : null}
      {r?.rows.length ? (
        <div class="card">
          {!r.errors.length && days > 0 && r.dry_run ? (
            <form method="post" action="/admin/spend/import" class="row">
              <Csrf token={p.csrf} />
              <KeptFields values={p.values} result={r} />
              {r.campaigns.map((c, i) =>
                c.tie.from === "file" ? null : (
                  <>
                    <input type="hidden" name={`cmap_name_${i}`} value={c.campaign ?? ""} />
                    <input type="hidden" name={`cmap_utm_${i}`} value={c.tie.utm_campaign ?? ""} />
                  </>
                ),
              )}
              <button type="submit" name="action" value="import">
                {days === 1 ? at(L, "import_confirm_one") : at(L, "import_confirm", { n: days })}
              </button>
              {r.duplicates ? (
                <span class="muted">{at(L, "import_replace", { d: r.duplicates })}</span>
              ) : null}
            </form>
          ) : null}
          <table>
            <thead>
              <tr>
                <th class="n">{at(L, "line")}</th>
                <th>{at(L, "day")}</th>
                <th>{at(L, "campaign")}</th>
                <th class="n">{at(L, "amount")}</th>
                <th class="n">{p.currency}</th>
                <th class="n">{at(L, "impressions")}</th>
                <th class="n">{at(L, "clicks")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {r.rows.map((x) => (
                <tr>
                  <td class="n">{x.line}</td>
                  <td>{x.day === x.day_to ? x.day : `${x.day} – ${x.day_to}`}</td>
                  <td>{x.campaign ?? at(L, "any")}</td>
                  <td class="n">{money(x.amount_minor, x.currency, L)}</td>
                  <td class="n">{money(x.reporting_minor, p.currency, L)}</td>
                  <td class="n">{num(x.impressions, L)}</td>
                  <td class="n">{num(x.clicks, L)}</td>
                  <td>{x.duplicate ? <span class="pill">{at(L, "duplicate")}</span> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ImportForm
        L={L}
        channels={p.channels}
        csrf={p.csrf}
        currency={p.currency}
        assets={p.assets}
        values={p.values}
      />
      <p>
        <a href="/admin/spend">← {at(L, "spend_title" as AdminKey)}</a>
      </p>
    </AdminLayout>
  );
}
