/** @jsxImportSource hono/jsx */
// API tokens (admins only): the tokens with their scopes and last use, creating one (shown once), revoking.
import type { Locale, Scope } from "../../../src/db/schema";
import type { TokenRow } from "../../../src/services/access/tokens";
import { AdminLayout, Csrf, type AdminChrome } from "../layout";
import { at, type AdminKey } from "../messages";
import { Errors } from "../components/field-errors";
import { dateTime } from "../format";
import { COPY_LINK_SCRIPT_PATH } from "../scripts/copy-link";

export function TokensPage(p: {
  locale: Locale;
  csrf: string;
  chrome?: AdminChrome;
  tokens: TokenRow[];
  scopes: readonly Scope[];
  /** The secret of the token just created: this page is the only place it is ever shown. */
  created?: string;
  values?: Record<string, string>;
  errors?: Record<string, string[]>;
  message?: string;
}) {
  const L = p.locale;
  const chosen = new Set((p.values?.scopes ?? "").split(",").filter(Boolean));
  return (
    <AdminLayout
      locale={L}
      title={at(L, "tokens_title")}
      path="/admin/tokens"
      csrf={p.csrf}
      chrome={p.chrome}
    >
      <h1>{at(L, "tokens_title")}</h1>
      {p.message ? <p class="ok">{p.message}</p> : null}
      <p class="muted">{at(L, "tokens_help")}</p>
      {p.created ? (
        <div class="card" role="status">
          <h2>{at(L, "tokens_created")}</h2>
          <p>{at(L, "tokens_secret_once")}</p>
          <span class="row copy-url">
            <input
              id="token-secret"
              type="text"
              readonly
              value={p.created}
              aria-label={at(L, "tokens_secret")}
            />
            <button
              type="button"
              class="secondary"
              data-copy="token-secret"
              data-copied={at(L, "links_copied")}
              hidden
            >
              {at(L, "links_copy")}
            </button>
          </span>
        </div>
      ) : null}
      <form class="card" method="post" action="/admin/tokens">
        <h2>{at(L, "tokens_new")}</h2>
        <Csrf token={p.csrf} />
        {p.errors ? <p class="alert">{at(L, "fix_errors")}</p> : null}
        <div class="grid">
          <label>
            {at(L, "tokens_name")}
            <input name="name" required maxlength={100} value={p.values?.name ?? ""} />
            <span class="muted">{at(L, "tokens_name_hint")}</span>
            <Errors errors={p.errors} name="name" />
          </label>
        </div>
        <fieldset>
          <legend>{at(L, "tokens_scopes")}</legend>
          {p.scopes.map((s) => (
            <label>
              <input type="checkbox" name="scopes" value={s} checked={chosen.has(s)} />{" "}
              {at(L, `tokens_scope_${s}` as AdminKey)}
            </label>
          ))}
          <Errors errors={p.errors} name="scopes" />
        </fieldset>
        <button type="submit">{at(L, "tokens_new")}</button>
      </form>
      <div class="card">
        {p.tokens.length ? (
          <table class="stack">
            <thead>
              <tr>
                <th>{at(L, "tokens_name")}</th>
                <th>{at(L, "tokens_prefix")}</th>
                <th>{at(L, "tokens_scopes")}</th>
                <th>{at(L, "tokens_created_at")}</th>
                <th>{at(L, "tokens_last_used")}</th>
                <th>{at(L, "status")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {p.tokens.map((t) => (
                <tr>
                  <td>{t.name}</td>
                  <td>
                    <code>{t.prefix}…</code>
                  </td>
                  <td>{t.scopes.join(", ")}</td>
                  <td>{dateTime(t.createdAt, L)}</td>
                  <td>{t.lastUsedAt ? dateTime(t.lastUsedAt, L) : at(L, "tokens_never")}</td>
                  <td>
                    <span class={`pill ${t.revokedAt ? "" : "published"}`}>
                      {at(L, t.revokedAt ? "tokens_revoked" : "tokens_live")}
                    </span>
                  </td>
                  <td>
                    {t.revokedAt ? null : (
                      <details>
                        <summary>{at(L, "tokens_revoke")}</summary>
                        <form method="post" action={`/admin/tokens/${t.id}/revoke`}>
                          <Csrf token={p.csrf} />
                          <p class="muted">{at(L, "tokens_revoke_hint")}</p>
                          <button class="danger" type="submit">
                            {at(L, "tokens_revoke_confirm")}
                          </button>
                        </form>
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="empty">{at(L, "tokens_empty")}</p>
        )}
      </div>
      <script src={COPY_LINK_SCRIPT_PATH} defer></script>
    </AdminLayout>
  );
}
