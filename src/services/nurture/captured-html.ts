// Captured email HTML made inert before the dashboard shows it: no script, no event handler, no refresh.
import type { Db } from "../../env";
import { getCapturedMail } from "./mail-sink";

/**
 * Removes what could act when the HTML is opened: <script> elements, on* handler attributes and
 * <meta http-equiv="refresh"> (a sandbox without scripts still follows a refresh). The answer's CSP
 * (`sandbox`, default-src 'none') is the second wall; this is the first. Streams through the runtime's
 * HTMLRewriter, which parses HTML as a browser does, rather than a hand-written pattern.
 */
export async function inertEmailHtml(html: string): Promise<string> {
  const rewritten = new HTMLRewriter()
    .on("script", {
      element: (el) => {
        el.remove();
      },
    })
    .on("meta[http-equiv]", {
      element: (el) => {
        if (/refresh/i.test(el.getAttribute("http-equiv") ?? "")) el.remove();
      },
    })
    .on("*", {
      element: (el) => {
        const handlers = [...el.attributes].map(([name]) => name).filter((n) => /^on/i.test(n));
        for (const name of handlers) el.removeAttribute(name);
      },
    })
    .transform(new Response(html, { headers: { "content-type": "text/html; charset=utf-8" } }));
  return rewritten.text();
}

/** A captured email's HTML, made inert; null when there is no such email or it has no HTML. */
export async function capturedHtml(
  db: Db,
  id: string,
  opts: { withTeamMail?: boolean } = {},
): Promise<string | null> {
  const mail = await getCapturedMail(db, id, opts);
  return mail?.html ? inertEmailHtml(mail.html) : null;
}
