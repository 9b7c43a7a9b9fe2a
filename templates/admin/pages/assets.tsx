/** @jsxImportSource hono/jsx */
// Assets: the list, the create/edit form (file upload, form fields, sequence), and the detail page.
import type { Asset, Locale } from "../../../src/db/schema";
import { FORM_FIELDS, LOCALES } from "../../../src/db/schema";
import type { Report } from "../../../src/services/reports/report-service";
import type { StepPerformance } from "../../../src/services/assets/edit-asset";
import { AdminLayout, Csrf } from "../layout";
import { at, type AdminKey } from "../messages";
import { num, pct } from "../format";
import { FunnelChart } from "../charts";
import { ModelNote, ReportTable } from "../report-table";

export function AssetsPage(p: { locale: Locale; csrf: string; rows: Asset[]; nextCursor: number | null }) {
  const L = p.locale;
  return (
    <AdminLayout locale={L} title={at(L, "assets_title")} path="/admin/assets" csrf={p.csrf}>
      <div class="row" style="justify-content:space-between">
        <h1>{at(L, "assets_title")}</h1>
        <a class="button" href="/admin/assets/new">
          {at(L, "assets_new")}
        </a>
      </div>
      <div class="card">
        {p.rows.length ? (
          <table>
            <thead>
              <tr>
                <th>{at(L, "title")}</th>
                <th>{at(L, "kind")}</th>
                <th>{at(L, "status")}</th>
                <th>{at(L, "locale")}</th>
                <th>{at(L, "file")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {p.rows.map((a) => (
                <tr>
                  <td>
                    <a href={`/admin/assets/${a.id}`}>{a.title}</a>
                    <br />
                    <span class="muted">/p/{a.slug}</span>
                  </td>
                  <td>{at(L, `kind_${a.kind}` as AdminKey)}</td>
                  <td>
                    <span class={`pill ${a.status}`}>{at(L, `status_${a.status}` as AdminKey)}</span>
                  </td>
                  <td>{a.locale}</td>
                  <td>{a.fileName ?? (a.kind === "course" ? a.roomUrl ?? "" : "—")}</td>
                  <td>
                    <a href={`/admin/assets/${a.id}/edit`}>{at(L, "edit")}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="empty">{at(L, "assets_empty")}</p>
        )}
        {p.nextCursor ? (
          <p>
            <a href={`/admin/assets?cursor=${p.nextCursor}`}>{at(L, "next_page")}</a>
          </p>
        ) : null}
      </div>
    </AdminLayout>
  );
}

function Err(p: { errors?: Record<string, string[]>; name: string }) {
  const e = p.errors?.[p.name];
  return e ? <span class="field-error">{e.join(" ")}</span> : null;
}

export function AssetFormPage(p: { locale: Locale; csrf: string; asset: Asset | null; values: Record<string, string>; errors?: Record<string, string[]>; sequences: { id: number; name: string }[]; message?: string }) {
  const L = p.locale;
  const v = p.values;
  const action = p.asset ? `/admin/assets/${p.asset.id}/edit` : "/admin/assets/new";
  const text = (name: string, key: AdminKey, extra: { type?: string; required?: boolean } = {}) => (
    <label>
      {at(L, key)}
      <input name={name} type={extra.type ?? "text"} value={v[name] ?? ""} required={extra.required} aria-invalid={p.errors?.[name] ? "true" : undefined} />
      <Err errors={p.errors} name={name} />
    </label>
  );
  return (
    <AdminLayout locale={L} title={p.asset ? p.asset.title : at(L, "assets_new")} path="/admin/assets" csrf={p.csrf}>
      <h1>{p.asset ? p.asset.title : at(L, "assets_new")}</h1>
      {p.message ? <p class="ok">{p.message}</p> : null}
      {p.errors ? <p class="alert">{at(L, "fix_errors")}</p> : null}
      <form class="card" method="post" action={action} enctype="multipart/form-data">
        <Csrf token={p.csrf} />
        <div class="grid">
          {text("title", "title", { required: true })}
          {text("slug", "slug", { required: true })}
          <label>
            {at(L, "kind")}
            <select name="kind">
              {(["whitepaper", "course"] as const).map((k) => (
                <option value={k} selected={v.kind === k}>
                  {at(L, `kind_${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {at(L, "locale")}
            <select name="locale">
              {LOCALES.map((l) => (
                <option value={l} selected={v.locale === l}>
                  {l}
                </option>
              ))}
            </select>
          </label>
          {text("timezone", "timezone", { required: true })}
          {text("room_url", "room_url", { type: "url" })}
          <label>
            {at(L, "sequence")}
            <select name="sequence_id">
              <option value="">{at(L, "no_sequence")}</option>
              {p.sequences.map((s) => (
                <option value={String(s.id)} selected={v.sequence_id === String(s.id)}>
                  {s.name}
                </option>
              ))}
            </select>
            <Err errors={p.errors} name="sequence_id" />
          </label>
        </div>
        <label style="margin-top:12px">
          {at(L, "summary")}
          <textarea name="summary" rows={3}>
            {v.summary ?? ""}
          </textarea>
        </label>
        <label>
          {at(L, "outline")}
          <textarea name="outline" rows={4}>
            {v.outline ?? ""}
          </textarea>
        </label>
        <label class="row" style="font-weight:400">
          <input type="checkbox" name="double_opt_in" checked={v.double_opt_in === "on"} /> {at(L, "double_opt_in")}
        </label>
        <h2 style="margin-top:16px">{at(L, "form_settings")}</h2>
        <div class="grid">
          {FORM_FIELDS.map((f) => (
            <label>
              {at(L, f)}
              <select name={`field_${f}`}>
                {(["hidden", "optional", "required"] as const).map((m) => (
                  <option value={m} selected={(v[`field_${f}`] ?? "optional") === m}>
                    {at(L, `field_${m}`)}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
        <div class="grid" style="margin-top:12px">
          {text("consent_text", "consent_text")}
          {text("consent_version", "consent_version")}
          <label class="row" style="font-weight:400">
            <input type="checkbox" name="consent_required" checked={v.consent_required === "on"} /> {at(L, "consent_required")}
          </label>
        </div>
        <h2 style="margin-top:16px">{at(L, "file")}</h2>
        <p class="muted">{p.asset?.fileName ? `${at(L, "file_current")}: ${p.asset.fileName}` : at(L, "file_none")}</p>
        <label>
          {at(L, "file_upload")}
          <input type="file" name="file" />
          <Err errors={p.errors} name="file" />
        </label>
        <p>
          <button type="submit">{at(L, "save")}</button>
        </p>
      </form>
    </AdminLayout>
  );
}

export function AssetDetailPage(p: { locale: Locale; csrf: string; asset: Asset; funnel: Report; channels: Report; steps: StepPerformance[]; error?: string }) {
  const L = p.locale;
  const a = p.asset;
  const t = p.funnel.totals;
  return (
    <AdminLayout locale={L} title={a.title} path="/admin/assets" csrf={p.csrf}>
      <div class="row" style="justify-content:space-between">
        <div>
          <h1>{a.title}</h1>
          <span class={`pill ${a.status}`}>{at(L, `status_${a.status}` as AdminKey)}</span> <span class="muted">/p/{a.slug}</span>
        </div>
        <div class="row">
          {a.status === "published" ? (
            <a class="button secondary" href={`/p/${a.slug}`}>
              {at(L, "view_page")}
            </a>
          ) : null}
          <a class="button secondary" href={`/admin/assets/${a.id}/edit`}>
            {at(L, "edit")}
          </a>
          <form method="post" action={`/admin/assets/${a.id}/status`}>
            <Csrf token={p.csrf} />
            <button type="submit" name="status" value={a.status === "published" ? "draft" : "published"}>
              {at(L, a.status === "published" ? "unpublish" : "publish")}
            </button>
          </form>
        </div>
      </div>
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
        {p.channels.rows.length ? <ReportTable report={p.channels} locale={L} showPeriod={false} /> : <p class="empty">{at(L, "reports_empty")}</p>}
      </div>
      <div class="card">
        <h2>{at(L, "email_steps")}</h2>
        {p.steps.length ? (
          <table>
            <thead>
              <tr>
                <th>{at(L, "step")}</th>
                <th>{at(L, "template")}</th>
                <th class="n">{at(L, "sent")}</th>
                <th class="n">{at(L, "delivered")}</th>
                <th class="n">{at(L, "opened")}</th>
                <th class="n">{at(L, "clicked")}</th>
                <th class="n">{at(L, "bounced")}</th>
              </tr>
            </thead>
            <tbody>
              {p.steps.map((s) => (
                <tr>
                  <td>{s.position ?? "—"}</td>
                  <td>{s.template ?? `#${s.stepId}`}</td>
                  <td class="n">{num(s.sent, L)}</td>
                  <td class="n">{num(s.delivered, L)}</td>
                  <td class="n">{`${num(s.opened, L)} (${pct(s.sent ? s.opened / s.sent : null, L)})`}</td>
                  <td class="n">{`${num(s.clicked, L)} (${pct(s.sent ? s.clicked / s.sent : null, L)})`}</td>
                  <td class="n">{num(s.bounced, L)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="empty">{at(L, "email_steps_empty")}</p>
        )}
      </div>
    </AdminLayout>
  );
}
