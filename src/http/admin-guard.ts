// Dashboard guards: a valid session cookie with the marketing scope, and a CSRF check on every form post.
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { csrf } from "hono/csrf";
import type { AppEnv } from "./app-env";
import { hasScope } from "./auth";
import { findSession, SESSION_COOKIE, type AdminSession } from "../services/access/sessions";
import { sameSecret } from "./auth";
import { sameOriginPath } from "../domain/header-value";

declare module "hono" {
  interface ContextVariableMap {
    admin: AdminSession;
  }
}

/** Browsers send Origin on form posts: refuse any post from another site (hono/csrf), before the token check. */
export const sameOrigin = csrf();

/** Pages behind login: no session sends the browser to the login page (and back afterwards). */
export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const session = await findSession(c.get("db"), getCookie(c, SESSION_COOKIE), c.get("now"));
  if (!session || !hasScope({ tokenId: null, scopes: session.scopes }, ["marketing"])) {
    if (c.req.method !== "GET") return c.text("Your session has expired. Log in again.", 401);
    const back = new URL(c.req.url);
    return c.redirect(`/admin/login?next=${encodeURIComponent(back.pathname + back.search)}`, 303);
  }
  c.set("admin", session);
  c.header("Cache-Control", "no-store");
  await next();
};

/** The per-session CSRF token every dashboard form carries in `_csrf`. */
export async function checkCsrf(
  c: Context<AppEnv>,
  form: Record<string, unknown>,
): Promise<boolean> {
  const sent = form._csrf;
  return typeof sent === "string" && (await sameSecret(sent, c.get("admin").csrf));
}

/** A `next` target only within the dashboard, never another site, never anything that could split a header. */
export function safeNext(next: string | undefined): string {
  return sameOriginPath(next, "/admin", "/admin");
}
