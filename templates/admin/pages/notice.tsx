/** @jsxImportSource hono/jsx */
// A dashboard error or notice page (bad link, expired form, missing record).
import type { Locale } from "../../../src/db/schema";
import { AdminLayout, type AdminChrome } from "../layout";

export function AdminNotice(p: {
  locale: Locale;
  csrf?: string;
  chrome?: AdminChrome;
  title: string;
  text: string;
}) {
  return (
    <AdminLayout locale={p.locale} title={p.title} path="/admin/_" csrf={p.csrf} chrome={p.chrome}>
      <div class="card">
        <h1>{p.title}</h1>
        <p>{p.text}</p>
        <p>
          <a href={p.chrome?.nav[0] ?? "/admin"}>← Lodestone</a>
        </p>
      </div>
    </AdminLayout>
  );
}
