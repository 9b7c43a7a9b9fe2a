/** @jsxImportSource hono/jsx */
// People: the team's members with their roles, the invite form, role changes and removal (admins only).
import type { Locale, Person, Role } from "../../../src/db/schema";
import { AdminLayout, Csrf, type AdminChrome } from "../layout";
import { at, type AdminKey } from "../messages";
import { Errors } from "../components/field-errors";
import { dateTime } from "../format";

export function PeoplePage(p: {
  locale: Locale;
  csrf: string;
  chrome?: AdminChrome;
  people: Person[];
  roles: readonly Role[];
  locales: readonly Locale[];
  /** The signed-in person's id: their own row has no role or remove controls. */
  selfId: number | null;
  values?: Record<string, string>;
  errors?: Record<string, string[]>;
  message?: string;
}) {
  const L = p.locale;
  const v = p.values ?? {};
  const role = (r: Role) => at(L, `role_${r}` as AdminKey);
  return (
    <AdminLayout
      locale={L}
      title={at(L, "people_title")}
      path="/admin/people"
      csrf={p.csrf}
      chrome={p.chrome}
    >
      <h1>{at(L, "people_title")}</h1>
      {p.message ? <p class="ok">{p.message}</p> : null}
      <p class="muted">{at(L, "people_help")}</p>
      <div class="card">
        <h2>{at(L, "people_invite")}</h2>
        {p.errors ? <p class="alert">{at(L, "fix_errors")}</p> : null}
        <form method="post" action="/admin/people" class="filters">
          <Csrf token={p.csrf} />
          <div>
            <label for="invite-email">{at(L, "email")}</label>
            <input id="invite-email" name="email" type="email" required value={v.email ?? ""} />
            <Errors errors={p.errors} name="email" />
          </div>
          <div>
            <label for="invite-name">{at(L, "name")}</label>
            <input id="invite-name" name="name" value={v.name ?? ""} maxlength={100} />
            <Errors errors={p.errors} name="name" />
          </div>
          <div>
            <label for="invite-role">{at(L, "people_role")}</label>
            <select id="invite-role" name="role">
              {p.roles.map((r) => (
                <option value={r} selected={(v.role ?? "viewer") === r}>
                  {role(r)}
                </option>
              ))}
            </select>
            <Errors errors={p.errors} name="role" />
          </div>
          <div>
            <label for="invite-locale">{at(L, "people_language")}</label>
            <select id="invite-locale" name="locale">
              {p.locales.map((l) => (
                <option value={l} selected={(v.locale ?? L) === l}>
                  {l === "zh-CN" ? "中文" : "English"}
                </option>
              ))}
            </select>
          </div>
          <div>
            <button type="submit">{at(L, "people_invite_submit")}</button>
          </div>
        </form>
      </div>
      <div class="card">
        {p.people.length ? (
          <table>
            <thead>
              <tr>
                <th>{at(L, "name")}</th>
                <th>{at(L, "people_role")}</th>
                <th>{at(L, "people_invited_by")}</th>
                <th>{at(L, "people_since")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {p.people.map((m) => (
                <tr data-person={m.email} class={m.removedAt ? "muted" : undefined}>
                  <td>
                    {m.name ? (
                      <>
                        {m.name}
                        <br />
                      </>
                    ) : null}
                    <span class="muted">{m.email}</span>
                    {m.id === p.selfId ? <span class="pill">{at(L, "people_you")}</span> : null}
                  </td>
                  <td>
                    {m.removedAt || m.id === p.selfId ? (
                      role(m.role)
                    ) : (
                      <form method="post" action={`/admin/people/${m.id}/role`} class="row">
                        <Csrf token={p.csrf} />
                        <select name="role" aria-label={at(L, "people_role")}>
                          {p.roles.map((r) => (
                            <option value={r} selected={m.role === r}>
                              {role(r)}
                            </option>
                          ))}
                        </select>
                        <button class="secondary" type="submit">
                          {at(L, "people_change_role")}
                        </button>
                      </form>
                    )}
                  </td>
                  <td>{m.invitedByLabel}</td>
                  <td>{dateTime(m.createdAt, L)}</td>
                  <td>
                    {m.removedAt ? (
                      `${at(L, "people_removed_at")} ${dateTime(m.removedAt, L)}`
                    ) : m.id === p.selfId ? null : (
                      <form method="post" action={`/admin/people/${m.id}/remove`}>
                        <Csrf token={p.csrf} />
                        <button class="danger" type="submit">
                          {at(L, "people_remove")}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="empty">{at(L, "people_empty")}</p>
        )}
      </div>
      <div class="card">
        <h2>{at(L, "people_roles_title")}</h2>
        <table>
          <tbody>
            {p.roles.map((r) => (
              <tr>
                <th>{role(r)}</th>
                <td style="white-space:normal">{at(L, `people_role_${r}_help` as AdminKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AdminLayout>
  );
}
