// Ids are never handed out twice, and a receiver that was down gets what failed meanwhile, once asked.
import { describe, it, expect, afterEach } from "vitest";
import { env } from "cloudflare:workers";
import { api } from "../support/api";
import { insertLead } from "../support/leads";
import { consume, receiver } from "../support/webhooks";

let restore = () => {};
afterEach(() => restore());

async function createEndpoint(url = "https://crm.example/hooks/lodestone") {
  const res = await api("/api/v1/webhooks", {
    method: "POST",
    json: { url, event_types: ["lead.qualified"] },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: number };
}

/** A delivery for the endpoint as the emitter writes it: pending, due now, about lead `leadId`. */
async function pendingDelivery(endpointId: number, leadId: number | null = null) {
  const now = Date.now();
  const row = await env.DB.prepare(
    `INSERT INTO webhook_deliveries (message_id, endpoint_id, lead_id, event_type, payload, status, attempts, next_attempt_at, created_at, updated_at)
     VALUES (?, ?, ?, 'lead.qualified', ?, 'pending', 0, ?, ?, ?) RETURNING id`,
  )
    .bind(
      `msg_${crypto.randomUUID()}`,
      endpointId,
      leadId,
      JSON.stringify({ type: "lead.qualified", data: { lead: { id: leadId } } }),
      now,
      now,
      now,
    )
    .first<{ id: number }>();
  return row!.id;
}

const deliver = (id: number) => consume([{ type: "webhook.deliver", deliveryId: id }]);
const endpoint = async (id: number) =>
  (await (await api(`/api/v1/webhooks/${id}`)).json()) as {
    active: boolean;
    failed_deliveries: number;
  };
const statusOf = async (id: number) =>
  (
    await env.DB.prepare("SELECT status FROM webhook_deliveries WHERE id = ?")
      .bind(id)
      .first<{ status: string }>()
  )?.status;

describe("deleted rows keep their ids", () => {
  it("a new endpoint never inherits a deleted one's deliveries or its pending retries", async () => {
    const old = await createEndpoint("https://old-crm.example/hook");
    const delivery = await pendingDelivery(old.id);
    expect((await api(`/api/v1/webhooks/${old.id}`, { method: "DELETE" })).status).toBe(204);
    expect(await statusOf(delivery)).toBe("failed");

    const fresh = await createEndpoint("https://new-crm.example/hook");
    expect(fresh.id).toBeGreaterThan(old.id);
    const list = (await (await api(`/api/v1/webhooks/${fresh.id}/deliveries`)).json()) as {
      data: unknown[];
    };
    expect(list.data).toEqual([]);

    // The old retry's queue message arrives after all: nothing is sent anywhere.
    const crm = receiver([() => new Response("ok")]);
    restore = crm.restore;
    await deliver(delivery);
    expect(crm.received).toEqual([]);
  });

  it("a new score rule or spend row never takes a deleted one's id", async () => {
    const rule = {
      kind: "fit",
      field: "job_title_keyword",
      match: ["director"],
      points: 5,
      label: "Director",
    };
    const created = await api("/api/v1/score-rules", { method: "POST", json: rule });
    expect(created.status).toBe(201);
    const first = (await created.json()) as { id: number };
    expect((await api(`/api/v1/score-rules/${first.id}`, { method: "DELETE" })).status).toBe(204);
    const second = (await (
      await api("/api/v1/score-rules", { method: "POST", json: rule })
    ).json()) as { id: number };
    expect(second.id).toBeGreaterThan(first.id);

    const spend = { channel: "paid", day_from: "2026-11-01", amount_minor: 1000, currency: "USD" };
    const s1 = await api("/api/v1/spend", { method: "POST", json: spend });
    expect(s1.status).toBe(201);
    const { id: spendId } = (await s1.json()) as { id: number };
    expect((await api(`/api/v1/spend/${spendId}`, { method: "DELETE" })).status).toBe(204);
    const s2 = (await (await api("/api/v1/spend", { method: "POST", json: spend })).json()) as {
      id: number;
    };
    expect(s2.id).toBeGreaterThan(spendId);
  });
});

describe("a receiver that was down", () => {
  it("410 switches the endpoint off; switching on re-sends what failed only when asked", async () => {
    const ep = await createEndpoint();
    const first = await pendingDelivery(ep.id, await insertLead());
    const gone = receiver([() => new Response("gone", { status: 410 })]);
    restore = gone.restore;
    await deliver(first);
    gone.restore();
    expect(await statusOf(first)).toBe("failed");
    expect(await endpoint(ep.id)).toMatchObject({ active: false, failed_deliveries: 1 });

    // Re-sending needs the endpoint on.
    const refused = await api(`/api/v1/webhooks/${ep.id}`, {
      method: "PATCH",
      json: { resend_failed: true },
    });
    expect(refused.status).toBe(409);
    expect(
      ((await refused.json()) as { error: { details: { fields: object } } }).error.details.fields,
    ).toHaveProperty("resend_failed");

    // Switched on without asking: the failed delivery stays failed.
    const back = receiver([() => new Response("ok")]);
    restore = back.restore;
    await api(`/api/v1/webhooks/${ep.id}`, { method: "PATCH", json: { active: false } });
    const on = await api(`/api/v1/webhooks/${ep.id}`, { method: "PATCH", json: { active: true } });
    expect(((await on.json()) as { failed_deliveries: number }).failed_deliveries).toBe(1);
    await deliver(first);
    expect(back.received).toEqual([]);

    // Asked: it goes out again, with the same webhook-id, and the count clears.
    const resent = await api(`/api/v1/webhooks/${ep.id}`, {
      method: "PATCH",
      json: { active: true, resend_failed: true },
    });
    expect(((await resent.json()) as { failed_deliveries: number }).failed_deliveries).toBe(0);
    await deliver(first);
    expect(back.received).toHaveLength(1);
    expect(await statusOf(first)).toBe("delivered");
  });

  it("an erased lead's failed delivery is never sent again", async () => {
    const ep = await createEndpoint();
    const leadId = await insertLead();
    const delivery = await pendingDelivery(ep.id, leadId);
    const gone = receiver([() => new Response("gone", { status: 410 })]);
    restore = gone.restore;
    await deliver(delivery);
    gone.restore();
    expect((await api(`/api/v1/leads/${leadId}`, { method: "DELETE" })).status).toBe(200);

    const back = receiver([() => new Response("ok")]);
    restore = back.restore;
    await api(`/api/v1/webhooks/${ep.id}`, {
      method: "PATCH",
      json: { active: true, resend_failed: true },
    });
    await deliver(delivery);
    expect(back.received).toEqual([]);
    expect(await statusOf(delivery)).toBe("failed");
  });
});
