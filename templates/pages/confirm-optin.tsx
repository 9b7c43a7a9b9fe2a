/** @jsxImportSource hono/jsx */
// The double opt-in confirmation page: one button that posts to the same address (a link scanner's GET confirms nothing).
import { Layout } from "./layout";
import type { Locale } from "../../src/db/schema";
import { t } from "../i18n";

export function ConfirmOptinPage(p: { locale: Locale; action: string }) {
  return (
    <Layout locale={p.locale} title={t(p.locale, "optin_confirm_title")}>
      <main>
        <section class="card">
          <h1>{t(p.locale, "optin_confirm_title")}</h1>
          <p>{t(p.locale, "optin_confirm_text")}</p>
          <form method="post" action={p.action}>
            <button type="submit">{t(p.locale, "optin_confirm_button")}</button>
          </form>
        </section>
      </main>
    </Layout>
  );
}
