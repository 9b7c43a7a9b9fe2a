import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { Hono } from "hono";
import { createApp } from "../../src/app";
import type { AppEnv } from "../../src/http/app-env";
import { requestContext } from "../../src/http/context";
import { dashboardGuard } from "../../src/http/admin-guard";
import { DASHBOARD_ROUTES } from "../../src/domain/dashboard-access";
import { BASE } from "../support/http";
import { login } from "./support/browser-like";

/** Every route the app registers under /admin that answers a request (middleware is registered as ALL). */
function registeredAdminRoutes(): string[] {
  const keys = createApp()
    .routes.filter((r) => r.path.startsWith("/admin") && r.method !== "ALL")
    .map((r) => `${r.method} ${r.path}`);
  return [...new Set(keys)].sort();
}

describe("every dashboard route is in the permission table", () => {
  it("finds the dashboard's routes to check", () => {
    expect(registeredAdminRoutes().length).toBeGreaterThan(25);
  });

  it("has an entry for each registered /admin route (add one to src/domain/dashboard-access.ts)", () => {
    const missing = registeredAdminRoutes().filter((k) => !Object.hasOwn(DASHBOARD_ROUTES, k));
    expect(missing).toEqual([]);
  });

  it("has no entry for a route that does not exist (a renamed route leaves none behind)", () => {
    const registered = new Set(registeredAdminRoutes());
    expect(Object.keys(DASHBOARD_ROUTES).filter((k) => !registered.has(k))).toEqual([]);
  });
});

describe("the guard allows nothing by default", () => {
  // A stand-in app with one route the table does not list, behind the real guard.
  const app = new Hono<AppEnv>();
  app.use("*", requestContext);
  app.use("/admin/*", dashboardGuard);
  app.get("/admin/unlisted", (c) => c.text("secret page"));
  app.onError((err, c) => c.text(err.message, (err as { status?: 403 }).status ?? 500));

  it("refuses a route without an entry even to the bootstrap admin", async () => {
    const s = await login();
    const res = await app.request(`${BASE}/admin/unlisted`, { headers: { cookie: s.cookie } }, env);
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain("secret page");
  });

  it("sends a visitor without a session to sign in first", async () => {
    const res = await app.request(`${BASE}/admin/unlisted`, {}, env);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/admin\/login\?next=/);
  });
});
