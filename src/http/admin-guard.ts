// Dashboard guards: every route's entry in DASHBOARD_ROUTES (src/domain/dashboard-access.ts) decides who may
// open it, with no default allow; a CSRF check on every form post.
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { csrf } from "hono/csrf";
import { matchedRoutes } from "hono/route";
import type { AppEnv } from "./app-env";
import { AppError } from "../errors";
import { log } from "../platform/logger";
import { findSession, SESSION_COOKIE, type AdminSession } from "../services/access/sessions";
import { sameSecret } from "./auth";
import { dashboardAccess, decideAccess, navFor } from "../domain/dashboard-access";
import type { Permission } from "../domain/permissions";
import type { AdminChrome } from "../../templates/admin/layout";
import { at } from "../../templates/admin/messages";
import { sameOriginPath } from "../domain/header-value";

declare module "hono" {
  interface ContextVariableMap {
    admin: AdminSession;
  }
}

/** Browsers send Origin on form posts: refuse any post from another site (hono/csrf), before the token check. */
export const sameOrigin = csrf();

/** The path of the route that will answer this request (not a middleware's), or null when none matched. */
function answeringRoute(c: Context<AppEnv>): string | null {
  return matchedRoutes(c).find((r) => r.method !== "ALL")?.path ?? null;
}

/**
 * Runs before every dashboard route. Public routes pass; everything else needs a live session (no session
 * sends the browser to the login page, and back afterwards) and the permission its entry names. A route
 * with no entry is refused to everyone, and logged: tests/admin/access.security.test.ts keeps the table whole.
 */
export const dashboardGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  const route = answeringRoute(c);
  const access = route ? dashboardAccess(c.req.method, route) : null;
  if (access?.kind === "public") return next();
  const session = await findSession(c.get("db"), getCookie(c, SESSION_COOKIE), c.get("now"));
  if (session) {
    c.set("admin", session);
    c.header("Cache-Control", "no-store");
  }
  // No route answers this path: a signed-in user gets the dashboard's 404, anyone else the login page.
  const decision = route || !session ? decideAccess(access, session) : "allow";
  if (decision === "sign_in") {
    if (c.req.method !== "GET") return c.text("Your session has expired. Log in again.", 401);
    const back = new URL(c.req.url);
    return c.redirect(`/admin/login?next=${encodeURIComponent(back.pathname + back.search)}`, 303);
  }
  if (decision === "forbidden") {
    if (!access) log.error("dashboard route has no entry in DASHBOARD_ROUTES", { route });
    const roles = session!.roles.map((r) => at(session!.locale, `role_${r}`)).join(", ");
    throw new AppError("FORBIDDEN", at(session!.locale, "forbidden_role", { roles }));
  }
  await next();
};

/** Whether the signed-in session holds a permission (to show or hide what it cannot use). */
export function can(c: Context<AppEnv>, permission: Permission): boolean {
  return c.get("admin").permissions.has(permission);
}

/** What the dashboard shell shows of the session: the pages it may open, and who is signed in. */
export function chromeOf(session: AdminSession | undefined): AdminChrome | undefined {
  if (!session) return undefined;
  return {
    nav: navFor(session.permissions),
    who: session.actor.label,
    roles: session.roles,
    permissions: [...session.permissions],
  };
}

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
