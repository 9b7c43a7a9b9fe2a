import { describe, it, expect } from "vitest";
import { api } from "../support/api";

describe("the leads API refuses what it cannot answer", () => {
  it.each([
    ["a cursor it never handed out", "/api/v1/leads?cursor=bm9wZQ", "cursor"],
    ["a stage that does not exist", "/api/v1/leads?stage=hot", "stage"],
    ["a limit above 500", "/api/v1/leads?limit=501", "limit"],
    ["a date that is not ISO 8601", "/api/v1/leads?updated_since=yesterday", "updated_since"],
    ["a min_score that is not a number", "/api/v1/leads?min_score=lots", "min_score"],
  ])("%s is a 400 naming the field", async (_what, path, field) => {
    const res = await api(path);
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { code: string; details: { fields: Record<string, string[]> } };
    };
    expect(body.error.code).toBe("BAD_REQUEST");
    expect(Object.keys(body.error.details.fields)).toContain(field);
  });

  it("a lead that does not exist is a 404 in the envelope", async () => {
    const res = await api("/api/v1/leads/424242");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  });
});
