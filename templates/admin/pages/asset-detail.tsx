/** @jsxImportSource hono/jsx */
// One asset in numbers: its funnel, its channels, and how each email step of its drip performs.
import type { Asset, Locale } from "../../../src/db/schema";
import type { Report } from "../../../src/services/reports/report-service";
import type { StepPerformance } from "../../../src/services/assets/edit-asset";
import { AdminLayout, Csrf, allows, type AdminChrome } from "../layout";
import { at, type AdminKey } from "../messages";
import { num, pct } from "../format";
import { FunnelChart } from "../charts";
import { ModelNote, ReportTable } from "../report-table";

export function AssetDetailPage(p: {
  locale: Locale;
  csrf: string;
  chrome?: AdminChrome;
  asset: Asset;
  /** The statuses this asset may move to (its own first among them), in the order the picker shows them. */
  statuses: readonly Asset["status"][];
  funnel: Report;
  channels: Report;
  steps: StepPerformance[];
  error?: string;
}) {
  const L = p.locale;
  const a = p.asset;
  const t = p.funnel.totals;
  return (
    <AdminLayout locale={L} title={a.title} path="/admin/assets" csrf={p.csrf} chrome={p.chrome}>
      <div class="row" style="justify-content:space-between">
        <div>
          <h1>{a.title}</h1>
          <span class={`pill ${a.status}`}>{at(L, `status_${a.status}` as AdminKey)}</span>{" "}
          <span class="muted">/p/{a.slug}</span>
        </div>
        <div class="row">
          {a.status === "published" ? (
            <a class="button secondary" href={`/p/${a.slug}`}>
              {at(L, "view_page")}
            </a>
          ) : null}
          {a.kind === "course" ? (
            <a class="button secondary" href={`/admin/assets/${a.id}/sessions`} id="sessions-link">
              {at(L, "sessions_link")}
            </a>
          ) : null}
          {allows(p.chrome, "sequences.read") ? (
            <a class="button secondary" href={`/admin/assets/${a.id}/sequence`}>
              {at(L, "seq_edit")}
            </a>
          ) : null}
          {allows(p.chrome, "assets.write") ? (
            <>
              <a class="button secondary" href={`/admin/assets/${a.id}/edit`}>
                {at(L, "edit")}
              </a>
              {p.statuses.length > 1 ? (
                <form method="post" action={`/admin/assets/${a.id}/status`} class="row">
                  <Csrf token={p.csrf} />
                  <select
                    name="status"
                    aria-label={at(L, "set_status")}
                    aria-describedby="status-help"
                  >
                    {p.statuses.map((s) => (
                      <option value={s} selected={s === a.status}>
                        {at(L, `status_${s}` as AdminKey)}
                      </option>
                    ))}
                  </select>
                  <button type="submit">{at(L, "set_status")}</button>
                </form>
              ) : null}
            </>
          ) : null}
        </div>
      </div>
      {allows(p.chrome, "assets.write") ? (
        <p class="muted" id="status-help">
          {at(L, "status_help")}
        </p>
      ) : null}
      {p.error ? <p class="alert">{p.error}</p> : null}
      <ModelNote locale={L} model={p.funnel.model} />
      <div class="card">
        <h2>{at(L, "funnel")}</h2>
        <FunnelChart
          title={at(L, "funnel")}
          steps={[
            { label: at(L, "views"), value: t.views, text: num(t.views, L) },
            { label: at(L, "submissions"), value: t.submissions, text: num(t.submissions, L) },
            { label: at(L, "new_leads"), value: t.new_leads, text: num(t.new_leads, L) },
            { label: at(L, "mqls"), value: t.mqls, text: num(t.mqls, L) },
            { label: at(L, "accepted"), value: t.accepted, text: num(t.accepted, L) },
            { label: at(L, "won"), value: t.won, text: num(t.won, L) },
          ]}
        />
        <p class="muted">
          {at(L, "visit_to_lead")}: {pct(t.visit_to_lead_rate, L)}
        </p>
      </div>
      <div class="card">
        <h2>{at(L, "channels_table")}</h2>
        {p.channels.rows.length ? (
          <ReportTable report={p.channels} locale={L} showPeriod={false} />
        ) : (
          <p class="empty">{at(L, "reports_empty")}</p>
        )}
      </div>
      <div class="card">
        <h2>{at(L, "email_steps")}</h2>
        {p.steps.length ? (
          <>
            <table class="email-steps">
              <thead>
                <tr>
                  <th rowspan={2}>{at(L, "step")}</th>
                  <th rowspan={2}>{at(L, "template")}</th>
                  <th rowspan={2} class="n">
                    {at(L, "sent")}
                  </th>
                  <th rowspan={2} class="n">
                    {at(L, "delivered")}
                  </th>
                  <th colspan={2} style="text-align:center">
                    {at(L, "opened")}
                  </th>
                  <th colspan={2} style="text-align:center">
                    {at(L, "clicked")}
                  </th>
                  <th rowspan={2} class="n">
                    {at(L, "bounced")}
                  </th>
                </tr>
                <tr>
                  <th class="n">{at(L, "by_people")}</th>
                  <th class="n">{at(L, "by_machines")}</th>
                  <th class="n">{at(L, "by_people")}</th>
                  <th class="n">{at(L, "by_machines")}</th>
                </tr>
              </thead>
              <tbody>
                {p.steps.map((s) => (
                  <tr>
                    <td>{s.position ?? "—"}</td>
                    <td>{s.template ?? `#${s.stepId}`}</td>
                    <td class="n">{num(s.sent, L)}</td>
                    <td class="n">{num(s.delivered, L)}</td>
                    <td
                      class="n"
                      data-figure="opened"
                    >{`${num(s.opened, L)} (${pct(s.sent ? s.opened / s.sent : null, L)})`}</td>
                    <td class="n muted" data-figure="machine-opened">
                      {num(s.machineOpened, L)}
                    </td>
                    <td
                      class="n"
                      data-figure="clicked"
                    >{`${num(s.clicked, L)} (${pct(s.sent ? s.clicked / s.sent : null, L)})`}</td>
                    <td class="n muted" data-figure="machine-clicked">
                      {num(s.machineClicked, L)}
                    </td>
                    <td class="n">{num(s.bounced, L)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p class="muted">{at(L, "machine_note")}</p>
          </>
        ) : (
          <p class="empty">{at(L, "email_steps_empty")}</p>
        )}
      </div>
    </AdminLayout>
  );
}
