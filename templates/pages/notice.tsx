/** @jsxImportSource hono/jsx */
// A short page for refusals a prospect may meet: not found, expired or invalid link, too many tries.
import { Layout } from "./layout";
import type { Locale } from "../../src/db/schema";

export function NoticePage(p: {
  locale: Locale;
  title: string;
  text: string;
  action?: { href: string; label: string };
}) {
  return (
    <Layout locale={p.locale} title={p.title}>
      <main>
        <section class="card" role="status">
          <h1>{p.title}</h1>
          <p>{p.text}</p>
          {p.action ? (
            <a class="button" href={p.action.href}>
              {p.action.label}
            </a>
          ) : null}
        </section>
      </main>
    </Layout>
  );
}
