/** @jsxImportSource hono/jsx */
// The thank-you page: the download (or course room), the session time and calendar file, the share link.
import { Layout } from "./layout";
import { t } from "../i18n";
import type { Asset, CourseSession } from "../../src/db/schema";
import { SessionTime } from "./session-time";

interface ThankYouProps {
  asset: Asset;
  session: CourseSession | null;
  downloadUrl: string | null;
  shareUrl: string | null;
  calendarUrl: string | null;
  googleCalendarUrl?: string | null;
  /** The room link lives until a week after the session, not 7 days from now. */
  linkLastsForSession?: boolean;
}

export function ThankYouPage(p: ThankYouProps) {
  const L = p.asset.locale;
  const course = p.asset.kind === "course";
  return (
    <Layout locale={L} title={`${t(L, "thanks_title")} · ${p.asset.title}`}>
      <main>
        <section class="card" aria-live="polite">
          <h1>{t(L, "thanks_title")}</h1>
          <p>{t(L, course ? "thanks_course" : "thanks_whitepaper")}</p>
          <h2>{p.asset.title}</h2>
          {p.session ? <SessionTime session={p.session} locale={L} /> : null}
          {p.downloadUrl ? (
            <p>
              <a class="button" id="download" href={p.downloadUrl}>
                {t(L, course ? "join_room" : "download")}
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
