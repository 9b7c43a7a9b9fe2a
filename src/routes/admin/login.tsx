/** @jsxImportSource hono/jsx */
// GET/POST /admin/login and POST /admin/logout: a token becomes a session cookie; logout ends it.
import type { Context, Hono } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../../http/app-env";
import type { Locale } from "../../db/schema";
import { hasScope, resolveToken } from "../../http/auth";
import { clientLimitKey } from "../../http/context";
import {
  createSession,
  endSession,
  SESSION_COOKIE,
  SESSION_TTL_MS,
  setSessionLocale,
} from "../../services/access/sessions";
import { requireAdmin, safeNext } from "../../http/admin-guard";
import { LoginPage } from "../../../templates/admin/pages/login";
import { at } from "../../../templates/admin/messages";
import { readAdminForm } from "../../http/admin-form";

/** The dashboard language: an explicit choice, else the browser's preference. */
function pickLocale(c: Context<AppEnv>, explicit?: string | null): Locale {
  if (explicit === "zh-CN" || explicit === "en") return explicit;
  return /^zh\b/i.test(c.req.header("accept-language") ?? "") ? "zh-CN" : "en";
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
    const { success } = await c.env.GATE_LIMITER.limit({
      key: clientLimitKey(c, "admin-login"),
    });
    if (!success)
      return c.html(<LoginPage locale={L} next={next} error={at(L, "login_rate_limited")} />, 429);
    const principal =
      typeof body.token === "string" ? await resolveToken(c, body.token.trim()) : null;
    if (!principal || !hasScope(principal, ["marketing"]))
      return c.html(<LoginPage locale={L} next={next} error={at(L, "login_failed")} />, 401);
    const { secret } = await createSession(c.get("db"), { ...principal, locale: L }, c.get("now"));
    setCookie(c, SESSION_COOKIE, secret, {
      path: "/admin",
      httpOnly: true,
      secure: true,
      sameSite: "Lax",
      maxAge: SESSION_TTL_MS / 1000,
    });
    return c.redirect(next, 303);
  });

  app.post("/logout", requireAdmin, async (c) => {
    await readAdminForm(c);
    await endSession(c.get("db"), c.get("admin").idHash);
    deleteCookie(c, SESSION_COOKIE, { path: "/admin", secure: true });
    return c.redirect("/admin/login", 303);
  });

  app.post("/locale", requireAdmin, async (c) => {
    const { fields } = await readAdminForm(c);
    await setSessionLocale(c.get("db"), c.get("admin").idHash, pickLocale(c, fields.locale));
    return c.redirect(safeNext(fields.next), 303);
  });
}
