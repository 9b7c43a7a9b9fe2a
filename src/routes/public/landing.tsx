/** @jsxImportSource hono/jsx */
// GET /p/{slug}: the landing page. The view is counted through the queue, off the critical path.
import type { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { findPublishedAsset } from "../../services/assets/find-asset";
import { openSessions, sessionOptions } from "../../services/sessions/registration";
import { deriveChannel, referrerHost } from "../../domain/channel";
import { utcDay } from "../../domain/calendar-day";
import { UTM_FIELDS, GATE_CHOICES } from "../../domain/gate-form";
import { LandingPage } from "../../../templates/pages/landing";
import { notFoundPage } from "./notices";
import { brandOf, loadSettings } from "../../services/settings/settings";
import { coverPath } from "../../services/assets/asset-files";
import { consentShown } from "../../services/consent/consent-shown";
import { requestCountry } from "../../http/context";
import { clickIdsOfUrl } from "../../domain/click-ids";

/** Attribution carried from the landing URL and Referer into the form's hidden fields. */
function attributionValues(url: URL, referer: string | null): Record<string, string> {
  const values: Record<string, string> = {};
  for (const f of [...UTM_FIELDS, "ref"]) {
    const v = url.searchParams.get(f);
    if (v) values[f] = v.slice(0, 200);
  }
  // Ad platforms' click ids travel in hidden fields like the UTMs; an invalid one is not carried at all.
  Object.assign(values, clickIdsOfUrl(url));
  values.landing_url = url.toString().slice(0, 2048);
  const host = referrerHost(referer, url.hostname);
  if (host && referer) values.referrer = referer.slice(0, 2048);
  return values;
}

export function registerLanding(app: Hono<AppEnv>) {
  app.get("/p/:slug", async (c) => {
    const db = c.get("db");
    const asset = await findPublishedAsset(db, c.req.param("slug"));
    if (!asset) return notFoundPage(c);
    const url = new URL(c.req.url);
    const referer = c.req.header("referer") ?? null;
    const values = attributionValues(url, referer);
    const channel = deriveChannel({
      utmSource: values.utm_source,
      utmMedium: values.utm_medium,
      referrerHost: referrerHost(referer, url.hostname),
      referred: Boolean(values.ref),
    });
    const view = {
      type: "view" as const,
      assetId: asset.id,
      day: utcDay(c.get("now")),
      channel,
      campaign: values.utm_campaign ?? "",
    };
    c.executionCtx.waitUntil(c.env.JOBS.send(view));
    // A course reads its open sessions fresh (seats change with every sign-up): one indexed read.
    const sessions =
      asset.kind === "course" ? await openSessions(db, asset.id, c.get("now")) : null;
    // The consent box depends on the visitor's country (their law), so the page is never shared by a cache.
    const settings = await loadSettings(db, c.get("now"));
    const consent = await consentShown(asset, settings, requestCountry(c.req.raw));
    c.header("Cache-Control", "no-store");
    return c.html(
      <LandingPage
        choices={GATE_CHOICES}
        consent={consent.copy}
        asset={asset}
        brand={brandOf(settings, "")}
        coverUrl={coverPath(asset)}
        session={sessions?.[0] ?? null}
        sessions={sessions ? sessionOptions(sessions) : undefined}
        canonical={`${url.origin}/p/${asset.slug}`}
        values={values}
        turnstileSiteKey={
          c.get("config").TURNSTILE_SECRET ? c.get("config").TURNSTILE_SITE_KEY : undefined
        }
      />,
    );
  });
}
