/** @jsxImportSource hono/jsx */
// The thank-you page: the download (or course room), the session time and calendar file, the share link.
import { Layout } from "./layout";
import { t } from "../i18n";
import type { Asset, CourseSession } from "../../src/db/schema";
import { SessionTime } from "./session-time";
import type { Brand } from "../../src/services/settings/settings";

interface ThankYouProps {
  asset: Asset;
  session: CourseSession | null;
  downloadUrl: string | null;
  shareUrl: string | null;
  calendarUrl: string | null;
  brand?: Brand | null;
  googleCalendarUrl?: string | null;
  /** The room link lives until a week after the session, not 7 days from now. */
  linkLastsForSession?: boolean;
}

export function ThankYouPage(p: ThankYouProps) {
  const L = p.asset.locale;
  const kind = p.asset.kind;
  const action = kind === "course" ? "join_room" : kind === "link" ? "open_link" : "download";
  return (
    <Layout locale={L} title={`${t(L, "thanks_title")} · ${p.asset.title}`} brand={p.brand}>
      <main>
        <section class="card" aria-live="polite">
          <h1>{t(L, "thanks_title")}</h1>
          <p>{t(L, `thanks_${kind}`)}</p>
          <h2>{p.asset.title}</h2>
          {p.session ? <SessionTime session={p.session} locale={L} /> : null}
          {p.downloadUrl ? (
            <p>
              <a class="button" id="download" href={p.downloadUrl}>
                {t(L, action)}
              </a>
              <br />
              <span class="muted">
                {t(L, p.linkLastsForSession ? "room_link_until" : "link_expires")}
              </span>
            </p>
          ) : null}
          {p.calendarUrl ? (
            <p>
              <a href={p.calendarUrl} id="calendar">
                {t(L, "add_calendar")}
              </a>
              {p.googleCalendarUrl ? (
                <>
                  {" · "}
                  <a href={p.googleCalendarUrl} id="google-calendar" rel="noopener">
                    {t(L, "google_calendar")}
                  </a>
                </>
              ) : null}
            </p>
          ) : null}
        </section>
        {p.shareUrl ? (
          <section class="card">
            <h2>{t(L, "share_title")}</h2>
            <p>{t(L, "share_text")}</p>
            <p class="share" id="share-link">
              {p.shareUrl}
            </p>
          </section>
        ) : null}
      </main>
    </Layout>
  );
}
