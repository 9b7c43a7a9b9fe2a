/** @jsxImportSource hono/jsx */
// Captured mail (local development): the sink's emails, newest first, and one email with its text.
import type { Locale } from "../../../src/db/schema";
import type { CapturedEmail } from "../../../src/db/schema";
import type { CapturedEmailSummary } from "../../../src/services/nurture/mail-sink";
import { AdminLayout, type AdminChrome } from "../layout";
import { at } from "../messages";
import { dateTime } from "../format";
import { SendingPausedAlert } from "../components/setup-alert";

export function MailPage(p: {
  locale: Locale;
  csrf: string;
  chrome?: AdminChrome;
  rows: CapturedEmailSummary[];
  next: number | null;
  /** Nurture email is held back until PUBLIC_BASE_URL is set. */
  sendingPaused?: boolean;
}) {
  const L = p.locale;
  return (
    <AdminLayout
      locale={L}
      title={at(L, "mail_title")}
      path="/admin/mail"
      csrf={p.csrf}
      chrome={p.chrome}
    >
      <SendingPausedAlert locale={L} paused={!!p.sendingPaused} />
      <h1>{at(L, "mail_title")}</h1>
      <p class="muted">{at(L, "mail_help")}</p>
      <div class="card">
        {p.rows.length ? (
          <table>
            <thead>
              <tr>
                <th>{at(L, "at")}</th>
                <th>{at(L, "recipient")}</th>
                <th>{at(L, "subject")}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((m) => (
                <tr>
                  <td>{dateTime(m.createdAt, L)}</td>
                  <td>{m.to.join(", ")}</td>
                  <td>
                    <a href={`/admin/mail/${encodeURIComponent(m.id)}`}>{m.subject}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="empty">{at(L, "mail_empty")}</p>
        )}
        {p.next ? (
          <p>
            <a href={`/admin/mail?before=${p.next}`}>{at(L, "next_page")}</a>
          </p>
        ) : null}
      </div>
    </AdminLayout>
  );
}

/** An attachment's base64 content as UTF-8 text (calendar files are shown as written). */
function textOf(b64: string): string {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0)));
  } catch {
    return "";
  }
}

export function MailDetailPage(p: {
  locale: Locale;
  csrf: string;
  chrome?: AdminChrome;
  mail: CapturedEmail;
}) {
  const L = p.locale;
  const m = p.mail;
  return (
    <AdminLayout locale={L} title={m.subject} path="/admin/mail" csrf={p.csrf} chrome={p.chrome}>
      <h1>{m.subject}</h1>
      <div class="card">
        <p>
          <b>From</b> {m.from} · <b>{at(L, "recipient")}</b> {m.to.join(", ")} ·{" "}
          {dateTime(m.createdAt, L)}
        </p>
        {m.html ? (
          <p>
            <a class="button secondary" href={`/admin/mail/${encodeURIComponent(m.id)}/html`}>
              HTML
            </a>
          </p>
        ) : null}
        <pre>{m.text ?? ""}</pre>
        {m.attachments?.length ? (
          <section class="attachments">
            <h2>{at(L, "mail_attachments")}</h2>
            {m.attachments.map((f) => (
              <details open={/^text\//.test(f.contentType ?? "") || f.filename.endsWith(".ics")}>
                <summary>
                  {f.filename} <span class="muted">{f.contentType ?? ""}</span>
                </summary>
                {/^text\//.test(f.contentType ?? "") || f.filename.endsWith(".ics") ? (
                  <pre>{textOf(f.content)}</pre>
                ) : null}
              </details>
            ))}
          </section>
        ) : null}
        {Object.keys(m.headers).length ? (
          <details>
            <summary>Headers</summary>
            <pre>
              {Object.entries(m.headers)
                .map(([k, v]) => `${k}: ${v}`)
                .join("\n")}
            </pre>
          </details>
        ) : null}
      </div>
      <p>
        <a href="/admin/mail">← {at(L, "mail_title")}</a>
      </p>
    </AdminLayout>
  );
}
