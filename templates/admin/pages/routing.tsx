/** @jsxImportSource hono/jsx */
// Sales routing rules: the ordered list (first match wins) with each team and its turns, and the add/edit form.
import type { Locale, RoutingMatch, RoutingRule } from "../../../src/db/schema";
import { AdminLayout, Csrf, type AdminChrome } from "../layout";
import { at, type AdminKey } from "../messages";
import { num } from "../format";
import { Errors } from "../components/field-errors";

export interface TeamOption {
  id: number;
  label: string;
}
const matchKey = (m: string) => `routing_match_${m}` as AdminKey;

function RuleForm(p: {
  L: Locale;
  csrf: string;
  people: TeamOption[];
  matches: readonly RoutingMatch[];
  values: Record<string, string>;
  team: number[];
  editing: number | null;
  errors?: Record<string, string[]>;
}) {
  const { L, values: v } = p;
  return (
    <form
      class="card"
      method="post"
      action={p.editing ? `/admin/routing/${p.editing}` : "/admin/routing"}
      data-form="routing-rule"
    >
      <Csrf token={p.csrf} />
      <h2>{at(L, p.editing ? "routing_edit" : "routing_add")}</h2>
      <div class="filters">
        <label>
          {at(L, "routing_name")}
          <br />
          <input name="name" value={v.name ?? ""} maxlength={120} required />
          <Errors errors={p.errors} name="name" />
        </label>
        <label>
          {at(L, "routing_position")}
          <br />
          <input
            name="position"
            type="number"
            min="0"
            value={v.position ?? "10"}
            style="width:90px"
          />
          <Errors errors={p.errors} name="position" />
        </label>
        <label>
          {at(L, "routing_match")}
          <br />
          <select name="match">
            {p.matches.map((m) => (
              <option value={m} selected={(v.match ?? "default") === m}>
                {at(L, matchKey(m))}
              </option>
            ))}
          </select>
        </label>
        <label>
          {at(L, "routing_values")}
          <br />
          <input name="values" value={v.values ?? ""} placeholder="CN, HK" />
          <Errors errors={p.errors} name="values" />
        </label>
      </div>
      <p class="muted">{at(L, "routing_values_help")}</p>
      <fieldset>
        <legend>{at(L, "routing_team")}</legend>
        {p.people.length ? (
          p.people.map((o) => (
            <label class="row">
              <input
                type="checkbox"
                name="team"
                value={String(o.id)}
                checked={p.team.includes(o.id)}
              />{" "}
              {o.label}
            </label>
          ))
        ) : (
          <p class="empty">{at(L, "routing_team_empty")}</p>
        )}
        <Errors errors={p.errors} name="team" />
      </fieldset>
      <p>
        <button type="submit">{at(L, "save")}</button>
      </p>
    </form>
  );
}

export function RoutingPage(p: {
  locale: Locale;
  csrf: string;
  chrome?: AdminChrome;
  rules: RoutingRule[];
  matches: readonly RoutingMatch[];
  people: TeamOption[];
  /** Everyone ever invited, to name a team's members (a removed one still shows, struck). */
  names: Map<number, { label: string; removed: boolean }>;
  form: { values: Record<string, string>; team: number[]; editing: number | null };
  errors?: Record<string, string[]>;
  message?: string;
}) {
  const L = p.locale;
  return (
    <AdminLayout
      locale={L}
      title={at(L, "routing_title")}
      path="/admin/routing"
      csrf={p.csrf}
      chrome={p.chrome}
    >
      <h1>{at(L, "routing_title")}</h1>
      <p class="muted">{at(L, "routing_help")}</p>
      {p.message ? <p class="ok">{p.message}</p> : null}
      {p.errors ? (
        <p class="alert" role="alert">
          {at(L, "fix_errors")}
        </p>
      ) : null}
      <div class="card">
        {p.rules.length ? (
          <table class="stack" data-table="routing-rules">
            <thead>
              <tr>
                <th class="n">{at(L, "routing_position")}</th>
                <th>{at(L, "routing_name")}</th>
                <th>{at(L, "routing_match")}</th>
                <th>{at(L, "routing_team")}</th>
                <th class="n">{at(L, "routing_turns")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {p.rules.map((r) => (
                <tr data-rule={String(r.id)}>
                  <td class="n">{num(r.position, L)}</td>
                  <td>
                    <a href={`/admin/routing?edit=${r.id}`}>{r.name}</a>
                  </td>
                  <td>
                    {at(L, matchKey(r.match))}
                    {r.values.length ? `: ${r.values.join(", ")}` : ""}
                  </td>
                  <td>
                    {r.team.map((id, i) => {
                      const n = p.names.get(id);
                      const label = n?.label ?? `#${id}`;
                      return (
                        <>
                          {i ? ", " : ""}
                          {n?.removed ? <s>{label}</s> : label}
                        </>
                      );
                    })}
                  </td>
                  <td class="n">{num(r.turns, L)}</td>
                  <td>
                    <form method="post" action={`/admin/routing/${r.id}/delete`}>
                      <Csrf token={p.csrf} />
                      <button type="submit" class="secondary">
                        {at(L, "routing_delete")}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="empty">{at(L, "routing_empty")}</p>
        )}
      </div>
      <RuleForm
        L={L}
        csrf={p.csrf}
        people={p.people}
        matches={p.matches}
        errors={p.errors}
        {...p.form}
      />
    </AdminLayout>
  );
}
