/** @jsxImportSource hono/jsx */
// GET /d/{token}: streams the asset's file from R2 (or opens the course room, or a link asset's URL) for a valid, unexpired link.
import type { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { requestSignals } from "../../http/request-signals";
import { verifyLink } from "../../domain/signed-link";
import { DOWNLOADABLE_STATUSES } from "../../domain/vocabulary";
import { findAssetById, upcomingSession } from "../../services/assets/find-asset";
import { findSession } from "../../services/sessions/public-session";
import { recordDownload } from "../../services/capture/record-download";
import type { DownloadClaims } from "../../domain/lead-links";
import { NoticePage } from "../../../templates/pages/notice";
import { t } from "../../../templates/i18n";
import { notFoundPage, invalidLinkPage } from "./notices";
import { cleanWebUrl } from "../../domain/header-value";
import { deliveryOf } from "../../domain/asset-lifecycle";

function isSessionLive(
  session: { startsAt: number; durationMinutes: number },
  now: number,
): boolean {
  return (
    now >= session.startsAt - 30 * 60_000 &&
    now <= session.startsAt + session.durationMinutes * 60_000
  );
}

/** RFC 6266 / 5987: an ASCII fallback and the exact UTF-8 name. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function registerDownload(app: Hono<AppEnv>) {
  app.get("/d/:token", async (c) => {
    const db = c.get("db");
    const now = c.get("now");
    const verified = await verifyLink<DownloadClaims>(
      c.get("config").SIGNING_SECRET,
      "download",
      c.req.param("token"),
      now,
    );
    if (!verified.ok && verified.reason === "tampered") {
      return invalidLinkPage(c);
    }
    const claims = verified.payload!;
    const asset = await findAssetById(db, claims.a);
    if (!asset) return notFoundPage(c);
    const L = asset.locale;
    // A link outlives its asset's release: a draft or archived asset serves nothing, however valid the link.
    if (!DOWNLOADABLE_STATUSES.includes(asset.status))
      return c.html(
        <NoticePage locale={L} title={t(L, "withdrawn_title")} text={t(L, "withdrawn_text")} />,
        410,
      );
    if (!verified.ok) {
      return c.html(
        <NoticePage
          locale={L}
          title={t(L, "expired_title")}
          text={t(L, "expired_text")}
          action={{ href: `/p/${asset.slug}`, label: t(L, "get_fresh") }}
        />,
        410,
      );
    }

    let answer: Response;
    let eventType: "downloaded" | "session_joined" = "downloaded";
    const delivery = deliveryOf(asset.kind);
    if (delivery === "link") {
      // A link asset: the gate's signed link is the only way to its URL (https, checked when saved and here).
      const target = asset.linkUrl ? cleanWebUrl(asset.linkUrl) : null;
      if (!target?.startsWith("https://")) return notFoundPage(c, L);
      answer = c.redirect(target, 302);
      answer.headers.set("Referrer-Policy", "no-referrer");
      answer.headers.set("Cache-Control", "private, no-store");
    } else if (delivery === "session") {
      // A registrant's link names their session (and lives until it ends plus the grace); older links the next one.
      const session = claims.s
        ? await findSession(db, asset.id, claims.s)
        : await upcomingSession(db, asset.id, now);
      if (session?.status === "cancelled")
        return c.html(
          <NoticePage locale={L} title={t(L, "withdrawn_title")} text={t(L, "withdrawn_text")} />,
          410,
        );
      const stored = session?.joinUrl ?? asset.roomUrl;
      const room = stored ? cleanWebUrl(stored) : null;
      if (!room) return notFoundPage(c, L);
      // Opening the room while the session runs (from 30 minutes before) is joining it.
      if (session && isSessionLive(session, now)) eventType = "session_joined";
      answer = c.redirect(room, 302);
    } else {
      const object = asset.fileKey ? await c.env.FILES.get(asset.fileKey) : null;
      if (!object) return notFoundPage(c, L);
      const headers = new Headers({
        "Content-Type":
          asset.fileType ?? object.httpMetadata?.contentType ?? "application/octet-stream",
        "Content-Disposition": contentDisposition(
          asset.fileName ?? asset.fileKey!.split("/").pop()!,
        ),
        "Content-Length": String(object.size),
        "Cache-Control": "private, no-store",
        ETag: object.httpEtag,
      });
      answer = new Response(object.body, { headers });
    }
    await recordDownload(db, c.env.JOBS, claims.l, asset, eventType, requestSignals(c), now);
    return answer;
  });
}
