/** @jsxImportSource hono/jsx */
// The assets list: every asset with its status and landing page, newest first.
import type { Asset, Locale } from "../../../src/db/schema";
import { AdminLayout, allows, type AdminChrome } from "../layout";
import { at, type AdminKey } from "../messages";

export function AssetsPage(p: {
  locale: Locale;
  csrf: string;
  chrome?: AdminChrome;
  rows: Asset[];
  nextCursor: number | null;
}) {
  const L = p.locale;
  return (
    <AdminLayout
      locale={L}
      title={at(L, "assets_title")}
      path="/admin/assets"
      csrf={p.csrf}
      chrome={p.chrome}
    >
      <div class="row" style="justify-content:space-between">
        <h1>{at(L, "assets_title")}</h1>
        {allows(p.chrome, "assets.write") ? (
          <a class="button" href="/admin/assets/new">
            {at(L, "assets_new")}
          </a>
        ) : null}
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
                    <span class={`pill ${a.status}`}>
                      {at(L, `status_${a.status}` as AdminKey)}
                    </span>
                  </td>
                  <td>{a.locale}</td>
                  <td>{a.fileName ?? (a.kind === "course" ? (a.roomUrl ?? "") : "—")}</td>
                  <td>
                    {allows(p.chrome, "assets.write") ? (
                      <a href={`/admin/assets/${a.id}/edit`}>{at(L, "edit")}</a>
                    ) : null}
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
