/** @jsxImportSource hono/jsx */
// The login page: paste an API token, get a session.
import type { Locale } from "../../../src/db/schema";
import { AdminLayout } from "../layout";
import { at } from "../messages";

export function LoginPage(p: { locale: Locale; next: string; error?: string }) {
  const L = p.locale;
  return (
    <AdminLayout locale={L} title={at(L, "login_title")}>
      <div class="card" style="max-width:520px;margin:40px auto">
        <h1>{at(L, "login_title")}</h1>
        <p class="muted">{at(L, "login_help")}</p>
        {p.error ? (
          <p class="alert" role="alert">
            {p.error}
          </p>
        ) : null}
        <form method="post" action="/admin/login">
          <input type="hidden" name="next" value={p.next} />
          <input type="hidden" name="locale" value={L} />
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
            <button type="submit">{at(L, "login_submit")}</button>
          </p>
        </form>
        <p class="muted">
          <a href={`/admin/login?lang=${L === "en" ? "zh-CN" : "en"}`}>
            {L === "en" ? "中文" : "English"}
          </a>
        </p>
      </div>
    </AdminLayout>
  );
}
