import { describe, it, expect } from "vitest";
import { api } from "../support/api";

describe("API tokens refuse bad input", () => {
  it.each([
    ["an unknown scope", { name: "x", scopes: ["root"] }, "scopes.0"],
    ["no scopes", { name: "x", scopes: [] }, "scopes"],
    ["no name", { scopes: ["sales"] }, "name"],
  ])("%s is a 400 naming the field", async (_what, json, field) => {
    const res = await api("/api/v1/tokens", { method: "POST", json });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { code: string; details: { fields: Record<string, string[]> } };
    };
    expect(body.error.code).toBe("BAD_REQUEST");
    expect(Object.keys(body.error.details.fields)).toContain(field);
  });

  it("revoking a token that does not exist is a 404", async () => {
    const res = await api("/api/v1/tokens/987654", { method: "DELETE" });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
  });
});
