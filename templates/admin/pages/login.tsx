/** @jsxImportSource hono/jsx */
// The sign-in page: an email for a one-time link; behind a disclosure, an API token (bootstrap and scripts).
import type { Locale } from "../../../src/db/schema";
import { AdminLayout } from "../layout";
import { at } from "../messages";

export function LoginPage(p: {
  locale: Locale;
  next: string;
  error?: string;
  /** Open the token form (after a failed token sign-in). */
  token?: boolean;
  email?: string;
}) {
  const L = p.locale;
  return (
    <AdminLayout locale={L} title={at(L, "login_title")}>
      <div class="card" style="max-width:520px;margin:40px auto">
        <h1>{at(L, "login_title")}</h1>
        {p.error ? (
          <p class="alert" role="alert">
            {p.error}
          </p>
        ) : null}
        <form method="post" action="/admin/login/email">
          <input type="hidden" name="locale" value={L} />
          <p class="muted">{at(L, "login_email_help")}</p>
          <label for="email">{at(L, "login_email")}</label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="email"
            required
            value={p.email ?? ""}
            style="width:100%"
          />
          <p>
            <button type="submit">{at(L, "login_email_submit")}</button>
          </p>
        </form>
        <details open={p.token}>
          <summary>{at(L, "login_with_token")}</summary>
          <form method="post" action="/admin/login">
            <input type="hidden" name="next" value={p.next} />
            <input type="hidden" name="locale" value={L} />
            <p class="muted">{at(L, "login_help")}</p>
            <label for="token">{at(L, "login_token")}</label>
            <input
              id="token"
              name="token"
              type="password"
              autocomplete="off"
              required
              style="width:100%"
            />
            <p>
              <button type="submit" class="secondary">
                {at(L, "login_submit")}
              </button>
            </p>
          </form>
        </details>
        <p class="muted">
          <a href={`/admin/login?lang=${L === "en" ? "zh-CN" : "en"}`}>
            {L === "en" ? "中文" : "English"}
          </a>
        </p>
      </div>
    </AdminLayout>
  );
}
