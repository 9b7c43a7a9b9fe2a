// Who may do what: the permissions, the ones each role holds, and how API token scopes map onto roles.
import type { Role, Scope } from "./vocabulary";

export const PERMISSIONS = [
  "reports.read",
  "assets.read",
  "assets.write",
  "sequences.read",
  "sequences.write",
  "score_rules.read",
  "score_rules.write",
  "spend.read",
  "spend.write",
  "leads.read",
  "leads.export",
  "outcomes.write",
  "webhooks.read",
  "webhooks.write",
  "mail.read",
  "people.manage",
  "tokens.manage",
  "privacy.manage",
  "audit.read",
  "settings.manage",
  "links.read",
  "links.write",
  "conversions.export",
  "routing.manage",
  "leads.import",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Reading everything a marketer or sales person works with, changing nothing. */
const READ_ONLY: readonly Permission[] = [
  "reports.read",
  "assets.read",
  "sequences.read",
  "score_rules.read",
  "spend.read",
  "leads.read",
  "webhooks.read",
  "mail.read",
  "links.read",
];

/**
 * The one table of who holds what. A marketer keeps webhooks because marketing API tokens always could
 * manage them (README, API tokens); sales reads score rules for the same reason.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  marketer: [
    ...READ_ONLY,
    "assets.write",
    "sequences.write",
    "score_rules.write",
    "spend.write",
    "leads.export",
    "webhooks.write",
    "links.write",
    // Offline conversion files carry hashed emails and click ids back to the ad platforms.
    "conversions.export",
    // Sales routing rules: which team gets which MQLs (README "Sales routing").
    "routing.manage",
    // Lead lists (event scans, webinar sign-ups) with their stated consent basis.
    "leads.import",
  ],
  sales: ["leads.read", "outcomes.write", "webhooks.read", "webhooks.write", "score_rules.read"],
  viewer: READ_ONLY,
};

/** An API token's scope is the role of the same name: its permissions are that role's. */
export const SCOPE_ROLE: Record<Scope, Role> = {
  admin: "admin",
  marketing: "marketer",
  sales: "sales",
};

export function permissionsOfRole(role: Role): Set<Permission> {
  return new Set(ROLE_PERMISSIONS[role]);
}

/** A token with several scopes holds every permission of each. */
export function permissionsOfScopes(scopes: readonly Scope[]): Set<Permission> {
  return new Set(scopes.flatMap((s) => ROLE_PERMISSIONS[SCOPE_ROLE[s]] ?? []));
}
