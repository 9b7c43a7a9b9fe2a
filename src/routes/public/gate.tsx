/** @jsxImportSource hono/jsx */
// POST /p/{slug}: the gate. Form posts get a 303 to the thank-you page (errors re-render the form); JSON clients get JSON.
import type { Context, Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { AppError } from "../../errors";
import type { Asset } from "../../db/schema";
import { findPublishedAsset } from "../../services/assets/find-asset";
import {
  openSessions,
  pickSession,
  registerForSession,
  sessionOptions,
  type SessionWithCount,
} from "../../services/sessions/registration";
import { registrantLinks } from "../../domain/registrant-links";
import { parseGate, GATE_CHOICES } from "../../domain/gate-form";
import { captureLead } from "../../services/capture/capture-lead";
import { downloadUrl, sessionLinkExpiry, shareUrl, thanksPath } from "../../domain/lead-links";
import { verifyTurnstile } from "../../services/capture/turnstile";
import { afterCapture } from "../../services/capture/after-capture";
import { clientIp, clientLimitKey, publicOrigin, requestCountry } from "../../http/context";
import { brandOf, loadSettings } from "../../services/settings/settings";
import { coverPath } from "../../services/assets/asset-files";
import { consentShown } from "../../services/consent/consent-shown";
import { LandingPage } from "../../../templates/pages/landing";
import { NoticePage } from "../../../templates/pages/notice";
import { t } from "../../../templates/i18n";
import { notFoundPage } from "./notices";
import { readClickIds } from "../../domain/click-ids";

/** An API client: it sends JSON, or asks for JSON rather than a page. Browsers get pages and redirects. */
function wantsJson(c: Context<AppEnv>): boolean {
  if ((c.req.header("content-type") ?? "").toLowerCase().startsWith("application/json"))
    return true;
  const accept = (c.req.header("accept") ?? "").toLowerCase();
  return accept.includes("application/json") && !accept.includes("text/html");
}

async function readBody(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  if (type.startsWith("application/json")) {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new AppError("BAD_REQUEST", "The body is not valid JSON");
    }
    if (!body || typeof body !== "object" || Array.isArray(body))
      throw new AppError("BAD_REQUEST", "The body must be a JSON object");
    return body as Record<string, unknown>;
  }
  if (
    type.startsWith("application/x-www-form-urlencoded") ||
    type.startsWith("multipart/form-data")
  ) {
    const body = await c.req.parseBody({ all: true });
    for (const v of Object.values(body))
      if (v instanceof File)
        throw new AppError("BAD_REQUEST", "File uploads are not accepted here");
    return body;
  }
  throw new AppError(
    "UNSUPPORTED_MEDIA_TYPE",
    "Send the form as application/x-www-form-urlencoded or application/json",
  );
}

/** The form's values echoed back on a re-render: only strings, never anything else. */
function echo(body: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(body)
      .filter(([, v]) => typeof v === "string")
      .map(([k, v]) => [k, (v as string).slice(0, 2048)]),
  );
}

/** The answer to a good submission: JSON for API clients; for a browser, 303 to the asset's thank-you page. */
async function thankYou(
  c: Context<AppEnv>,
  asset: Asset,
  lead: { id: number; referralCode: string; isNew: boolean } | null,
  session: SessionWithCount | null,
) {
  const now = c.get("now");
  const secret = c.get("config").SIGNING_SECRET;
  if (!wantsJson(c)) {
    const claims = {
      a: asset.id,
      l: lead?.id ?? null,
      r: lead?.referralCode ?? null,
      at: Math.floor(now / 1000),
      // The page of a session further out than 7 days lives as long as the session's links.
      ...(session
        ? {
            s: session.id,
            x: Math.max(sessionLinkExpiry(session), Math.floor(now / 1000) + 7 * 86400),
          }
        : {}),
    };
    // Post/Redirect/Get: a reload of the page it lands on shows it again and submits nothing.
    return c.redirect(await thanksPath(secret, asset.slug, claims), 303);
  }
  if (!lead) return c.json({ status: "received" }, 200);
  const origin = publicOrigin(c.get("config").PUBLIC_BASE_URL, c.req.url);
  const mine = session ? await registrantLinks(origin, secret, asset, session, lead.id) : null;
  return c.json(
    {
      lead_id: lead.id,
      created: lead.isNew,
      download_url:
        mine?.event.joinUrl ??
        (await downloadUrl(origin, secret, { l: lead.id, a: asset.id }, now)),
      share_url: shareUrl(origin, lead.referralCode, asset.slug),
      session_id: session?.id ?? null,
      session_starts_at: session ? new Date(session.startsAt).toISOString() : null,
      calendar_url: mine?.calendar.icsUrl ?? null,
      google_calendar_url: mine?.calendar.googleUrl ?? null,
    },
    lead.isNew ? 201 : 200,
  );
}

export function registerGate(app: Hono<AppEnv>) {
  app.post("/p/:slug", async (c) => {
    const db = c.get("db");
    const asset = await findPublishedAsset(db, c.req.param("slug"));
    if (!asset) {
      if (wantsJson(c)) throw new AppError("NOT_FOUND", "No published asset has this slug");
      return notFoundPage(c);
    }
    const ip = clientIp(c);
    const { success } = await c.env.GATE_LIMITER.limit({ key: clientLimitKey(c, "gate") });
    if (!success) {
      c.header("Retry-After", "60");
      if (wantsJson(c))
        throw new AppError(
          "RATE_LIMITED",
          "Too many submissions from this address; try again in a minute",
          { retryAfter: 60 },
        );
      return c.html(
        <NoticePage locale={asset.locale} title="429" text={t(asset.locale, "rate_limited")} />,
        429,
      );
    }

    const body = await readBody(c);
    const country = requestCountry(c.req.raw);
    const settings = await loadSettings(db, c.get("now"));
    const consent = await consentShown(asset, settings, country);
    const parsed = parseGate(body, asset.form, asset.locale, consent.mode);
    const config = c.get("config");
    let fields = parsed.ok ? null : parsed.fields;
    if (parsed.ok && parsed.value.honeypot) return thankYou(c, asset, null, null);
    // A course: the session picked (radio `session`), refused when full, past or unknown.
    const open = asset.kind === "course" ? await openSessions(db, asset.id, c.get("now")) : null;
    const pick = open
      ? await pickSession(db, open, body.session, {
          email: parsed.ok ? parsed.value.email : "",
          locale: asset.locale,
        })
      : null;
    if (
      parsed.ok &&
      config.TURNSTILE_SECRET &&
      !(await verifyTurnstile(config.TURNSTILE_SECRET, parsed.value.turnstileToken, ip))
    ) {
      fields = { _: [t(asset.locale, "turnstile_failed")] };
    }
    if (pick && !pick.ok) fields = { ...(fields ?? {}), ...pick.fields };
    if (fields || !parsed.ok) {
      if (wantsJson(c))
        throw new AppError("BAD_REQUEST", "Some fields are invalid", { details: { fields } });
      const url = new URL(c.req.url);
      return c.html(
        <LandingPage
          choices={GATE_CHOICES}
          consent={consent.copy}
          asset={asset}
          brand={brandOf(settings, "")}
          coverUrl={coverPath(asset)}
          session={open?.[0] ?? null}
          sessions={open ? sessionOptions(open) : undefined}
          canonical={`${url.origin}/p/${asset.slug}`}
          values={echo(body)}
          errors={fields ?? {}}
          turnstileSiteKey={config.TURNSTILE_SECRET ? config.TURNSTILE_SITE_KEY : undefined}
        />,
        400,
      );
    }

    const lead = await captureLead(db, asset, parsed.value, {
      now: c.get("now"),
      ip,
      country,
      ownHost: new URL(c.req.url).hostname,
      consent,
      signingSecret: config.SIGNING_SECRET,
      clickIds: readClickIds({
        fields: body,
        landingUrl: parsed.value.landingUrl,
        cookieHeader: c.req.header("cookie") ?? null,
      }),
    });
    const session = pick?.ok ? pick.session : null;
    // The seat is taken by a guarded insert (see takeSeat): a visitor who lost the last seat to a concurrent sign-up
    // is told so; the lead is kept, with no seat and no drip.
    if (session && !(await registerForSession(db, session.id, lead.leadId, c.get("now")))) {
      const refusal = { session: [t(asset.locale, "session_closed")] };
      if (wantsJson(c))
        throw new AppError("CONFLICT", "The session filled up", { details: { fields: refusal } });
      const url = new URL(c.req.url);
      return c.html(
        <LandingPage
          choices={GATE_CHOICES}
          consent={consent.copy}
          asset={asset}
          session={null}
          sessions={sessionOptions(await openSessions(db, asset.id, c.get("now")))}
          canonical={`${url.origin}/p/${asset.slug}`}
          values={echo(body)}
          errors={refusal}
        />,
        409,
      );
    }
    await afterCapture(c.env, asset, lead, c.get("now"), session?.id ?? null);
    return thankYou(
      c,
      asset,
      { id: lead.leadId, referralCode: lead.referralCode, isNew: lead.isNew },
      session,
    );
  });
}
