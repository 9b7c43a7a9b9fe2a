import { describe, it, expect } from "vitest";
import { makeAsset } from "./support/fixtures";
import { fetchWorker, postJson } from "./support/http";

describe("smoke", () => {
  it("renders a landing page and captures a lead", async () => {
    const asset = await makeAsset();
    const page = await fetchWorker(`/p/${asset.slug}`);
    expect(page.status).toBe(200);
    const res = await postJson(`/p/${asset.slug}`, { email: "Ann@Example.com", name: "Ann" });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(201);
  });
});
