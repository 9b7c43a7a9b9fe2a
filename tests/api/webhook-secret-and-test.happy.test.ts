// Rotating an endpoint's secret without dropping a delivery, and sending it a test event, through the real queue.
import { describe, it, expect, afterEach, vi } from "vitest";
import { env } from "cloudflare:workers";
import { Webhook } from "standardwebhooks";
import { api } from "../support/api";
import { waitFor, QUEUE_TIMEOUTS, QUEUE_WAIT_MS } from "../support/leads";
import { makeEndpoint, receiver } from "../support/webhooks";

vi.setConfig(QUEUE_TIMEOUTS);

let restore = () => {};
afterEach(async () => {
  restore();
  await env.DB.exec("UPDATE webhook_endpoints SET active = 0, disabled_reason = NULL");
});

type Sent = { delivery_id: number; webhook_id: string };

async function sendTest(endpointId: number): Promise<Sent> {
  const res = await api(`/api/v1/webhooks/${endpointId}/test`, { method: "POST" });
  expect(res.status).toBe(202);
  return (await res.json()) as Sent;
}

async function settled(endpointId: number, deliveryId: number) {
  return waitFor(
    async () => {
      const res = await api(`/api/v1/webhooks/${endpointId}/deliveries/${deliveryId}`);
      const body = (await res.json()) as { status: string };
      return body.status !== "pending" && body.status;
    },
    `delivery ${deliveryId}`,
    QUEUE_WAIT_MS,
  );
}

describe("a test event", () => {
  it("arrives signed, typed webhook.test, with an example lead in the shape of real events, and shows in the log", async () => {
    const endpoint = await makeEndpoint(["lead.score_changed"]);
    const r = receiver([() => new Response("ok", { status: 200 })]);
    restore = r.restore;
    const sent = await sendTest(endpoint.id);
    expect(await settled(endpoint.id, sent.delivery_id)).toBe("delivered");
    const got = r.received.find((x) => x.url === endpoint.url)!;
    expect(got.headers["webhook-id"]).toBe(sent.webhook_id);
    const payload = new Webhook(endpoint.secret).verify(got.body, got.headers) as {
      type: string;
      data: { lead: { email: string; score: { total: number } } };
    };
    expect(payload.type).toBe("webhook.test");
    expect(payload.data.lead.email).toBe("test.lead@example.com");
    expect(payload.data.lead.score.total).toBeGreaterThan(0);
    const log = (await (await api(`/api/v1/webhooks/${endpoint.id}/deliveries`)).json()) as {
      data: { id: number; event_type: string; lead_id: number | null }[];
    };
    expect(log.data[0]).toMatchObject({
      id: sent.delivery_id,
      event_type: "webhook.test",
      lead_id: null,
    });
  });

  it("is refused for a switched-off endpoint, and for one that does not exist", async () => {
    const endpoint = await makeEndpoint();
    await api(`/api/v1/webhooks/${endpoint.id}`, { method: "PATCH", json: { active: false } });
    const off = await api(`/api/v1/webhooks/${endpoint.id}/test`, { method: "POST" });
    expect(off.status).toBe(409);
    const count = await env.DB.prepare(
      "SELECT count(*) AS n FROM webhook_deliveries WHERE endpoint_id = ?",
    )
      .bind(endpoint.id)
      .first<{ n: number }>();
    expect(count?.n).toBe(0);
    expect((await api("/api/v1/webhooks/999999/test", { method: "POST" })).status).toBe(404);
  });

  it("is refused without a token, and nothing is queued", async () => {
    const endpoint = await makeEndpoint();
    const res = await api(`/api/v1/webhooks/${endpoint.id}/test`, { method: "POST", token: null });
    expect(res.status).toBe(401);
    const count = await env.DB.prepare(
      "SELECT count(*) AS n FROM webhook_deliveries WHERE endpoint_id = ?",
    )
      .bind(endpoint.id)
      .first<{ n: number }>();
    expect(count?.n).toBe(0);
  });
});

describe("rotating the signing secret", () => {
  it("shows the new secret once; for a day deliveries verify with either secret, then with the new one only", async () => {
    const endpoint = await makeEndpoint();
    const res = await api(`/api/v1/webhooks/${endpoint.id}/rotate-secret`, { method: "POST" });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const rotated = (await res.json()) as { secret: string; previous_secret_expires_at: string };
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(endpoint.secret);
    const grace = Date.parse(rotated.previous_secret_expires_at) - Date.now();
    expect(grace).toBeGreaterThan(23.9 * 3600_000);
    expect(grace).toBeLessThanOrEqual(24 * 3600_000);
    const shown = await (await api(`/api/v1/webhooks/${endpoint.id}`)).text();
    expect(shown).not.toContain(rotated.secret);
    expect(shown).not.toContain(endpoint.secret);

    const r = receiver([() => new Response("ok", { status: 200 })]);
    restore = r.restore;
    const first = await sendTest(endpoint.id);
    await settled(endpoint.id, first.delivery_id);
    const during = r.received.find((x) => x.headers["webhook-id"] === first.webhook_id)!;
    expect(during.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(() => new Webhook(endpoint.secret).verify(during.body, during.headers)).not.toThrow();
    expect(() => new Webhook(rotated.secret).verify(during.body, during.headers)).not.toThrow();

    // A day later the old secret no longer signs.
    await env.DB.prepare("UPDATE webhook_endpoints SET previous_secret_expires_at = ? WHERE id = ?")
      .bind(Date.now() - 1, endpoint.id)
      .run();
    const second = await sendTest(endpoint.id);
    await settled(endpoint.id, second.delivery_id);
    const after = r.received.find((x) => x.headers["webhook-id"] === second.webhook_id)!;
    expect(after.headers["webhook-signature"]!.split(" ")).toHaveLength(1);
    expect(() => new Webhook(rotated.secret).verify(after.body, after.headers)).not.toThrow();
    expect(() => new Webhook(endpoint.secret).verify(after.body, after.headers)).toThrow();
  });

  it("rotating twice within the day retires the oldest secret, and the audit log keeps no secret", async () => {
    const endpoint = await makeEndpoint();
    const one = (await (
      await api(`/api/v1/webhooks/${endpoint.id}/rotate-secret`, { method: "POST" })
    ).json()) as { secret: string };
    const two = (await (
      await api(`/api/v1/webhooks/${endpoint.id}/rotate-secret`, { method: "POST" })
    ).json()) as { secret: string };
    const row = await env.DB.prepare(
      "SELECT secret, previous_secret FROM webhook_endpoints WHERE id = ?",
    )
      .bind(endpoint.id)
      .first<{ secret: string; previous_secret: string }>();
    expect(row).toEqual({ secret: two.secret, previous_secret: one.secret });
    const audit = await env.DB.prepare(
      "SELECT group_concat(coalesce(before, '') || coalesce(after, '')) AS j FROM audit_log WHERE action = 'webhook.rotate_secret'",
    ).first<{ j: string }>();
    expect(audit?.j).toContain("secret_rotated");
    for (const s of [endpoint.secret, one.secret, two.secret]) expect(audit?.j).not.toContain(s);
  });

  it("of an endpoint that does not exist is a 404", async () => {
    expect((await api("/api/v1/webhooks/999999/rotate-secret", { method: "POST" })).status).toBe(
      404,
    );
  });
});
