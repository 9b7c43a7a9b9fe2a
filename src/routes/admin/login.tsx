/** @jsxImportSource hono/jsx */
// GET /admin/login (email for a link, or a token), POST /admin/login (a token becomes a session), logout, language.
import type { Context, Hono } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../../http/app-env";
import type { Locale } from "../../db/schema";
import { resolveToken } from "../../http/auth";
import { clientLimitKey } from "../../http/context";
import {
  createSession,
  endSession,
  SESSION_COOKIE,
  SESSION_TTL_MS,
  setSessionLocale,
  type SessionOrigin,
} from "../../services/access/sessions";
import { safeNext } from "../../http/admin-guard";
import { noChange } from "../../http/audit";
import { landingPath } from "../../domain/dashboard-access";
import { permissionsOfScopes } from "../../domain/permissions";
import { LoginPage } from "../../../templates/admin/pages/login";
import { at } from "../../../templates/admin/messages";
import { readAdminForm } from "../../http/admin-form";

/** The dashboard language: an explicit choice, else the browser's preference. */
export function pickLocale(c: Context<AppEnv>, explicit?: string | null): Locale {
  if (explicit === "zh-CN" || explicit === "en") return explicit;
  return /^zh\b/i.test(c.req.header("accept-language") ?? "") ? "zh-CN" : "en";
}

/** Creates the session and sets its cookie (HttpOnly, Secure, SameSite=Lax, 8 hours). */
export async function startSession(c: Context<AppEnv>, origin: SessionOrigin, locale: Locale) {
  const { secret } = await createSession(c.get("db"), { ...origin, locale }, c.get("now"));
  setCookie(c, SESSION_COOKIE, secret, {
    path: "/admin",
    httpOnly: true,
    secure: true,
    sameSite: "Lax",
    maxAge: SESSION_TTL_MS / 1000,
  });
}

/** The per-IP limit on every sign-in attempt (tokens and links alike). */
export async function signInAllowed(c: Context<AppEnv>): Promise<boolean> {
  const { success } = await c.env.GATE_LIMITER.limit({ key: clientLimitKey(c, "admin-login") });
  return success;
}

export function registerLogin(app: Hono<AppEnv>) {
  app.get("/login", (c) => {
    c.header("Cache-Control", "no-store");
    return c.html(
      <LoginPage
        locale={pickLocale(c, c.req.query("lang"))}
        next={safeNext(c.req.query("next"))}
      />,
    );
  });

  app.post("/login", async (c) => {
    const body = await c.req.parseBody();
    const L = pickLocale(c, typeof body.locale === "string" ? body.locale : null);
    const next = safeNext(typeof body.next === "string" ? body.next : undefined);
    if (!(await signInAllowed(c)))
      return c.html(
        <LoginPage locale={L} next={next} token error={at(L, "login_rate_limited")} />,
        429,
      );
    const principal =
      typeof body.token === "string" ? await resolveToken(c, body.token.trim()) : null;
    if (!principal)
      return c.html(<LoginPage locale={L} next={next} token error={at(L, "login_failed")} />, 401);
    await startSession(c, { tokenId: principal.tokenId, scopes: principal.scopes }, L);
    return c.redirect(landingPath(next, permissionsOfScopes(principal.scopes)), 303);
  });

  app.post("/logout", async (c) => {
    await readAdminForm(c);
    await endSession(c.get("db"), c.get("admin").idHash);
    noChange(c);
    deleteCookie(c, SESSION_COOKIE, { path: "/admin", secure: true });
    return c.redirect("/admin/login", 303);
  });

  app.post("/locale", async (c) => {
    const { fields } = await readAdminForm(c);
    await setSessionLocale(c.get("db"), c.get("admin").idHash, pickLocale(c, fields.locale));
    noChange(c);
    return c.redirect(safeNext(fields.next), 303);
  });
}
