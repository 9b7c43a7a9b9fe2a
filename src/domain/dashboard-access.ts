// Every dashboard route and what it takes to open it. The guard (src/http/admin-guard.ts) refuses a route
// that is not listed here, and tests/admin/access.security.test.ts fails when a registered route is missing.
import type { Permission } from "./permissions";

export type DashboardAccess =
  /** Open to anyone: the sign-in pages. */
  | { kind: "public" }
  /** Any signed-in session, whatever its role: logging out, switching language. */
  | { kind: "signed_in" }
  | { kind: "permission"; permission: Permission };

const PUBLIC: DashboardAccess = { kind: "public" };
const SIGNED_IN: DashboardAccess = { kind: "signed_in" };
const needs = (permission: Permission): DashboardAccess => ({ kind: "permission", permission });

/** Keyed by method and the route's path as registered with Hono (`:id{[0-9]+}` and all). */
export const DASHBOARD_ROUTES: Readonly<Record<string, DashboardAccess>> = {
  "GET /admin/login": PUBLIC,
  "POST /admin/login": PUBLIC,
  "POST /admin/login/email": PUBLIC,
  "GET /admin/login/link/:secret": PUBLIC,
  "POST /admin/login/link/:secret": PUBLIC,
  "POST /admin/logout": SIGNED_IN,
  "POST /admin/locale": SIGNED_IN,

  "GET /admin": needs("reports.read"),
  "GET /admin/reports": needs("reports.read"),
  "GET /admin/export/report.csv": needs("reports.read"),
  "GET /admin/export/calibration.csv": needs("reports.read"),
  "GET /admin/export/leads.csv": needs("leads.export"),

  "GET /admin/assets": needs("assets.read"),
  "GET /admin/assets/:id{[0-9]+}": needs("assets.read"),
  "GET /admin/assets/new": needs("assets.write"),
  "POST /admin/assets/new": needs("assets.write"),
  "GET /admin/assets/:id{[0-9]+}/edit": needs("assets.write"),
  "POST /admin/assets/:id{[0-9]+}/edit": needs("assets.write"),
  "POST /admin/assets/:id{[0-9]+}/status": needs("assets.write"),
  // The editor's live preview (no change is made) and the saved cover it shows.
  "GET /admin/assets/:id{[0-9]+}/preview": needs("assets.read"),
  "POST /admin/assets/preview": needs("assets.write"),
  "POST /admin/assets/:id{[0-9]+}/preview": needs("assets.write"),
  "GET /admin/assets/:id{[0-9]+}/cover": needs("assets.read"),
  "GET /admin/assets/:id{[0-9]+}/sessions": needs("assets.read"),
  "POST /admin/assets/:id{[0-9]+}/sessions": needs("assets.write"),
  "POST /admin/assets/:id{[0-9]+}/sessions/:sid{[0-9]+}": needs("assets.write"),
  "POST /admin/assets/:id{[0-9]+}/sessions/:sid{[0-9]+}/cancel": needs("assets.write"),
  "POST /admin/assets/:id{[0-9]+}/sessions/:sid{[0-9]+}/attendance": needs("assets.write"),
  "GET /admin/assets/:id{[0-9]+}/sequence": needs("sequences.read"),
  "POST /admin/assets/:id{[0-9]+}/sequence": needs("sequences.write"),
  "POST /admin/assets/:id{[0-9]+}/sequence/preview": needs("sequences.write"),
  "POST /admin/assets/:id{[0-9]+}/sequence/test": needs("sequences.write"),

  "GET /admin/leads": needs("leads.read"),
  "GET /admin/leads/:id{[0-9]+}": needs("leads.read"),
  "POST /admin/leads/:id{[0-9]+}/accept": needs("outcomes.write"),
  "GET /admin/leads/import": needs("leads.import"),
  "POST /admin/leads/import": needs("leads.import"),

  "GET /admin/routing": needs("routing.manage"),
  "POST /admin/routing": needs("routing.manage"),
  "POST /admin/routing/:id{[0-9]+}": needs("routing.manage"),
  "POST /admin/routing/:id{[0-9]+}/delete": needs("routing.manage"),

  "GET /admin/spend": needs("spend.read"),
  "POST /admin/spend": needs("spend.write"),
  "POST /admin/spend/:id{[0-9]+}/delete": needs("spend.write"),
  "POST /admin/spend/import": needs("spend.write"),
  "POST /admin/spend/rates": needs("spend.write"),

  "GET /admin/links": needs("links.read"),
  "POST /admin/links": needs("links.write"),

  "GET /admin/webhooks": needs("webhooks.read"),
  "POST /admin/webhooks": needs("webhooks.write"),
  "POST /admin/webhooks/:endpoint{[0-9]+}/active": needs("webhooks.write"),
  "POST /admin/webhooks/:endpoint{[0-9]+}/rotate": needs("webhooks.write"),
  "POST /admin/webhooks/:endpoint{[0-9]+}/test": needs("webhooks.write"),
  "POST /admin/webhooks/:endpoint{[0-9]+}/delete": needs("webhooks.write"),
  "POST /admin/webhooks/:endpoint{[0-9]+}/deliveries/:id{[0-9]+}/replay": needs("webhooks.write"),

  "GET /admin/mail": needs("mail.read"),
  "GET /admin/mail/:id": needs("mail.read"),
  "GET /admin/mail/:id/html": needs("mail.read"),

  "GET /admin/people": needs("people.manage"),
  "POST /admin/people": needs("people.manage"),
  "POST /admin/people/:id{[0-9]+}/role": needs("people.manage"),
  "POST /admin/people/:id{[0-9]+}/remove": needs("people.manage"),

  "GET /admin/tokens": needs("tokens.manage"),
  "POST /admin/tokens": needs("tokens.manage"),
  "POST /admin/tokens/:id{[0-9]+}/revoke": needs("tokens.manage"),

  "GET /admin/scoring": needs("score_rules.read"),
  "POST /admin/scoring/preview": needs("score_rules.write"),
  "POST /admin/scoring/rules": needs("score_rules.write"),
  "POST /admin/scoring/rules/:id{[0-9]+}": needs("score_rules.write"),
  "POST /admin/scoring/rules/:id{[0-9]+}/delete": needs("score_rules.write"),

  "GET /admin/audit": needs("audit.read"),

  "GET /admin/settings": needs("settings.manage"),
  "POST /admin/settings": needs("settings.manage"),
};

/** The entry for a matched route; HEAD is answered by the GET route. Null when the route is not listed. */
export function dashboardAccess(method: string, routePath: string): DashboardAccess | null {
  const m = method.toUpperCase() === "HEAD" ? "GET" : method.toUpperCase();
  return Object.hasOwn(DASHBOARD_ROUTES, `${m} ${routePath}`)
    ? DASHBOARD_ROUTES[`${m} ${routePath}`]!
    : null;
}

export type AccessDecision = "allow" | "sign_in" | "forbidden";

/**
 * What the guard does with a request: an unlisted route is forbidden to everyone (no default allow), a
 * public one is allowed, anything else needs a session, and a permission route needs that permission.
 */
export function decideAccess(
  access: DashboardAccess | null,
  session: { permissions: ReadonlySet<Permission> } | null,
): AccessDecision {
  if (access?.kind === "public") return "allow";
  if (!session) return "sign_in";
  if (!access) return "forbidden";
  if (access.kind === "signed_in") return "allow";
  return session.permissions.has(access.permission) ? "allow" : "forbidden";
}

/** The dashboard pages in the order the navigation lists them. */
export const NAV_PATHS = [
  "/admin",
  "/admin/reports",
  "/admin/assets",
  "/admin/leads",
  "/admin/routing",
  "/admin/spend",
  "/admin/links",
  "/admin/scoring",
  "/admin/webhooks",
  "/admin/mail",
  "/admin/people",
  "/admin/tokens",
  "/admin/audit",
  "/admin/settings",
] as const;
export type NavPath = (typeof NAV_PATHS)[number];

/** The pages of the navigation this session may open. */
export function navFor(permissions: ReadonlySet<Permission>): NavPath[] {
  return NAV_PATHS.filter(
    (p) => decideAccess(dashboardAccess("GET", p), { permissions }) === "allow",
  );
}

/** Where to go after signing in: `next` if the session may open it, else the first page it may. */
export function landingPath(next: string, permissions: ReadonlySet<Permission>): string {
  const nav = navFor(permissions);
  const path = next.split("?")[0]!;
  if ((nav as string[]).includes(path) || !(NAV_PATHS as readonly string[]).includes(path))
    return next;
  return nav[0] ?? "/admin";
}
