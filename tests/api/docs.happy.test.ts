import { describe, it, expect } from "vitest";
import { fetchWorker } from "../support/http";

describe("the API reference", () => {
  it("the OpenAPI 3.1 document describes the routes with their schemas and bearer auth", async () => {
    const res = await fetchWorker("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { security?: unknown }>>;
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/leads",
        "/api/v1/leads/{id}/outcomes",
        "/api/v1/webhooks/{id}/deliveries/{deliveryId}/replay",
        "/api/v1/tokens",
      ]),
    );
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(["LeadSummary", "WebhookPayload", "Error", "Outcome"]),
    );
  });

  it("a readable reference page renders the same document without outside scripts", async () => {
    const res = await fetchWorker("/api/v1/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain("/api/v1/leads/{id}/outcomes");
    expect(html).toContain("Report what sales did with a lead");
    expect(html).toContain('id="schema-WebhookPayload"');
    expect(html).not.toMatch(/<script[^>]+src=/);
  });
});
