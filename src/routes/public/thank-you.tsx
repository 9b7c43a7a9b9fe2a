/** @jsxImportSource hono/jsx */
// GET /p/{slug}/thanks?t=…: the thank-you page a browser lands on after the gate (Post/Redirect/Get). Reading it records
// nothing, so a reload shows the same page again; the signed `t` says whose links it shows and cannot be altered.
import type { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { brandOf, loadSettings } from "../../services/settings/settings";
import { findPublishedAsset, upcomingSession } from "../../services/assets/find-asset";
import { findSession } from "../../services/sessions/public-session";
import { registrantLinks } from "../../domain/registrant-links";
import { downloadUrl, shareUrl, verifyThanks } from "../../domain/lead-links";
import { publicOrigin } from "../../http/context";
import { ThankYouPage } from "../../../templates/pages/thank-you";
import { NoticePage } from "../../../templates/pages/notice";
import { t } from "../../../templates/i18n";
import { invalidLinkPage, notFoundPage } from "./notices";

export function registerThankYou(app: Hono<AppEnv>) {
  app.get("/p/:slug/thanks", async (c) => {
    const db = c.get("db");
    const now = c.get("now");
    const config = c.get("config");
    const asset = await findPublishedAsset(db, c.req.param("slug"));
    if (!asset) return notFoundPage(c);
    const L = asset.locale;
    // The lead's own links: never cached by a browser or proxy, never indexed.
    c.header("Cache-Control", "private, no-store");
    c.header("X-Robots-Tag", "noindex");
    const verified = await verifyThanks(config.SIGNING_SECRET, c.req.query("t") ?? "", now);
    // A token for another asset is as good as a forged one: this page only shows its own asset's links.
    const back = { href: `/p/${asset.slug}`, label: t(L, "get_fresh") };
    if (!verified.payload || verified.payload.a !== asset.id)
      return invalidLinkPage(c, 403, L, back);
    if (!verified.ok)
      return c.html(
        <NoticePage
          locale={L}
          title={t(L, "expired_title")}
          text={t(L, "expired_text")}
          action={back}
        />,
        410,
      );
    const claims = verified.payload;
    const origin = publicOrigin(config.PUBLIC_BASE_URL, c.req.url);
    // The session picked at the gate (pages signed before sessions were picked show the next one).
    const session =
      asset.kind !== "course"
        ? null
        : claims.s
          ? await findSession(db, asset.id, claims.s)
          : await upcomingSession(db, asset.id, now);
    const lead = claims.l;
    const mine =
      session && lead !== null && claims.s
        ? await registrantLinks(origin, config.SIGNING_SECRET, asset, session, lead)
        : null;
    return c.html(
      <ThankYouPage
        asset={asset}
        session={session}
        // Signed from the submission's time (or to the session's end), so every reload shows the same link.
        downloadUrl={
          lead === null
            ? null
            : (mine?.event.joinUrl ??
              (await downloadUrl(
                origin,
                config.SIGNING_SECRET,
                { l: lead, a: asset.id },
                claims.at * 1000,
              )))
        }
        shareUrl={lead !== null && claims.r ? shareUrl(origin, claims.r, asset.slug) : null}
        brand={brandOf(await loadSettings(db, now), "")}
        calendarUrl={
          mine?.calendar.icsUrl ??
          (session ? `${origin}/p/${asset.slug}/calendar.ics?session=${session.id}` : null)
        }
        googleCalendarUrl={mine?.calendar.googleUrl ?? null}
        linkLastsForSession={mine !== null}
      />,
      200,
    );
  });
}
