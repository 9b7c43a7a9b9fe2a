// The auth matrix: for each API route, no token and a bad token get 401, the wrong scope 403, a revoked token 401.
import { describe, it, expect, beforeAll } from "vitest";
import { SCOPES, type Scope } from "../../src/db/schema";
import { api, makeToken } from "./api";
import type { ApiRouteCase } from "./api-routes";

async function expectEnvelope(res: Response, status: number, code: string) {
  expect(res.status, `${res.status} ${await res.clone().text()}`).toBe(status);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
}

export function authMatrix(routes: ApiRouteCase[]) {
  const tokens = {} as Record<Scope, string>;
  let revoked = "";
  beforeAll(async () => {
    for (const s of SCOPES) tokens[s] = (await makeToken([s], `matrix ${s}`)).token;
    const r = await makeToken(["admin"], "matrix revoked");
    const res = await api(`/api/v1/tokens/${r.id}`, { method: "DELETE" });
    expect(res.status).toBe(200);
    revoked = r.token;
  });

  describe.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))("%s", (_name, route) => {
    const call = (token: string | null) =>
      api(route.path, {
        method: route.method,
        token,
        ...(route.body === undefined ? {} : { json: route.body }),
      });

    it("refuses a request without a token (401)", async () => {
      const res = await call(null);
      await expectEnvelope(res, 401, "UNAUTHORIZED");
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    });
    it("refuses an unknown token (401)", async () =>
      expectEnvelope(await call("ldst_not-a-real-token-at-all-0000000000"), 401, "UNAUTHORIZED"));
    it("refuses a revoked token (401)", async () =>
      expectEnvelope(await call(revoked), 401, "UNAUTHORIZED"));
    const wrong = SCOPES.filter((s) => s !== "admin" && !route.scopes.includes(s));
    it.each(wrong.map((s) => [s]))("refuses a %s token (403)", async (scope) =>
      expectEnvelope(await call(tokens[scope as Scope]), 403, "FORBIDDEN"),
    );
    it.each(["admin", ...route.scopes].map((s) => [s]))(
      "lets a %s token past the auth check",
      async (scope) => {
        const res = await call(tokens[scope as Scope]);
        expect([401, 403]).not.toContain(res.status);
      },
    );
  });
}
