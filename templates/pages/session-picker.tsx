/** @jsxImportSource hono/jsx */
// The course gate's session choice: one radio per upcoming session, in the session's zone and the visitor's own.
import type { Locale } from "../../src/db/schema";
import { t } from "../i18n";
import { formatSessionTime } from "./format";
import { LOCAL_TIME_SCRIPT_PATH } from "./scripts/local-time";

export interface SessionOption {
  id: number;
  startsAt: number;
  timezone: string;
  /** Seats still free; null is unlimited. */
  seatsLeft: number | null;
}

export function SessionPicker(p: {
  locale: Locale;
  sessions: SessionOption[];
  chosen: string | undefined;
  errors?: string[];
}) {
  const L = p.locale;
  if (!p.sessions.length)
    return (
      <p class="alert" id="no-sessions">
        {t(L, "no_sessions")}
      </p>
    );
  const open = p.sessions.filter((s) => s.seatsLeft !== 0);
  // The first open session is picked for the visitor unless they chose (or must re-choose) another.
  const chosen = p.chosen ?? String(open[0]?.id ?? "");
  return (
    <fieldset
      class="sessions"
      id="session"
      {...(p.errors?.length ? { "aria-invalid": "true", "aria-describedby": "session-error" } : {})}
    >
      <legend>{t(L, "pick_session")}</legend>
      {p.sessions.map((s) => {
        const iso = new Date(s.startsAt).toISOString();
        const full = s.seatsLeft === 0;
        return (
          <label class={full ? "session-option full" : "session-option"}>
            <input
              type="radio"
              name="session"
              value={String(s.id)}
              checked={!full && chosen === String(s.id)}
              disabled={full}
              required
            />{" "}
            <time datetime={iso} data-zone={s.timezone}>
              {formatSessionTime(s.startsAt, s.timezone, L)}
            </time>
            <span
              class="local-time"
              data-local-time={iso}
              data-zone={s.timezone}
              data-locale={L}
              data-label={t(L, "your_time")}
              hidden
            />
            {full ? (
              <strong class="muted"> · {t(L, "session_full")}</strong>
            ) : s.seatsLeft !== null ? (
              <span class="muted">
                {" "}
                · {s.seatsLeft} {t(L, "seats_left")}
              </span>
            ) : null}
          </label>
        );
      })}
      {p.errors?.length ? (
        <p class="field-error" id="session-error">
          {p.errors.join(" ")}
        </p>
      ) : null}
      <script src={LOCAL_TIME_SCRIPT_PATH} defer />
    </fieldset>
  );
}
