/** @jsxImportSource hono/jsx */
// A course session's time: in the session's zone as text, and (with JavaScript) in the visitor's own.
import type { CourseSession, Locale } from "../../src/db/schema";
import { t } from "../i18n";
import { formatSessionTime } from "./format";
import { LOCAL_TIME_SCRIPT_PATH } from "./scripts/local-time";

export function SessionTime(p: { session: CourseSession; locale: Locale }) {
  const L = p.locale;
  const iso = new Date(p.session.startsAt).toISOString();
  return (
    <p class="session-time">
      <strong>{t(L, "session_at")}:</strong>{" "}
      <time datetime={iso} data-zone={p.session.timezone}>
        {formatSessionTime(p.session.startsAt, p.session.timezone, L)}
      </time>
      <span
        class="local-time"
        data-local-time={iso}
        data-zone={p.session.timezone}
        data-locale={L}
        data-label={t(L, "your_time")}
        hidden
      />
      <script src={LOCAL_TIME_SCRIPT_PATH} defer />
    </p>
  );
}
