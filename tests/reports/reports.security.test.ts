import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { fetchWorker, postJson } from "../support/http";
import { ADMIN } from "./support/report-fixture";

async function tokenWith(scopes: string[]) {
  const res = await postJson(
    "/api/v1/tokens",
    { name: `t-${scopes.join("-")}`, scopes },
    { headers: ADMIN },
  );
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

const routes: [string, string, unknown?][] = [
  ["GET", "/api/v1/reports/performance?from=2026-01-01&to=2026-01-31"],
  ["GET", "/api/v1/reports/score-calibration?from=2026-01-01&to=2026-01-31"],
  ["GET", "/api/v1/reports/leads.csv"],
  ["GET", "/api/v1/spend"],
  [
    "POST",
    "/api/v1/spend",
    { channel: "paid", day_from: "2026-01-01", amount_minor: 1, currency: "USD" },
  ],
  [
    "POST",
    "/api/v1/spend/import",
    { csv: "day,cost\n2026-01-01,1\n", channel: "paid", dry_run: true },
  ],
];
const call = (method: string, path: string, body: unknown, headers: Record<string, string>) =>
  method === "GET" ? fetchWorker(path, { headers }) : postJson(path, body, { headers });

describe("reports and spend need a marketing token", () => {
  it.each(routes)("%s %s refuses a request without a token (401)", async (method, path, body) => {
    const res = await call(method, path, body, {});
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });
  });

  it.each(routes)(
    "%s %s refuses a sales token (403) and accepts a marketing token",
    async (method, path, body) => {
      const sales = await tokenWith(["sales"]);
      expect((await call(method, path, body, { authorization: `Bearer ${sales}` })).status).toBe(
        403,
      );
      const marketing = await tokenWith(["marketing"]);
      expect(
        (await call(method, path, body, { authorization: `Bearer ${marketing}` })).status,
      ).toBeLessThan(300);
    },
  );
});

describe("report parameters", () => {
  it.each([
    ["from=2026-02-10&to=2026-02-01", "to"],
    ["from=2026-02-30&to=2026-03-01", "from"],
    ["from=2024-01-01&to=2026-03-01", "to"],
    ["from=2026-01-01&to=2026-01-02&model=u_shaped", "model"],
    ["from=2026-01-01&to=2026-01-02&by=asset,country", "by"],
    ["from=2026-01-01&to=2026-01-02&grain=hour", "grain"],
  ])("%s is refused naming %s", async (qs, field) => {
    const res = await fetchWorker(`/api/v1/reports/performance?${qs}`, { headers: ADMIN });
    expect(res.status).toBe(400);
    const err = (await res.json()) as { error: { details: { fields: Record<string, string[]> } } };
    expect(Object.keys(err.error.details.fields).some((k) => k.startsWith(field))).toBe(true);
  });

  it("answers an empty range with zero figures, not an error", async () => {
    const res = await fetchWorker("/api/v1/reports/performance?from=2020-01-01&to=2020-01-31", {
      headers: ADMIN,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      rows: [],
      totals: { leads: 0, spend_minor: 0, cost_per_lead_minor: null, roi: null },
    });
  });

  it("lists the report routes in the OpenAPI document", async () => {
    const doc = (await (await fetchWorker("/api/v1/openapi.json")).json()) as {
      paths: Record<string, unknown>;
    };
    for (const p of [
      "/api/v1/reports/performance",
      "/api/v1/reports/score-calibration",
      "/api/v1/reports/leads.csv",
      "/api/v1/spend",
      "/api/v1/spend/import",
      "/api/v1/spend/{id}",
    ])
      expect(doc.paths).toHaveProperty([p]);
    expect(env.ADMIN_TOKEN).toBeTruthy();
  });
});
