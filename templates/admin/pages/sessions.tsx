/** @jsxImportSource hono/jsx */
// A course's sessions: schedule, move, cancel, see who registered, and import who attended.
import type { Asset, Locale } from "../../../src/db/schema";
import type { SessionWithCount } from "../../../src/services/sessions/manage-sessions";
import { AdminLayout, Csrf, allows, type AdminChrome } from "../layout";
import { at, type AdminKey } from "../messages";
import { formatSessionTime } from "../../pages/format";

/** The wall-clock "YYYY-MM-DDTHH:mm" of an instant in a zone, for a datetime-local input. */
function localInput(ms: number, timeZone: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    })
      .formatToParts(new Date(ms))
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

function SessionFields(p: { L: Locale; zone: string; s?: SessionWithCount }) {
  const { L, s } = p;
  const id = (f: string) => `${f}-${s?.id ?? "new"}`;
  return (
    <div class="row" style="flex-wrap:wrap;align-items:flex-end">
      <label for={id("starts_at")}>
        {at(L, "session_starts")}
        <input
          id={id("starts_at")}
          name="starts_at"
          type="datetime-local"
          required
          value={s ? localInput(s.startsAt, s.timezone) : ""}
        />
      </label>
      <label for={id("time_zone")}>
        {at(L, "session_zone")}
        <input id={id("time_zone")} name="time_zone" required value={s?.timezone ?? p.zone} />
      </label>
      <label for={id("duration")}>
        {at(L, "session_duration")}
        <input
          id={id("duration")}
          name="duration_minutes"
          type="number"
          min="5"
          max="1440"
          value={String(s?.durationMinutes ?? 60)}
        />
      </label>
      <label for={id("capacity")}>
        {at(L, "session_capacity")}
        <input
          id={id("capacity")}
          name="capacity"
          type="number"
          min="1"
          value={s?.capacity == null ? "" : String(s.capacity)}
        />
      </label>
      <label for={id("join_url")}>
        {at(L, "session_join")}
        <input id={id("join_url")} name="join_url" type="url" required value={s?.joinUrl ?? ""} />
      </label>
    </div>
  );
}

export function SessionsPage(p: {
  locale: Locale;
  csrf: string;
  chrome?: AdminChrome;
  asset: Asset;
  sessions: SessionWithCount[];
  now: number;
  error?: string;
  notice?: string;
}) {
  const L = p.locale;
  const a = p.asset;
  const write = allows(p.chrome, "assets.write");
  const base = `/admin/assets/${a.id}/sessions`;
  return (
    <AdminLayout
      locale={L}
      title={at(L, "sessions_title")}
      path="/admin/assets"
      csrf={p.csrf}
      chrome={p.chrome}
    >
      <h1>{at(L, "sessions_of", { title: a.title })}</h1>
      <p>
        <a href={`/admin/assets/${a.id}`}>← {a.title}</a>
      </p>
      {p.error ? (
        <p class="alert" role="alert">
          {p.error}
        </p>
      ) : null}
      {p.notice ? (
        <p class="ok" role="status">
          {p.notice}
        </p>
      ) : null}
      {p.sessions.length ? null : <p class="muted">{at(L, "sessions_empty")}</p>}
      {p.sessions.map((s) => (
        <section class="card session" id={`session-${s.id}`}>
          <h2>{formatSessionTime(s.startsAt, s.timezone, L)}</h2>
          <p>
            <span class={`pill ${s.status}`}>
              {at(L, `session_status_${s.status}` as AdminKey)}
            </span>{" "}
            {at(L, "session_registered")}: <strong class="registered">{s.registered}</strong> /{" "}
            {s.capacity ?? at(L, "session_unlimited")}
            {s.attended || s.noShows ? (
              <span class="muted">
                {" · "}
                {at(L, "session_attended_count", {
                  attended: s.attended ?? 0,
                  no_shows: s.noShows ?? 0,
                })}
              </span>
            ) : null}
          </p>
          {write && s.status === "scheduled" && s.startsAt > p.now ? (
            <>
              <form method="post" action={`${base}/${s.id}`}>
                <Csrf token={p.csrf} />
                <SessionFields L={L} zone={s.timezone} s={s} />
                <p class="muted">{at(L, "session_move_help")}</p>
                <button type="submit">{at(L, "session_save")}</button>
              </form>
              <form method="post" action={`${base}/${s.id}/cancel`}>
                <Csrf token={p.csrf} />
                <p class="muted">{at(L, "session_cancel_help")}</p>
                <button type="submit" class="secondary">
                  {at(L, "session_cancel")}
                </button>
              </form>
            </>
          ) : null}
          {write && s.startsAt <= p.now && s.status === "scheduled" ? (
            <form method="post" action={`${base}/${s.id}/attendance`} enctype="multipart/form-data">
              <Csrf token={p.csrf} />
              <label for={`file-${s.id}`}>{at(L, "session_attendance_upload")}</label>
              <input id={`file-${s.id}`} name="file" type="file" accept=".csv,text/csv" required />
              <button type="submit">{at(L, "session_attendance_import")}</button>
            </form>
          ) : null}
        </section>
      ))}
      {write ? (
        <section class="card">
          <h2>{at(L, "sessions_add")}</h2>
          <form method="post" action={base} id="add-session">
            <Csrf token={p.csrf} />
            <SessionFields L={L} zone={a.timezone} />
            <button type="submit">{at(L, "sessions_add")}</button>
          </form>
        </section>
      ) : null}
    </AdminLayout>
  );
}
