/** @jsxImportSource hono/jsx */
// The pages of a one-time sign-in link: "check your inbox", the confirm button, and a used or expired link.
import type { Child } from "hono/jsx";
import type { Locale } from "../../../src/db/schema";
import { AdminLayout } from "../layout";
import { at } from "../messages";

function Card(p: { locale: Locale; title: string; children?: Child }) {
  return (
    <AdminLayout locale={p.locale} title={p.title} noReferrer>
      <div class="card" style="max-width:520px;margin:40px auto">
        <h1>{p.title}</h1>
        {p.children}
      </div>
    </AdminLayout>
  );
}

export function CheckInboxPage(p: { locale: Locale; email: string }) {
  const L = p.locale;
  return (
    <Card locale={L} title={at(L, "inbox_title")}>
      <p>{at(L, "inbox_text", { email: p.email })}</p>
      <p>
        <a href={`/admin/login?lang=${L}`}>{at(L, "inbox_again")}</a>
      </p>
    </Card>
  );
}

/** A GET of the link shows only this: the POST of its button signs in (mail scanners never press it). */
export function ConfirmSignInPage(p: { locale: Locale; action: string }) {
  const L = p.locale;
  return (
    <Card locale={L} title={at(L, "confirm_title")}>
      <p>{at(L, "confirm_text")}</p>
      <form method="post" action={p.action}>
        <input type="hidden" name="locale" value={L} />
        <p>
          <button type="submit">{at(L, "confirm_submit")}</button>
        </p>
      </form>
    </Card>
  );
}

export function LinkDeadPage(p: { locale: Locale }) {
  const L = p.locale;
  return (
    <Card locale={L} title={at(L, "link_dead_title")}>
      <p>{at(L, "link_dead_text")}</p>
      <p>
        <a class="button" href={`/admin/login?lang=${L}`}>
          {at(L, "link_dead_again")}
        </a>
      </p>
    </Card>
  );
}
