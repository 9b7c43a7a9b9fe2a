import { describe, expect, it } from "vitest";
import {
  PERMISSIONS,
  ROLE_PERMISSIONS,
  permissionsOfRole,
  permissionsOfScopes,
  type Permission,
} from "../../src/domain/permissions";
import {
  DASHBOARD_ROUTES,
  dashboardAccess,
  decideAccess,
  landingPath,
  navFor,
} from "../../src/domain/dashboard-access";
import { ROLES, SCOPES, type Role } from "../../src/domain/vocabulary";

describe("what each role may do", () => {
  // role × permission → held; every cell of the table is stated, so a change to the table shows here.
  const TABLE: Record<Permission, Record<Role, boolean>> = {
    "reports.read": { admin: true, marketer: true, sales: false, viewer: true },
    "assets.read": { admin: true, marketer: true, sales: false, viewer: true },
    "assets.write": { admin: true, marketer: true, sales: false, viewer: false },
    "sequences.read": { admin: true, marketer: true, sales: false, viewer: true },
    "sequences.write": { admin: true, marketer: true, sales: false, viewer: false },
    "score_rules.read": { admin: true, marketer: true, sales: true, viewer: true },
    "score_rules.write": { admin: true, marketer: true, sales: false, viewer: false },
    "spend.read": { admin: true, marketer: true, sales: false, viewer: true },
    "spend.write": { admin: true, marketer: true, sales: false, viewer: false },
    "leads.read": { admin: true, marketer: true, sales: true, viewer: true },
    "leads.export": { admin: true, marketer: true, sales: false, viewer: false },
    "outcomes.write": { admin: true, marketer: false, sales: true, viewer: false },
    "webhooks.read": { admin: true, marketer: true, sales: true, viewer: true },
    "webhooks.write": { admin: true, marketer: true, sales: true, viewer: false },
    "mail.read": { admin: true, marketer: true, sales: false, viewer: true },
    "people.manage": { admin: true, marketer: false, sales: false, viewer: false },
    "tokens.manage": { admin: true, marketer: false, sales: false, viewer: false },
    "privacy.manage": { admin: true, marketer: false, sales: false, viewer: false },
    "audit.read": { admin: true, marketer: false, sales: false, viewer: false },
    "settings.manage": { admin: true, marketer: false, sales: false, viewer: false },
    "links.read": { admin: true, marketer: true, sales: false, viewer: true },
    "links.write": { admin: true, marketer: true, sales: false, viewer: false },
    "conversions.export": { admin: true, marketer: true, sales: false, viewer: false },
    "routing.manage": { admin: true, marketer: true, sales: false, viewer: false },
    "leads.import": { admin: true, marketer: true, sales: false, viewer: false },
  };
  const cells = PERMISSIONS.flatMap((p) => ROLES.map((r) => [r, p, TABLE[p][r]] as const));

  it.each(cells)("%s holds %s: %s", (role, permission, held) => {
    expect(permissionsOfRole(role).has(permission)).toBe(held);
  });

  it("an admin holds every permission there is", () => {
    expect([...permissionsOfRole("admin")].sort()).toEqual([...PERMISSIONS].sort());
  });

  it("a viewer holds only reading permissions", () => {
    for (const p of ROLE_PERMISSIONS.viewer) expect(p).toMatch(/\.read$/);
  });
});

describe("API token scopes are roles", () => {
  it.each([
    [["admin"], "admin"],
    [["marketing"], "marketer"],
    [["sales"], "sales"],
  ] as const)("a %j token holds the %s role's permissions", (scopes, role) => {
    expect(permissionsOfScopes(scopes)).toEqual(permissionsOfRole(role));
  });

  it("a token with two scopes holds both roles' permissions", () => {
    const both = permissionsOfScopes(["marketing", "sales"]);
    expect(both.has("outcomes.write")).toBe(true);
    expect(both.has("spend.write")).toBe(true);
    expect(both.has("people.manage")).toBe(false);
  });

  it("every scope names a role", () => {
    for (const s of SCOPES) expect(permissionsOfScopes([s]).size).toBeGreaterThan(0);
  });
});

describe("the dashboard route table", () => {
  const viewer = { permissions: permissionsOfRole("viewer") };
  const admin = { permissions: permissionsOfRole("admin") };

  it.each([
    ["GET", "/admin/login", null, "allow"],
    ["POST", "/admin/login/link/:secret", null, "allow"],
    ["GET", "/admin/leads", null, "sign_in"],
    ["POST", "/admin/logout", null, "sign_in"],
    ["POST", "/admin/logout", viewer, "allow"],
    ["GET", "/admin/leads", viewer, "allow"],
    ["HEAD", "/admin/leads", viewer, "allow"],
    ["POST", "/admin/spend", viewer, "forbidden"],
    ["GET", "/admin/people", viewer, "forbidden"],
    ["GET", "/admin/people", admin, "allow"],
    // Not in the table: refused even to an admin, never allowed by default.
    ["GET", "/admin/not-listed", admin, "forbidden"],
    ["DELETE", "/admin/leads", admin, "forbidden"],
    ["GET", "/admin/not-listed", null, "sign_in"],
  ] as const)("%s %s for %o → %s", (method, path, session, decision) => {
    expect(decideAccess(dashboardAccess(method, path), session)).toBe(decision);
  });

  it("names only permissions that exist", () => {
    for (const a of Object.values(DASHBOARD_ROUTES))
      if (a.kind === "permission") expect(PERMISSIONS).toContain(a.permission);
  });

  it("every write (POST) needs more than reading, except signing in and out", () => {
    const reads = new Set(ROLE_PERMISSIONS.viewer);
    for (const [key, a] of Object.entries(DASHBOARD_ROUTES).filter(([k]) => k.startsWith("POST")))
      if (a.kind === "permission") expect(reads.has(a.permission), key).toBe(false);
      else
        expect(
          ["/admin/login", "/admin/logout", "/admin/locale"].some((p) => key.includes(p)),
          key,
        ).toBe(true);
  });
});

describe("navigation and landing", () => {
  it.each([
    [
      "admin",
      [
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
      ],
    ],
    [
      "marketer",
      [
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
      ],
    ],
    ["sales", ["/admin/leads", "/admin/scoring", "/admin/webhooks"]],
    [
      "viewer",
      [
        "/admin",
        "/admin/reports",
        "/admin/assets",
        "/admin/leads",
        "/admin/spend",
        "/admin/links",
        "/admin/scoring",
        "/admin/webhooks",
        "/admin/mail",
      ],
    ],
  ] as const)("a %s sees %j", (role, nav) => {
    expect(navFor(permissionsOfRole(role))).toEqual(nav);
  });

  it.each([
    ["sales", "/admin", "/admin/leads"],
    ["sales", "/admin/webhooks?endpoint=2", "/admin/webhooks?endpoint=2"],
    ["viewer", "/admin/people", "/admin"],
    ["marketer", "/admin/leads/7", "/admin/leads/7"],
    ["admin", "/admin/audit", "/admin/audit"],
  ] as const)("a %s asking for %s lands on %s", (role, next, landing) => {
    expect(landingPath(next, permissionsOfRole(role))).toBe(landing);
  });
});
