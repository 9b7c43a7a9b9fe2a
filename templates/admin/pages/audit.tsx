/** @jsxImportSource hono/jsx */
// The audit log (admins only): who changed what, newest first, with the fields that changed.
import type { AuditRow, Locale } from "../../../src/db/schema";
import { AdminLayout, type AdminChrome } from "../layout";
import { at } from "../messages";
import { dateTime } from "../format";

export interface AuditView {
  row: AuditRow;
  changes: { field: string; before: unknown; after: unknown }[];
}

const show = (v: unknown) => (v === undefined ? "—" : JSON.stringify(v));

export function AuditPage(p: {
  locale: Locale;
  csrf: string;
  chrome?: AdminChrome;
  entries: AuditView[];
  nextCursor: number | null;
  subjectType?: string;
}) {
  const L = p.locale;
  const more = new URLSearchParams({
    ...(p.subjectType ? { subject_type: p.subjectType } : {}),
    cursor: String(p.nextCursor ?? ""),
  });
  return (
    <AdminLayout
      locale={L}
      title={at(L, "audit_title")}
      path="/admin/audit"
      csrf={p.csrf}
      chrome={p.chrome}
    >
      <h1>{at(L, "audit_title")}</h1>
      <p class="muted">{at(L, "audit_help")}</p>
      <form method="get" action="/admin/audit" class="filters">
        <div>
          <label for="subject_type">{at(L, "audit_filter_subject")}</label>
          <input id="subject_type" name="subject_type" value={p.subjectType ?? ""} />
        </div>
        <button type="submit" class="secondary">
          {at(L, "apply")}
        </button>
      </form>
      <div class="card">
        {p.entries.length ? (
          <table>
            <thead>
              <tr>
                <th>{at(L, "at")}</th>
                <th>{at(L, "audit_actor")}</th>
                <th>{at(L, "audit_action")}</th>
                <th>{at(L, "audit_subject")}</th>
                <th>{at(L, "audit_changes")}</th>
              </tr>
            </thead>
            <tbody>
              {p.entries.map(({ row, changes }) => (
                <tr data-audit-id={row.id}>
                  <td>{dateTime(row.at, L)}</td>
                  <td>
                    {row.actorLabel} <span class="pill">{row.actorKind}</span>
                  </td>
                  <td>
                    <code>{row.action}</code>
                  </td>
                  <td>
                    {row.subjectType}
                    {row.subjectId === null ? "" : ` #${row.subjectId}`}
                  </td>
                  <td style="white-space:normal;max-width:520px">
                    {changes.map((ch) => (
                      <div>
                        <b>{ch.field}</b>: <span class="muted">{show(ch.before)}</span> →{" "}
                        {show(ch.after)}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="empty">{at(L, "audit_empty")}</p>
        )}
        {p.nextCursor ? (
          <p>
            <a href={`/admin/audit?${more}`}>{at(L, "next_page")}</a>
          </p>
        ) : null}
      </div>
    </AdminLayout>
  );
}
