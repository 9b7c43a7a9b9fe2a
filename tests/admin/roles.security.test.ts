import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import type { Role } from "../../src/db/schema";
import { makeToken } from "../support/api";
import { fakeResend, type ResendFake } from "../nurture/support/resend-fake";
import { login, type Session } from "./support/browser-like";
import { memberSignedIn } from "./support/people";

let resend: ResendFake;
const people = {} as Record<Role, Session>;
const tokens = {} as Record<"marketing" | "sales", Session>;
beforeAll(async () => {
  resend = fakeResend();
  const bootstrap = await login(env.ADMIN_TOKEN);
  for (const role of ["admin", "marketer", "sales", "viewer"] as const)
    people[role] = await memberSignedIn(resend, bootstrap, role);
  tokens.marketing = await login((await makeToken(["marketing"], "matrix m")).token);
  tokens.sales = await login((await makeToken(["sales"], "matrix s")).token);
});
afterAll(() => resend.restore());

type Call = ["GET" | "POST", string, Record<string, string>?];
const A = "admin";
const M = "marketer";
const S = "sales";
const V = "viewer";

// A representative route of each area, and the roles that may use it. Posts carry no valid fields: an
// allowed one answers its own 4xx (a form error, a missing record), a refused one the 403 page.
const MATRIX: [string, Call, Role[]][] = [
  ["overview", ["GET", "/admin"], [A, M, V]],
  ["reports", ["GET", "/admin/reports"], [A, M, V]],
  ["report export", ["GET", "/admin/export/report.csv?from=2026-01-01&to=2026-01-31"], [A, M, V]],
  ["lead list export", ["GET", "/admin/export/leads.csv"], [A, M]],
  ["assets", ["GET", "/admin/assets"], [A, M, V]],
  ["new asset", ["GET", "/admin/assets/new"], [A, M]],
  ["saving an asset", ["POST", "/admin/assets/new", { title: "" }], [A, M]],
  ["leads", ["GET", "/admin/leads"], [A, M, S, V]],
  ["spend", ["GET", "/admin/spend"], [A, M, V]],
  ["recording spend", ["POST", "/admin/spend", { amount: "" }], [A, M]],
  ["importing spend", ["POST", "/admin/spend/import", { csv: "" }], [A, M]],
  ["webhooks", ["GET", "/admin/webhooks"], [A, M, S, V]],
  ["switching a webhook", ["POST", "/admin/webhooks/999999/active", { active: "0" }], [A, M, S]],
  ["captured mail", ["GET", "/admin/mail"], [A, M, V]],
  ["people", ["GET", "/admin/people"], [A]],
  ["inviting", ["POST", "/admin/people", { email: "" }], [A]],
  ["changing a role", ["POST", "/admin/people/999999/role", { role: "viewer" }], [A]],
  ["audit log", ["GET", "/admin/audit"], [A]],
];

const call = (s: Session, [method, path, fields]: Call) =>
  method === "GET" ? s.get(path) : s.post(path, fields ?? {});

describe.each(MATRIX)("%s", (_area, route, allowed) => {
  it.each((["admin", "marketer", "sales", "viewer"] as const).map((r) => [r, allowed.includes(r)]))(
    "a %s may use it: %s",
    async (role, may) => {
      const res = await call(people[role as Role], route);
      if (may) {
        expect([401, 403], `${res.status}`).not.toContain(res.status);
        expect(res.status).toBeLessThan(500);
      } else {
        expect(res.status).toBe(403);
        expect(res.headers.get("content-type")).toMatch(/^text\/html/);
        expect(await res.text()).toContain("does not include this");
      }
    },
  );

  it("a marketing token's session and a sales token's get what a marketer and a sales person get", async () => {
    for (const [token, role] of [
      ["marketing", "marketer"],
      ["sales", "sales"],
    ] as const) {
      const res = await call(tokens[token], route);
      expect(res.status === 403, `${token} token`).toBe(!allowed.includes(role));
    }
  });
});

describe("the navigation shows a role only what it may open", () => {
  it.each([
    ["admin", ["/admin/people", "/admin/audit", "/admin/spend"], []],
    ["marketer", ["/admin/spend", "/admin/assets"], ["/admin/people", "/admin/audit"]],
    [
      "sales",
      ["/admin/leads", "/admin/webhooks"],
      ["/admin/spend", "/admin/reports", "/admin/people"],
    ],
    ["viewer", ["/admin/spend", "/admin/leads"], ["/admin/people", "/admin/audit"]],
  ] as const)("%s", async (role, shown, hidden) => {
    const html = await (await people[role].get("/admin/leads")).text();
    for (const href of shown) expect(html).toContain(`href="${href}"`);
    for (const href of hidden) expect(html).not.toContain(`href="${href}"`);
  });
});

describe("pages leave out what a role cannot use", () => {
  it.each([
    ["/admin/spend", 'action="/admin/spend"'],
    ["/admin/assets", 'href="/admin/assets/new"'],
  ] as const)("%s shows its forms to a marketer, not to a viewer", async (path, control) => {
    expect(await (await people.marketer.get(path)).text()).toContain(control);
    const viewer = await people.viewer.get(path);
    expect(viewer.status).toBe(200);
    expect(await viewer.text()).not.toContain(control);
  });
});
