/** @jsxImportSource hono/jsx */
// The report table: every figure with the attribution model named, totals as the sum of the rows.
import type { Locale } from "../../src/db/schema";
import type { Report } from "../../src/services/reports/report-service";
import type { ReportFigures, ReportRow } from "../../src/services/reports/assemble";
import { at, type AdminKey } from "./messages";
import { duration, money, num, pct, roi, spendMoney } from "./format";
import { channelName } from "./words";

const modelKey = (m: string) => `model_${m}` as AdminKey;

export function ModelNote(p: { locale: Locale; model: string }) {
  return (
    <p class="note">
      {at(p.locale, "model_note", { model: at(p.locale, modelKey(p.model)) })}
      {p.locale === "zh-CN" ? "" : " "}
      {at(p.locale, `about_${p.model}` as AdminKey)}
    </p>
  );
}

function Figures(p: { f: ReportFigures; currency: string; L: Locale }) {
  const { f, currency, L } = p;
  return (
    <>
      <td class="n">{num(f.views, L)}</td>
      <td class="n">{num(f.new_leads, L)}</td>
      <td class="n">{pct(f.visit_to_lead_rate, L)}</td>
      <td class="n">{num(f.leads, L)}</td>
      <td class="n" data-figure="spend">
        {spendMoney(f.spend_minor, f.spend_minor, currency, L)}
      </td>
      <td class="n" data-figure="cpl">
        {spendMoney(f.cost_per_lead_minor, f.spend_minor, currency, L)}
      </td>
      <td class="n">{num(f.mqls, L)}</td>
      <td class="n" data-figure="cost_per_mql">
        {spendMoney(f.cost_per_mql_minor, f.spend_minor, currency, L)}
      </td>
      <td class="n">{num(f.accepted, L)}</td>
      <td class="n">{num(f.won, L)}</td>
      <td class="n">{money(f.revenue_minor, currency, L)}</td>
      <td class="n">{roi(f.roi, L)}</td>
      <td class="n">{num(f.referral_leads, L)}</td>
      <td class="n">{num(f.referrals_per_lead, L)}</td>
      <td class="n">{duration(f.median_minutes_to_mql, L)}</td>
    </>
  );
}

export function ReportTable(p: { report: Report; locale: Locale; showPeriod: boolean }) {
  const L = p.locale;
  const r = p.report;
  const m = at(L, modelKey(r.model));
  const credited = (k: AdminKey) => (
    <th class="n" title={at(L, "model_note", { model: m })}>
      {at(L, k)}
      <br />
      <span class="muted" style="text-transform:none">
        ({m})
      </span>
    </th>
  );
  const label = (row: ReportRow) =>
    row.asset_id === null
      ? r.by.includes("asset")
        ? at(L, "unattributed")
        : ""
      : (r.assets[row.asset_id]?.title ?? `#${row.asset_id}`);
  return (
    <table data-report-model={r.model}>
      <thead>
        <tr>
          {p.showPeriod ? <th>{at(L, "period")}</th> : null}
          {r.by.includes("asset") ? <th>{at(L, "asset")}</th> : null}
          {r.by.includes("channel") ? <th>{at(L, "channel")}</th> : null}
          {r.by.includes("campaign") ? <th>{at(L, "campaign")}</th> : null}
          <th class="n">{at(L, "views")}</th>
          <th class="n">{at(L, "new_leads")}</th>
          <th class="n">{at(L, "visit_to_lead")}</th>
          {credited("leads")}
          {credited("spend")}
          {credited("cpl")}
          {credited("mqls")}
          {credited("cost_per_mql")}
          {credited("accepted")}
          {credited("won")}
          {credited("revenue")}
          {credited("roi")}
          <th class="n">{at(L, "referral_leads")}</th>
          <th class="n">{at(L, "referrals_per_lead")}</th>
          {credited("median_to_mql")}
        </tr>
      </thead>
      <tbody>
        {r.rows.map((row) => (
          <tr data-asset-id={row.asset_id ?? ""}>
            {p.showPeriod ? <td>{row.period}</td> : null}
            {r.by.includes("asset") ? (
              <td>
                {row.asset_id === null ? (
                  <em>{label(row)}</em>
                ) : (
                  <a href={`/admin/assets/${row.asset_id}`}>{label(row)}</a>
                )}
              </td>
            ) : null}
            {r.by.includes("channel") ? (
              <td>{row.channel ? channelName(L, row.channel) : at(L, "any")}</td>
            ) : null}
            {r.by.includes("campaign") ? <td>{row.campaign || at(L, "any")}</td> : null}
            <Figures f={row} currency={r.currency} L={L} />
          </tr>
        ))}
        <tr class="total">
          {p.showPeriod ? <td>{at(L, "total")}</td> : null}
          {r.by.includes("asset") ? <td>{p.showPeriod ? "" : at(L, "total")}</td> : null}
          {r.by.includes("channel") ? <td /> : null}
          {r.by.includes("campaign") ? <td /> : null}
          <Figures f={r.totals} currency={r.currency} L={L} />
        </tr>
      </tbody>
    </table>
  );
}
