/** @jsxImportSource hono/jsx */
// /admin/assets/{id}/sessions: a course's sessions (schedule, move, cancel) and their attendance import.
import type { Context, Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { chromeOf } from "../../http/admin-guard";
import { AppError, fieldErrorsOf } from "../../errors";
import { audit } from "../../http/audit";
import { attendanceRecord, sessionRecord } from "../../http/audit-records";
import { readAdminForm } from "../../http/admin-form";
import { largeBody } from "../../http/body-limits";
import {
  courseAsset,
  createSession,
  listSessions,
  removeSession,
  updateSession,
} from "../../services/sessions/manage-sessions";
import { importAttendance } from "../../services/sessions/attendance";
import type { SessionInput } from "../../services/sessions/session-input";
import { SessionsPage } from "../../../templates/admin/pages/sessions";
import { at, type AdminKey } from "../../../templates/admin/messages";

const ids = (c: Context<AppEnv>) => ({
  id: Number(c.req.param("id")),
  sid: Number(c.req.param("sid")),
});

/** The form's strings as the API's input: blank capacity is unlimited, numbers are numbers. */
function inputOf(f: Record<string, string>): SessionInput {
  const int = (v: string | undefined) => (v && /^\d{1,7}$/.test(v.trim()) ? Number(v) : undefined);
  return {
    starts_at: f.starts_at?.trim() || undefined,
    time_zone: f.time_zone?.trim() || null,
    duration_minutes: int(f.duration_minutes),
    join_url: f.join_url?.trim() || undefined,
    capacity: f.capacity?.trim() ? (int(f.capacity) ?? 0) : null,
  };
}

/** The page, with what just happened (or what was wrong) said at the top. */
async function page(
  c: Context<AppEnv>,
  assetId: number,
  say: { error?: string; notice?: string } = {},
) {
  const db = c.get("db");
  const asset = await courseAsset(db, assetId);
  const s = c.get("admin");
  return c.html(
    <SessionsPage
      locale={s.locale}
      csrf={s.csrf}
      chrome={chromeOf(s)}
      asset={asset}
      sessions={await listSessions(db, assetId)}
      now={c.get("now")}
      {...say}
    />,
    say.error ? 400 : 200,
  );
}

/** A refused change re-renders the page with the problem in words; anything else is the usual error page. */
async function orSay(c: Context<AppEnv>, assetId: number, work: () => Promise<Response>) {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof AppError) || !["BAD_REQUEST", "CONFLICT"].includes(err.code)) throw err;
    const fields = fieldErrorsOf(err);
    const words = fields
      ? Object.entries(fields)
          .map(([k, v]) => `${k}: ${v.join(" ")}`)
          .join("; ")
      : err.message;
    return page(c, assetId, { error: words });
  }
}

export function registerSessionsPage(app: Hono<AppEnv>) {
  app.get("/assets/:id{[0-9]+}/sessions", (c) => page(c, ids(c).id));

  app.post("/assets/:id{[0-9]+}/sessions", async (c) => {
    const { id } = ids(c);
    const { fields } = await readAdminForm(c);
    return orSay(c, id, async () => {
      const row = await createSession(c.get("db"), id, inputOf(fields), c.get("now"));
      await audit(c, {
        action: "course_session.create",
        subject: { type: "course_session", id: row.id },
        before: null,
        after: sessionRecord(row),
      });
      return c.redirect(`/admin/assets/${id}/sessions#session-${row.id}`, 303);
    });
  });

  app.post("/assets/:id{[0-9]+}/sessions/:sid{[0-9]+}", async (c) => {
    const { id, sid } = ids(c);
    const { fields } = await readAdminForm(c);
    return orSay(c, id, async () => {
      const deps = { db: c.get("db"), jobs: c.env.JOBS };
      const { before, after } = await updateSession(deps, id, sid, inputOf(fields), c.get("now"));
      await audit(c, {
        action: "course_session.update",
        subject: { type: "course_session", id: sid },
        before: sessionRecord(before),
        after: sessionRecord(after),
      });
      return c.redirect(`/admin/assets/${id}/sessions#session-${sid}`, 303);
    });
  });

  app.post("/assets/:id{[0-9]+}/sessions/:sid{[0-9]+}/cancel", async (c) => {
    const { id, sid } = ids(c);
    await readAdminForm(c);
    const deps = { db: c.get("db"), jobs: c.env.JOBS };
    const { before, after } = await removeSession(deps, id, sid, c.get("now"));
    await audit(c, {
      action: after ? "course_session.cancel" : "course_session.delete",
      subject: { type: "course_session", id: sid },
      before: sessionRecord(before),
      after: after ? sessionRecord(after) : null,
    });
    return c.redirect(`/admin/assets/${id}/sessions`, 303);
  });

  // The dashboard's session is checked first (routes/admin/index.tsx), then the file is counted.
  app.post("/assets/:id{[0-9]+}/sessions/:sid{[0-9]+}/attendance", largeBody, async (c) => {
    const { id, sid } = ids(c);
    const { files } = await readAdminForm(c);
    return orSay(c, id, async () => {
      const file = files.file;
      const bytes = file ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
      const deps = { db: c.get("db"), jobs: c.env.JOBS };
      const report = await importAttendance(deps, id, sid, bytes, c.get("now"));
      await audit(c, {
        action: "course_session.attendance_import",
        subject: { type: "course_session", id: sid },
        before: null,
        after: attendanceRecord(report),
      });
      const L = c.get("admin").locale;
      return page(c, id, {
        notice: at(L, "session_attendance_result", {
          format: at(L, `attendance_format_${report.format}` as AdminKey),
          attended: report.attended,
          no_shows: report.no_shows,
          unmatched: report.unmatched.length,
        }),
      });
    });
  });
}
