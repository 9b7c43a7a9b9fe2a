import { describe, it, expect } from "vitest";
import { fetchWorker } from "../support/http";
import { API_ROUTES } from "../support/api-routes";
import { authMatrix } from "../support/auth-matrix";

describe("every API route checks its token and scope", () => {
  authMatrix(API_ROUTES);
});

describe("the auth matrix covers the API", () => {
  it("lists every operation the OpenAPI document declares under /api/v1 with a bearer requirement", async () => {
    const doc = (await (await fetchWorker("/api/v1/openapi.json")).json()) as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const declared = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.security?.length)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    const covered = new Set(API_ROUTES.map((r) => `${r.method} ${r.template}`));
    expect(declared.filter((d) => !covered.has(d))).toEqual([]);
    expect(declared.length).toBeGreaterThan(0);
  });
});
