// GET /p/{slug}/calendar.ics: the next session of a course as a calendar file.
import type { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { findPublishedAsset, upcomingSession } from "../../services/assets/find-asset";
import { buildIcs } from "../../domain/ics";
import { publicOrigin } from "../../http/context";
import { notFoundPage } from "./notices";

export function registerCalendar(app: Hono<AppEnv>) {
  app.get("/p/:slug/calendar.ics", async (c) => {
    const db = c.get("db");
    const asset = await findPublishedAsset(db, c.req.param("slug"));
    const session =
      asset?.kind === "course" ? await upcomingSession(db, asset.id, c.get("now")) : null;
    if (!asset || !session) return notFoundPage(c);
    const origin = publicOrigin(c.get("config").PUBLIC_BASE_URL, c.req.url);
    const ics = buildIcs({
      uid: `session-${session.id}@lodestone`,
      startsAt: session.startsAt,
      durationMinutes: session.durationMinutes,
      title: asset.title,
      description: asset.summary,
      url: `${origin}/p/${asset.slug}`,
      now: c.get("now"),
    });
    return c.body(ics, 200, {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${asset.slug}.ics"`,
    });
  });
}
