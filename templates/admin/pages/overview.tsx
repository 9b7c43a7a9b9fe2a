/** @jsxImportSource hono/jsx */
// The overview: headline figures, leads per day and cost per lead per week by asset, as SVG.
import type { Locale, AttributionModel } from "../../../src/db/schema";
import type { Overview } from "../../../src/services/reports/overview";
import { AdminLayout, type AdminChrome } from "../layout";
import { at } from "../messages";
import { MODEL_CHOICES } from "../messages/report-vocabulary";
import { money, num, pct, spendMoney } from "../format";
import { LineChart } from "../charts";
import { ModelNote, ReportTable } from "../report-table";
import { SendingPausedAlert } from "../components/setup-alert";

export function OverviewPage(p: {
  locale: Locale;
  csrf: string;
  chrome?: AdminChrome;
  model: AttributionModel;
  data: Overview;
  /** Nurture email is held back until PUBLIC_BASE_URL is set. */
  sendingPaused?: boolean;
}) {
  const L = p.locale;
  const t = p.data.range.totals;
  const currency = p.data.daily.currency;
  const empty = t.leads === 0 && t.spend_minor === 0 && t.views === 0;
  const kpis: [string, string][] = [
    [at(L, "views"), num(t.views, L)],
    [at(L, "leads"), num(t.leads, L)],
    [at(L, "visit_to_lead"), pct(t.visit_to_lead_rate, L)],
    [at(L, "spend"), spendMoney(t.spend_minor, t.spend_minor, currency, L)],
    [at(L, "cpl"), spendMoney(t.cost_per_lead_minor, t.spend_minor, currency, L)],
    [at(L, "mqls"), num(t.mqls, L)],
    [at(L, "won"), num(t.won, L)],
    [at(L, "revenue"), money(t.revenue_minor, currency, L)],
  ];
  return (
    <AdminLayout
      locale={L}
      title={at(L, "overview_title")}
      path="/admin"
      csrf={p.csrf}
      chrome={p.chrome}
    >
      <SendingPausedAlert locale={L} paused={!!p.sendingPaused} />
      <div class="row" style="justify-content:space-between">
        <h1>{at(L, "overview_title")}</h1>
        <form class="filters" method="get" action="/admin">
          <div>
            <label for="model">{at(L, "model")}</label>
            <select id="model" name="model">
              {MODEL_CHOICES.map((m) => (
                <option value={m} selected={p.model === m}>
                  {at(L, `model_${m}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{at(L, "apply")}</button>
        </form>
      </div>
      <ModelNote locale={L} model={p.model} />
      {empty ? <p class="card empty">{at(L, "overview_empty")}</p> : null}
      <section>
        <h2>{at(L, "overview_kpis")}</h2>
        <div class="kpis">
          {kpis.map(([label, value]) => (
            <div class="kpi">
              <b>{value}</b>
              <span>{label}</span>
            </div>
          ))}
        </div>
      </section>
      <div class="cols">
        <div class="card">
          <h2>{at(L, "overview_leads_chart")}</h2>
          <LineChart
            title={at(L, "overview_leads_chart")}
            labels={p.data.leadSeries.labels.map((d) => d.slice(5))}
            series={p.data.leadSeries.series}
            format={(v) => num(Math.round(v * 100) / 100, L)}
            empty={at(L, "overview_leads_chart_empty")}
          />
        </div>
        <div class="card">
          <h2>{at(L, "overview_cpl_chart")}</h2>
          <LineChart
            title={at(L, "overview_cpl_chart")}
            labels={p.data.cplSeries.labels.map((d) => d.slice(5))}
            series={p.data.cplSeries.series}
            format={(v) => money(v, currency, L)}
            empty={at(L, "overview_cpl_chart_empty")}
          />
        </div>
      </div>
      {p.data.range.rows.length ? (
        <div class="card">
          <ReportTable report={p.data.range} locale={L} showPeriod={false} />
        </div>
      ) : null}
    </AdminLayout>
  );
}
