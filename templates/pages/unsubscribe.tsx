/** @jsxImportSource hono/jsx */
// The unsubscribe confirmation page: one button that posts to the same one-click address.
import { Layout } from "./layout";
import type { Locale } from "../../src/db/schema";
import { t } from "../i18n";

export function UnsubscribePage(p: { locale: Locale; action: string }) {
  return (
    <Layout locale={p.locale} title={t(p.locale, "unsubscribe_title")}>
      <main>
        <section class="card">
          <h1>{t(p.locale, "unsubscribe_title")}</h1>
          <p>{t(p.locale, "unsubscribe_text")}</p>
          <form method="post" action={p.action}>
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <button type="submit">{t(p.locale, "unsubscribe_button")}</button>
          </form>
        </section>
      </main>
    </Layout>
  );
}
