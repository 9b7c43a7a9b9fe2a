// SSRF through webhook URLs: a token holder must not make Lodestone call inward (metadata, loopback,
// private networks) in any spelling, nor read what such a target answers.
import { describe, it, expect, afterEach } from "vitest";
import { env } from "cloudflare:workers";
import { createExecutionContext } from "cloudflare:test";
import { createApp } from "../../src/app";
import type { Bindings } from "../../src/env";
import { api, makeToken } from "../support/api";
import { BASE } from "../support/http";
import { consume, receiver } from "../support/webhooks";

let restore = () => {};
afterEach(() => restore());

const ATTACKS = [
  "https://169.254.169.254/latest/meta-data/iam/",
  "https://2852039166/latest/meta-data/",
  "https://0xa9fea9fe/",
  "https://[::ffff:169.254.169.254]/",
  "https://[::ffff:a9fe:a9fe]/",
  "https://0.0.0.0/",
  "https://[::]/",
  "https://[fe80::1]/",
  "http://2130706433/",
  "http://0177.0.0.1/",
  "http://0x7f.1/",
  "http://127.1/",
  "https://10.0.0.1/admin",
  "https://100.64.0.1/",
  "https://[fd12:3456::1]/",
  "http://localhost:8080/",
  "http://127.0.0.1:9000/",
];

async function endpointCount(): Promise<number> {
  return (await env.DB.prepare("SELECT count(*) n FROM webhook_endpoints").first<number>("n"))!;
}

/** A stored endpoint as it could exist from before the check, with one pending delivery. */
async function storedEndpointWithDelivery(url: string) {
  const now = Date.now();
  const endpoint = await env.DB.prepare(
    "INSERT INTO webhook_endpoints (url, secret, event_types, active, created_at, updated_at) VALUES (?, ?, '[\"lead.qualified\"]', 1, ?, ?) RETURNING id",
  )
    .bind(url, `whsec_${btoa("0123456789abcdef0123456789abcdef")}`, now, now)
    .first<{ id: number }>();
  const delivery = await env.DB.prepare(
    "INSERT INTO webhook_deliveries (message_id, endpoint_id, event_type, payload, status, attempts, next_attempt_at, created_at, updated_at) VALUES (?, ?, 'lead.qualified', '{\"type\":\"lead.qualified\"}', 'pending', 0, ?, ?, ?) RETURNING id",
  )
    .bind(`msg_${crypto.randomUUID()}`, endpoint!.id, now, now, now)
    .first<{ id: number }>();
  return { endpointId: endpoint!.id, deliveryId: delivery!.id };
}

describe("webhook URLs that point inward are refused", () => {
  it.each(ATTACKS)("registering %s is a 400 naming the url, and nothing is stored", async (url) => {
    const sales = await makeToken(["sales"], "sales crm");
    const before = await endpointCount();
    const res = await api("/api/v1/webhooks", {
      method: "POST",
      token: sales.token,
      json: { url },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { code: string; details: { fields: Record<string, string[]> } };
    };
    expect(body.error.code).toBe("BAD_REQUEST");
    expect(Object.keys(body.error.details.fields)).toEqual(["url"]);
    expect(await endpointCount()).toBe(before);
  });

  it("an endpoint cannot be moved to an inward URL, nor switched on while it has one", async () => {
    const created = await api("/api/v1/webhooks", {
      method: "POST",
      json: { url: "https://crm.example.com/hooks/safe" },
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    const moved = await api(`/api/v1/webhooks/${id}`, {
      method: "PATCH",
      json: { url: "https://[::ffff:a9fe:a9fe]/" },
    });
    expect(moved.status).toBe(400);
    expect(await moved.json()).toMatchObject({
      error: { details: { fields: { url: expect.any(Array) } } },
    });
    const kept = (await (await api(`/api/v1/webhooks/${id}`)).json()) as { url: string };
    expect(kept.url).toBe("https://crm.example.com/hooks/safe");

    const { endpointId } = await storedEndpointWithDelivery("https://169.254.169.254/");
    await env.DB.prepare("UPDATE webhook_endpoints SET active = 0 WHERE id = ?")
      .bind(endpointId)
      .run();
    const switchedOn = await api(`/api/v1/webhooks/${endpointId}`, {
      method: "PATCH",
      json: { active: true },
    });
    expect(switchedOn.status).toBe(400);
  });

  it("a stored endpoint from before the check is never called: its delivery is parked, nothing is read back", async () => {
    const net = receiver([() => new Response("ami-id\ninstance-id\niam/security-credentials/")]);
    restore = net.restore;
    const { endpointId, deliveryId } = await storedEndpointWithDelivery(
      "https://[::ffff:169.254.169.254]/latest/meta-data/",
    );
    await consume([{ type: "webhook.deliver", deliveryId }]);
    expect(net.received).toHaveLength(0);

    const endpoint = (await (await api(`/api/v1/webhooks/${endpointId}`)).json()) as {
      active: boolean;
      disabled_reason: string | null;
    };
    expect(endpoint.active).toBe(false);
    expect(endpoint.disabled_reason).toMatch(/not an allowed target/);
    const detail = await api(`/api/v1/webhooks/${endpointId}/deliveries/${deliveryId}`);
    expect(detail.status).toBe(200);
    const body = (await detail.json()) as {
      status: string;
      attempt_log: { response_excerpt: string | null }[];
    };
    // Parked, not lost: it goes out once the URL is fixed and the endpoint switched on.
    expect(body.status).toBe("pending");
    expect(JSON.stringify(body)).not.toContain("instance-id");

    const fixed = await api(`/api/v1/webhooks/${endpointId}`, {
      method: "PATCH",
      json: { url: "https://crm.example.com/fixed", active: true },
    });
    expect(fixed.status).toBe(200);
    await consume([{ type: "webhook.deliver", deliveryId }]);
    expect(net.received.map((r) => r.url)).toEqual(["https://crm.example.com/fixed"]);
  });

  it("what an inward target answered before the check is not shown", async () => {
    const { endpointId, deliveryId } = await storedEndpointWithDelivery("http://2130706433/");
    await env.DB.prepare(
      "INSERT INTO webhook_attempts (delivery_id, at, status_code, duration_ms, response_excerpt, error) VALUES (?, ?, 200, 3, 'root:x:0:0:root:/root:/bin/bash', NULL)",
    )
      .bind(deliveryId, Date.now())
      .run();
    const detail = await api(`/api/v1/webhooks/${endpointId}/deliveries/${deliveryId}`);
    expect(detail.status).toBe(200);
    const text = await detail.text();
    expect(text).not.toContain("root:x:0:0");
    expect(JSON.parse(text).attempt_log).toEqual([
      expect.objectContaining({ status_code: 200, response_excerpt: null }),
    ]);
    // Nor once the endpoint is moved to an allowed URL: the old answer is dropped, not re-shown.
    const moved = await api(`/api/v1/webhooks/${endpointId}`, {
      method: "PATCH",
      json: { url: "https://crm.example.com/after-move" },
    });
    expect(moved.status).toBe(200);
    const after = await (
      await api(`/api/v1/webhooks/${endpointId}/deliveries/${deliveryId}`)
    ).text();
    expect(after).not.toContain("root:x:0:0");
  });

  it("a redirect is not followed: a 3xx counts as a failed attempt", async () => {
    const net = receiver([
      () => new Response(null, { status: 302, headers: { location: "http://169.254.169.254/" } }),
    ]);
    restore = net.restore;
    const { endpointId, deliveryId } = await storedEndpointWithDelivery(
      "https://crm.example.com/moved",
    );
    await consume([{ type: "webhook.deliver", deliveryId }]);
    expect(net.received.map((r) => r.url)).toEqual(["https://crm.example.com/moved"]);
    const body = (await (
      await api(`/api/v1/webhooks/${endpointId}/deliveries/${deliveryId}`)
    ).json()) as { status: string; attempts: number; last_status_code: number };
    expect(body).toMatchObject({ status: "pending", attempts: 1, last_status_code: 302 });
  });
});

describe("in local dev (LODESTONE_ENV=development)", () => {
  const devEnv = { ...env, LODESTONE_ENV: "development" } as Bindings;
  const app = createApp();
  const register = (url: string) =>
    app.fetch(
      new Request(`${BASE}/api/v1/webhooks`, {
        method: "POST",
        body: JSON.stringify({ url }),
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${env.ADMIN_TOKEN}`,
        },
      }),
      devEnv,
      createExecutionContext(),
    );

  it.each(["http://localhost:3000/crm", "http://127.0.0.1:9000/h", "http://[::1]:8080/h"])(
    "a local CRM mock at %s is accepted",
    async (url) => {
      expect((await register(url)).status).toBe(201);
    },
  );

  it.each([
    "http://2130706433/",
    "http://0x7f.1/",
    "http://127.1/",
    "http://[::ffff:127.0.0.1]/",
    "https://169.254.169.254/",
    "https://0.0.0.0/",
  ])("any other spelling of this machine, or metadata, is still refused: %s", async (url) => {
    const res = await register(url);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "BAD_REQUEST" } });
  });
});
