/** @jsxImportSource hono/jsx */
// The reports page: the performance report under a chosen model, and score calibration.
import { money } from "../format";
import type { Locale } from "../../../src/db/schema";
import type { Report } from "../../../src/services/reports/report-service";
import type { ReportQuery } from "../../../src/services/reports/query";
import type { CalibrationBand } from "../../../src/services/reports/calibration";
import { AdminLayout, type AdminChrome } from "../layout";
import { at, type AdminKey } from "../messages";
import { MODEL_CHOICES } from "../messages/report-vocabulary";
import { num, pct } from "../format";
import { ModelNote, ReportTable } from "../report-table";

const BYS: [string, AdminKey][] = [
  ["asset", "by_asset"],
  ["asset,channel", "by_asset_channel"],
  ["asset,campaign", "by_asset_campaign"],
  ["asset,channel,campaign", "by_asset_channel_campaign"],
];

function ReportFilters(p: {
  locale: Locale;
  q: ReportQuery;
  action: string;
  errors?: Record<string, string[]>;
}) {
  const L = p.locale;
  const by = p.q.by.join(",");
  return (
    <form class="filters" method="get" action={p.action}>
      <div>
        <label for="from">{at(L, "from")}</label>
        <input id="from" type="date" name="from" value={p.q.from} />
      </div>
      <div>
        <label for="to">{at(L, "to")}</label>
        <input id="to" type="date" name="to" value={p.q.to} />
      </div>
      <div>
        <label for="grain">{at(L, "grain")}</label>
        <select id="grain" name="grain">
          {(["range", "day", "week", "month"] as const).map((g) => (
            <option value={g} selected={p.q.grain === g}>
              {at(L, `grain_${g}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="by">{at(L, "by")}</label>
        <select id="by" name="by">
          {BYS.map(([v, k]) => (
            <option value={v} selected={by === v}>
              {at(L, k)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="model">{at(L, "model")}</label>
        <select id="model" name="model">
          {MODEL_CHOICES.map((m) => (
            <option value={m} selected={p.q.model === m}>
              {at(L, `model_${m}`)}
            </option>
          ))}
        </select>
      </div>
      {p.q.asset_id ? <input type="hidden" name="asset_id" value={String(p.q.asset_id)} /> : null}
      <button type="submit">{at(L, "apply")}</button>
    </form>
  );
}

export function ReportsPage(p: {
  locale: Locale;
  csrf: string;
  chrome?: AdminChrome;
  q: ReportQuery;
  report: Report;
  calibration: CalibrationBand[];
  exportQs: string;
  errors?: string;
}) {
  const L = p.locale;
  return (
    <AdminLayout
      locale={L}
      title={at(L, "reports_title")}
      path="/admin/reports"
      csrf={p.csrf}
      chrome={p.chrome}
    >
      <h1>{at(L, "reports_title")}</h1>
      <div class="card">
        <ReportFilters locale={L} q={p.q} action="/admin/reports" />
        {p.errors ? <p class="alert">{p.errors}</p> : null}
      </div>
      <div class="card">
        <div class="row" style="justify-content:space-between">
          <ModelNote locale={L} model={p.report.model} />
          <a class="button secondary" href={`/admin/export/report.csv?${p.exportQs}`}>
            {at(L, "export_csv")}
          </a>
        </div>
        {p.report.unconverted.length ? (
          <p class="alert" role="status">
            {at(L, "unconverted_note", {
              a: p.report.unconverted.map((u) => money(u.amount_minor, u.currency, L)).join(", "),
            })}{" "}
            <a href="/admin/spend#rates">{at(L, "rates_title")}</a>
          </p>
        ) : null}
        {p.report.rows.length ? (
          <ReportTable report={p.report} locale={L} showPeriod={p.q.grain !== "range"} />
        ) : (
          <p class="empty">{at(L, "reports_empty")}</p>
        )}
      </div>
      <div class="card">
        <div class="row" style="justify-content:space-between">
          <h2>{at(L, "calibration_title")}</h2>
          <a
            class="button secondary"
            href={`/admin/export/calibration.csv?from=${p.q.from}&to=${p.q.to}`}
          >
            {at(L, "export_csv")}
          </a>
        </div>
        <p class="muted">{at(L, "calibration_help")}</p>
        {p.calibration.length ? (
          <table>
            <thead>
              <tr>
                <th>{at(L, "score_band")}</th>
                <th class="n">{at(L, "leads")}</th>
                <th class="n">{at(L, "mqls")}</th>
                <th class="n">{at(L, "won")}</th>
                <th class="n">{at(L, "mql_rate")}</th>
                <th class="n">{at(L, "win_rate")}</th>
              </tr>
            </thead>
            <tbody>
              {p.calibration.map((b) => (
                <tr>
                  <td>{b.band}</td>
                  <td class="n">{num(b.leads, L)}</td>
                  <td class="n">{num(b.mqls, L)}</td>
                  <td class="n">{num(b.won, L)}</td>
                  <td class="n">{pct(b.mql_rate, L)}</td>
                  <td class="n">{pct(b.win_rate, L)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="empty">{at(L, "calibration_empty")}</p>
        )}
      </div>
    </AdminLayout>
  );
}
