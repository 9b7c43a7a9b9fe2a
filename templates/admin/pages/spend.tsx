/** @jsxImportSource hono/jsx */
// The spend page: records, a form to add one, CSV import with column mapping, preview and per-row errors.
import type { Locale } from "../../../src/db/schema";
import { CHANNELS } from "../../../src/db/schema";
import type { SpendRow, ImportResult } from "../../../src/services/spend/spend-service";
import { IMPORT_FIELDS } from "../../../src/services/spend/import-rows";
import { AdminLayout, Csrf } from "../layout";
import { at, type AdminKey } from "../messages";
import { money, num } from "../format";

export interface AssetOption {
  id: number;
  title: string;
}

function Errors(p: { errors?: Record<string, string[]>; name: string }) {
  const e = p.errors?.[p.name];
  return e ? <span class="field-error">{e.join(" ")}</span> : null;
}

function Field(p: { label: string; name: string; value?: string; type?: string; errors?: Record<string, string[]>; required?: boolean; step?: string }) {
  return (
    <label>
      {p.label}
      <input name={p.name} type={p.type ?? "text"} value={p.value ?? ""} required={p.required} step={p.step} aria-invalid={p.errors?.[p.name] ? "true" : undefined} />
      <Errors errors={p.errors} name={p.name} />
    </label>
  );
}

function TargetFields(p: { L: Locale; assets: AssetOption[]; values: Record<string, string>; errors?: Record<string, string[]> }) {
  const { L, values } = p;
  return (
    <>
      <label>
        {at(L, "asset")}
        <select name="asset_id">
          <option value="">{at(L, "any")}</option>
          {p.assets.map((a) => (
            <option value={String(a.id)} selected={values.asset_id === String(a.id)}>
              {a.title}
            </option>
          ))}
        </select>
        <Errors errors={p.errors} name="asset_id" />
      </label>
      <label>
        {at(L, "channel")}
        <select name="channel">
          <option value="">{at(L, "any")}</option>
          {CHANNELS.map((ch) => (
            <option value={ch} selected={values.channel === ch}>
              {ch}
            </option>
          ))}
        </select>
        <Errors errors={p.errors} name="channel" />
      </label>
      <Field label={at(L, "utm_source")} name="utm_source" value={values.utm_source} errors={p.errors} />
      <Field label={at(L, "utm_medium")} name="utm_medium" value={values.utm_medium} errors={p.errors} />
    </>
  );
}

export interface SpendPageProps {
  locale: Locale;
  csrf: string;
  currency: string;
  assets: AssetOption[];
  rows: SpendRow[];
  nextCursor: number | null;
  values?: Record<string, string>;
  errors?: Record<string, string[]>;
  message?: string;
}

export function SpendPage(p: SpendPageProps) {
  const L = p.locale;
  const v = p.values ?? {};
  const title = (id: number | null) => (id === null ? at(L, "any") : p.assets.find((a) => a.id === id)?.title ?? `#${id}`);
  return (
    <AdminLayout locale={L} title={at(L, "spend_title")} path="/admin/spend" csrf={p.csrf}>
      <h1>{at(L, "spend_title")}</h1>
      {p.message ? <p class="ok">{p.message}</p> : null}
      <div class="cols">
        <form class="card" method="post" action="/admin/spend">
          <h2>{at(L, "spend_new")}</h2>
          <Csrf token={p.csrf} />
          {p.errors ? <p class="alert">{at(L, "fix_errors")}</p> : null}
          <div class="grid">
            <Field label={at(L, "day_from")} name="day_from" type="date" value={v.day_from} errors={p.errors} required />
            <Field label={at(L, "day_to")} name="day_to" type="date" value={v.day_to} errors={p.errors} />
            <Field label={at(L, "amount")} name="amount" value={v.amount} errors={p.errors} required />
            <Field label={at(L, "currency")} name="currency" value={v.currency ?? p.currency} errors={p.errors} required />
            <Field label={at(L, "fx_rate", { currency: p.currency })} name="fx_rate" value={v.fx_rate} errors={p.errors} />
            <TargetFields L={L} assets={p.assets} values={v} errors={p.errors} />
            <Field label={at(L, "utm_campaign")} name="utm_campaign" value={v.utm_campaign} errors={p.errors} />
            <Field label={at(L, "impressions")} name="impressions" value={v.impressions} errors={p.errors} />
            <Field label={at(L, "clicks")} name="clicks" value={v.clicks} errors={p.errors} />
          </div>
          <p>
            <button type="submit">{at(L, "save")}</button>
          </p>
        </form>
        <ImportForm L={L} csrf={p.csrf} currency={p.currency} assets={p.assets} values={{}} />
      </div>
      <div class="card">
        {p.rows.length ? (
          <table>
            <thead>
              <tr>
                <th>{at(L, "day_from")}</th>
                <th>{at(L, "to")}</th>
                <th>{at(L, "asset")}</th>
                <th>{at(L, "channel")}</th>
                <th>{at(L, "campaign")}</th>
                <th class="n">{at(L, "amount")}</th>
                <th class="n">{p.currency}</th>
                <th class="n">{at(L, "impressions")}</th>
                <th class="n">{at(L, "clicks")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr>
                  <td>{r.dayFrom}</td>
                  <td>{r.dayTo}</td>
                  <td>{title(r.assetId)}</td>
                  <td>{r.channel ?? at(L, "any")}</td>
                  <td>{r.utmCampaign ?? at(L, "any")}</td>
                  <td class="n">{money(r.amountMinor, r.currency, L)}</td>
                  <td class="n">{money(r.reportingMinor, p.currency, L)}</td>
                  <td class="n">{num(r.impressions, L)}</td>
                  <td class="n">{num(r.clicks, L)}</td>
                  <td>
                    <form method="post" action={`/admin/spend/${r.id}/delete`}>
                      <Csrf token={p.csrf} />
                      <button class="danger" type="submit">
                        {at(L, "delete")}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="empty">{at(L, "spend_empty")}</p>
        )}
        <p class="row">
          {v.cursor ? <a href="/admin/spend">{at(L, "first_page")}</a> : null}
          {p.nextCursor ? <a href={`/admin/spend?cursor=${p.nextCursor}`}>{at(L, "next_page")}</a> : null}
        </p>
      </div>
    </AdminLayout>
  );
}

function ImportForm(p: { L: Locale; csrf: string; currency: string; assets: AssetOption[]; values: Record<string, string> }) {
  const { L, values } = p;
  return (
    <form class="card" method="post" action="/admin/spend/import" enctype="multipart/form-data">
      <h2>{at(L, "spend_import")}</h2>
      <p class="muted">{at(L, "spend_import_help")}</p>
      <Csrf token={p.csrf} />
      <label>
        {at(L, "csv_file")}
        <input type="file" name="file" accept=".csv,text/csv,text/plain" />
      </label>
      <label>
        {at(L, "csv_paste")}
        <textarea name="csv" rows={5}>
          {values.csv ?? ""}
        </textarea>
      </label>
      <p class="muted">{at(L, "tie_to")}</p>
      <div class="grid">
        <TargetFields L={L} assets={p.assets} values={values} />
        <Field label={at(L, "currency")} name="currency" value={values.currency ?? p.currency} />
      </div>
      <label>
        {at(L, "rates_help")}
        <textarea name="rates" rows={2}>
          {values.rates ?? ""}
        </textarea>
      </label>
      <p>
        <button type="submit" name="action" value="preview">
          {at(L, "preview")}
        </button>
      </p>
    </form>
  );
}

/** The preview: a mapping step when columns are missing, then row errors or rows to confirm. */
export function SpendImportPage(p: { locale: Locale; csrf: string; currency: string; assets: AssetOption[]; values: Record<string, string>; result: ImportResult | null; message?: string; error?: string }) {
  const L = p.locale;
  const r = p.result;
  const fresh = r ? r.rows.filter((x) => !x.duplicate).length : 0;
  const keep = ["csv", "asset_id", "channel", "utm_source", "utm_medium", "currency", "rates"];
  return (
    <AdminLayout locale={L} title={at(L, "spend_import")} path="/admin/spend" csrf={p.csrf}>
      <h1>{at(L, "spend_import")}</h1>
      {p.message ? <p class="ok" role="status">{p.message}</p> : null}
      {p.error ? <p class="alert" role="alert">{p.error}</p> : null}
      {r && r.missing.length ? (
        <form class="card" method="post" action="/admin/spend/import">
          <h2>{at(L, "mapping_title")}</h2>
          <p class="muted">{at(L, "mapping_help")}</p>
          <Csrf token={p.csrf} />
          {keep.map((k) => (p.values[k] ? <input type="hidden" name={k} value={p.values[k]} /> : null))}
          <div class="grid">
            {IMPORT_FIELDS.map((f) => (
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
      {r && r.errors.length ? (
        <div class="card">
          <p class="alert">{at(L, "import_errors", { n: new Set(r.errors.map((e) => e.line)).size })}</p>
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
      {r && r.rows.length ? (
        <div class="card">
          {!r.errors.length && fresh > 0 && r.dry_run ? (
            <form method="post" action="/admin/spend/import" class="row">
              <Csrf token={p.csrf} />
              {keep.map((k) => (p.values[k] ? <input type="hidden" name={k} value={p.values[k]} /> : null))}
              {Object.entries(r.mapping).map(([f, h]) => (
                <input type="hidden" name={`map_${f}`} value={h} />
              ))}
              <button type="submit" name="action" value="import">
                {fresh === 1 ? at(L, "import_confirm_one") : at(L, "import_confirm", { n: fresh })}
              </button>
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
                  <td>{x.day}</td>
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
      <ImportForm L={L} csrf={p.csrf} currency={p.currency} assets={p.assets} values={p.values} />
      <p>
        <a href="/admin/spend">← {at(L, "spend_title" as AdminKey)}</a>
      </p>
    </AdminLayout>
  );
}
