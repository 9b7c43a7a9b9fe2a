/** @jsxImportSource hono/jsx */
// The lead list: filters, pages and the CSV export of what is shown.
import type { Locale, Stage } from "../../../src/db/schema";
import type { LeadFilter, LeadListRow } from "../../../src/services/reports/lead-list";
import { AdminLayout, type AdminChrome } from "../layout";
import { at } from "../messages";
import { dateTime, num } from "../format";
import type { AssetOption } from "./spend";
import { stageName } from "../words";

export function LeadsPage(p: {
  locale: Locale;
  stages: readonly Stage[];
  csrf: string;
  chrome?: AdminChrome;
  filter: LeadFilter;
  rows: LeadListRow[];
  nextCursor: number | null;
  assets: AssetOption[];
  query: string;
  /** Whether this session may import lists (the link to the import page). */
  canImport: boolean;
}) {
  const L = p.locale;
  const f = p.filter;
  const keep = (cursor: number) => {
    const q = new URLSearchParams(p.query);
    q.set("cursor", String(cursor));
    return `/admin/leads?${q}`;
  };
  const exportQ = new URLSearchParams(p.query);
  exportQ.delete("cursor");
  return (
    <AdminLayout
      locale={L}
      title={at(L, "leads_title")}
      path="/admin/leads"
      csrf={p.csrf}
      chrome={p.chrome}
    >
      <h1>{at(L, "leads_title")}</h1>
      {p.canImport ? (
        <p>
          <a class="button secondary" href="/admin/leads/import">
            {at(L, "import_link")}
          </a>
        </p>
      ) : null}
      <div class="card">
        <form class="filters" method="get" action="/admin/leads">
          <div>
            <label for="q">{at(L, "search")}</label>
            <input id="q" name="q" value={f.q ?? ""} />
          </div>
          <div>
            <label for="stage">{at(L, "stage")}</label>
            <select id="stage" name="stage">
              <option value="">{at(L, "all")}</option>
              {p.stages.map((s) => (
                <option value={s} selected={f.stage === s}>
                  {stageName(L, s)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="asset_id">{at(L, "asset")}</label>
            <select id="asset_id" name="asset_id">
              <option value="">{at(L, "all")}</option>
              {p.assets.map((a) => (
                <option value={String(a.id)} selected={f.asset_id === a.id}>
                  {a.title}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="min_score">{at(L, "min_score")}</label>
            <input
              id="min_score"
              name="min_score"
              type="number"
              value={f.min_score === undefined ? "" : String(f.min_score)}
              style="width:90px"
            />
          </div>
          <div>
            <label for="max_score">{at(L, "max_score")}</label>
            <input
              id="max_score"
              name="max_score"
              type="number"
              value={f.max_score === undefined ? "" : String(f.max_score)}
              style="width:90px"
            />
          </div>
          <label class="row">
            <input type="checkbox" name="owner" value="me" checked={f.owner === "me"} />{" "}
            {at(L, "my_leads")}
          </label>
          <button type="submit">{at(L, "apply")}</button>
          <a class="button secondary" href={`/admin/export/leads.csv?${exportQ}`}>
            {at(L, "export_csv")}
          </a>
        </form>
      </div>
      <div class="card">
        {p.rows.length ? (
          <table>
            <thead>
              <tr>
                <th>{at(L, "name")}</th>
                <th>{at(L, "email")}</th>
                <th>{at(L, "company")}</th>
                <th>{at(L, "job_title")}</th>
                <th class="n">{at(L, "score")}</th>
                <th>{at(L, "stage")}</th>
                <th>{at(L, "owner")}</th>
                <th>{at(L, "accept_by")}</th>
                <th class="n">{at(L, "touches")}</th>
                <th>{at(L, "created")}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((l) => (
                <tr>
                  <td>
                    <a href={`/admin/leads/${l.id}`} class="lead-name">
                      {l.name || `#${l.id}`}
                    </a>
                  </td>
                  <td>{l.email}</td>
                  <td>{l.company ?? ""}</td>
                  <td>{l.job_title ?? ""}</td>
                  <td class="n">{num(l.score, L)}</td>
                  <td>
                    <span class="pill">{stageName(L, l.stage)}</span>
                  </td>
                  <td data-field="owner">{l.owner_name ?? ""}</td>
                  <td data-field="accept_by">
                    {l.accepted_at !== null ? at(L, "accepted") : dateTime(l.accept_by, L)}
                  </td>
                  <td class="n">{num(l.touch_count, L)}</td>
                  <td>{dateTime(l.created_at, L)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="empty">{at(L, "leads_empty")}</p>
        )}
        <p class="row">
          {f.cursor ? <a href={`/admin/leads?${exportQ}`}>{at(L, "first_page")}</a> : null}
          {p.nextCursor ? <a href={keep(p.nextCursor)}>{at(L, "next_page")}</a> : null}
        </p>
      </div>
    </AdminLayout>
  );
}
