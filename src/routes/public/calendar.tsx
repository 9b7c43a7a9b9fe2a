/** @jsxImportSource hono/jsx */
// GET /p/{slug}/calendar.ics: a course session as a calendar file. `?t=` a registrant's own (signed), `?session=` one
// session, neither the next session.
import type { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { findPublishedAsset } from "../../services/assets/find-asset";
import { publicCalendar, registrantCalendar } from "../../services/sessions/calendar-file";
import { publicOrigin } from "../../http/context";
import { invalidLinkPage, notFoundPage } from "./notices";
import { NoticePage } from "../../../templates/pages/notice";
import { t } from "../../../templates/i18n";

export function registerCalendar(app: Hono<AppEnv>) {
  app.get("/p/:slug/calendar.ics", async (c) => {
    const db = c.get("db");
    const asset = await findPublishedAsset(db, c.req.param("slug"));
    if (asset?.kind !== "course") return notFoundPage(c);
    const config = c.get("config");
    const origin = publicOrigin(config.PUBLIC_BASE_URL, c.req.url);
    const token = c.req.query("t");
    const sessionParam = c.req.query("session");
    const sessionId = sessionParam && /^\d{1,12}$/.test(sessionParam) ? Number(sessionParam) : null;
    if (sessionParam !== undefined && sessionId === null) return notFoundPage(c, asset.locale);
    const answer = token
      ? await registrantCalendar(db, config, asset, origin, token, c.get("now"))
      : await publicCalendar(db, asset, origin, sessionId, c.get("now"));
    const L = asset.locale;
    if (!answer.ok && answer.status === 410)
      return c.html(
        <NoticePage locale={L} title={t(L, "expired_title")} text={t(L, "expired_text")} />,
        410,
      );
    if (!answer.ok) return answer.status === 404 ? notFoundPage(c, L) : invalidLinkPage(c, 403, L);
    if (token) c.header("Cache-Control", "private, no-store");
    return c.body(answer.ics, 200, {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${answer.name}"`,
    });
  });
}
