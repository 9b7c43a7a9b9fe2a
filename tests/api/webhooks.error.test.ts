import { describe, it, expect } from "vitest";
import { api } from "../support/api";

describe("webhook endpoints refuse bad input", () => {
  it.each([
    ["a plain-http URL to another host", { url: "http://crm.example/hook" }, "url"],
    ["something that is not a URL", { url: "crm" }, "url"],
    [
      "an event type Lodestone does not send",
      { url: "https://crm.example/h", event_types: ["lead.deleted"] },
      "event_types.0",
    ],
    ["no event types at all", { url: "https://crm.example/h", event_types: [] }, "event_types"],
  ])("%s is a 400 naming the field", async (_what, json, field) => {
    const res = await api("/api/v1/webhooks", { method: "POST", json });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { details: { fields: Record<string, string[]> } } };
    expect(Object.keys(body.error.details.fields)).toContain(field);
  });

  it("an endpoint or delivery that does not exist is a 404", async () => {
    expect((await api("/api/v1/webhooks/424242")).status).toBe(404);
    expect(
      (await api("/api/v1/webhooks/424242/deliveries/1/replay", { method: "POST" })).status,
    ).toBe(404);
  });
});
