// Deliveries that simply go out travel through the real queue to the real consumer. The retry schedule is a consumer-unit
// test: a queue that refuses sends leaves the deliveries pending in D1, and the real handler runs on messages built from them.
import { describe, it, expect, beforeAll, afterEach, vi } from "vitest";
import { env } from "cloudflare:workers";
import { Webhook } from "standardwebhooks";
import { db, makeAsset } from "../support/fixtures";
import { api } from "../support/api";
import { addTouch, insertLead, waitFor, QUEUE_TIMEOUTS, QUEUE_WAIT_MS } from "../support/leads";
import {
  consume,
  makeEndpoint,
  pendingDeliveries,
  receiver,
  refusingQueue,
} from "../support/webhooks";
import { ensureDefaultRules } from "../../src/services/scoring/default-rules";
import { scoreAndQualify as scoreEvents } from "../../src/services/qualification/score-and-qualify";

vi.setConfig(QUEUE_TIMEOUTS);

let restore = () => {};
afterEach(async () => {
  restore();
  // Each test's endpoint stops receiving once the test is over, pass or fail.
  await env.DB.exec("UPDATE webhook_endpoints SET active = 0, disabled_reason = NULL");
});
beforeAll(async () => {
  await ensureDefaultRules(db());
  await env.DB.exec("UPDATE webhook_endpoints SET active = 0");
});

/** Seconds until the next attempt that the last attempt scheduled (the queue message is retried with this delay). */
async function scheduledDelay(endpointId: number): Promise<number | null> {
  const row = await env.DB.prepare(
    "SELECT d.next_attempt_at - (SELECT max(a.at) FROM webhook_attempts a WHERE a.delivery_id = d.id) AS ms FROM webhook_deliveries d WHERE d.endpoint_id = ? ORDER BY d.id DESC LIMIT 1",
  )
    .bind(endpointId)
    .first<{ ms: number | null }>();
  return row?.ms === null || row?.ms === undefined ? null : row.ms / 1000;
}

/** A lead that turns MQL on one click; its deliveries go to `jobs` (the real queue unless a test injects a fault). */
async function qualifiedLead(webhooks: Queue = env.WEBHOOKS) {
  const asset = await makeAsset();
  const leadId = await insertLead({
    job_title: "Chief Revenue Officer",
    company_size: "5000+",
    phone: "+15551234567",
  });
  await addTouch(leadId, asset.id, Date.now());
  const out = await scoreEvents(
    { db: db(), webhooks, jobs: env.JOBS, threshold: 50 },
    leadId,
    [
      { type: "gate_submitted", at: Date.now(), data: { new: true } },
      { type: "downloaded", at: Date.now(), data: null },
    ],
    Date.now(),
  );
  expect(out).toMatchObject({ ok: true, value: { qualified: true } });
  return { leadId, asset };
}

/** Waits until the endpoint's deliveries have all left 'pending'; returns their statuses. */
async function deliveriesSettled(endpointId: number) {
  return waitFor(
    async () => {
      const rows = (
        await env.DB.prepare(
          "SELECT status FROM webhook_deliveries WHERE endpoint_id = ? ORDER BY id",
        )
          .bind(endpointId)
          .all<{ status: string }>()
      ).results;
      return (
        rows.length > 0 && rows.every((r) => r.status !== "pending") && rows.map((r) => r.status)
      );
    },
    `the deliveries of endpoint ${endpointId}`,
    QUEUE_WAIT_MS,
  );
}

describe("webhooks to sales", () => {
  it("an endpoint is created with a whsec_ secret shown once", async () => {
    const res = await api("/api/v1/webhooks", {
      method: "POST",
      json: { url: "https://crm.example/hooks/a" },
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      id: number;
      secret: string;
      event_types: string[];
      active: boolean;
    };
    expect(body.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    expect(body.event_types).toEqual(["lead.qualified", "lead.stage_changed"]);
    const listed = await (await api(`/api/v1/webhooks/${body.id}`)).text();
    expect(listed).not.toContain(body.secret);
    await api(`/api/v1/webhooks/${body.id}`, { method: "PATCH", json: { active: false } });
  });

  it("a new MQL is sent as lead.qualified, signed so a Standard Webhooks library verifies it", async () => {
    const endpoint = await makeEndpoint();
    const all = receiver([() => new Response("ok", { status: 200 })]);
    restore = all.restore;
    const { leadId, asset } = await qualifiedLead();
    expect(await deliveriesSettled(endpoint.id)).toEqual(["delivered", "delivered"]); // each delivered on its first attempt, none left to retry
    const r = { received: all.received.filter((x) => x.url === endpoint.url) };
    const qualified = r.received.find((x) => JSON.parse(x.body).type === "lead.qualified")!;
    expect(qualified.url).toMatch(/^https:\/\/crm\.example\/hooks\/\d+$/);
    const payload = new Webhook(endpoint.secret).verify(qualified.body, qualified.headers) as {
      type: string;
      data: { lead: Record<string, any> };
    };
    expect(qualified.headers["webhook-id"]).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(qualified.headers["webhook-signature"]).toMatch(/^v1,/);
    expect(payload.type).toBe("lead.qualified");
    const lead = payload.data.lead;
    expect(lead).toMatchObject({ id: leadId, stage: "mql", job_title: "Chief Revenue Officer" });
    expect(lead.score.total).toBeGreaterThanOrEqual(50);
    expect(lead.score.top_reasons[0]).toMatchObject({
      label: expect.any(String),
      points: expect.any(Number),
    });
    expect(lead.first_touch.asset.id).toBe(asset.id);
    expect(lead.assets).toEqual([expect.objectContaining({ id: asset.id, slug: asset.slug })]);
    expect(r.received.map((x) => JSON.parse(x.body).type).sort()).toEqual([
      "lead.qualified",
      "lead.stage_changed",
    ]);
  });

  it("a receiver that fails and then recovers gets the event once delivered: same webhook-id, same body, every attempt logged", async () => {
    const endpoint = await makeEndpoint(["lead.qualified"]);
    await qualifiedLead(refusingQueue());
    const messages = await pendingDeliveries(endpoint.id);
    const r = receiver([
      () => new Response("down", { status: 503 }),
      () => new Response("still down", { status: 500 }),
      () => new Response(null, { status: 204 }),
    ]);
    restore = r.restore;
    const delays: (number | null)[] = [];
    const retried: number[] = [];
    for (let i = 0; i < 3; i++) {
      retried.push((await consume(messages)).retryMessages.length); // the retried message runs again
      delays.push(await scheduledDelay(endpoint.id));
    }
    expect(retried).toEqual([1, 1, 0]);
    expect(delays).toEqual([5, 300, null]); // the Standard Webhooks schedule: 5 s, then 5 min
    expect(r.received).toHaveLength(3);
    expect(new Set(r.received.map((x) => x.headers["webhook-id"])).size).toBe(1);
    expect(new Set(r.received.map((x) => x.body)).size).toBe(1);
    for (const x of r.received)
      expect(() => new Webhook(endpoint.secret).verify(x.body, x.headers)).not.toThrow();

    const [delivery] = (
      (await (await api(`/api/v1/webhooks/${endpoint.id}/deliveries`)).json()) as {
        data: { id: number; status: string; attempts: number }[];
      }
    ).data;
    expect(delivery).toMatchObject({ status: "delivered", attempts: 3 });
    const detail = (await (
      await api(`/api/v1/webhooks/${endpoint.id}/deliveries/${delivery!.id}`)
    ).json()) as {
      attempt_log: { status_code: number; response_excerpt: string; duration_ms: number }[];
    };
    expect(detail.attempt_log.map((a) => [a.status_code, a.response_excerpt])).toEqual([
      [503, "down"],
      [500, "still down"],
      [204, ""],
    ]);
  });

  it("a 429 is retried after the receiver's Retry-After, a timeout is logged as one", async () => {
    const endpoint = await makeEndpoint(["lead.qualified"]);
    await qualifiedLead(refusingQueue());
    const messages = await pendingDeliveries(endpoint.id);
    const r = receiver([
      () => new Response("slow down", { status: 429, headers: { "retry-after": "120" } }),
    ]);
    restore = r.restore;
    expect((await consume(messages)).retryMessages).toHaveLength(1);
    expect(await scheduledDelay(endpoint.id)).toBe(120);
    r.restore();
    const t = receiver([
      () => {
        throw new DOMException("The operation was aborted due to timeout", "TimeoutError");
      },
    ]);
    restore = t.restore;
    await consume(messages);
    const attempts = await env.DB.prepare(
      "SELECT a.status_code, a.error FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id WHERE d.endpoint_id = ? ORDER BY a.id",
    )
      .bind(endpoint.id)
      .all();
    expect(attempts.results).toEqual([
      { status_code: 429, error: null },
      { status_code: null, error: "no answer within 5 s" },
    ]);
  });

  it("410 Gone switches the endpoint off; later events are parked, and switching it on sends them", async () => {
    const endpoint = await makeEndpoint(["lead.qualified"]);
    const gone = receiver([() => new Response("gone", { status: 410 })]);
    restore = gone.restore;
    await qualifiedLead();
    expect(await deliveriesSettled(endpoint.id)).toEqual(["failed"]);
    const ep = (await (await api(`/api/v1/webhooks/${endpoint.id}`)).json()) as {
      active: boolean;
      disabled_reason: string;
    };
    expect(ep).toMatchObject({ active: false, disabled_reason: "The receiver answered 410 Gone" });

    await qualifiedLead(); // while off: a delivery is created but not queued (it is written without a due time, read straight after)
    const parked = await env.DB.prepare(
      "SELECT status, next_attempt_at FROM webhook_deliveries WHERE endpoint_id = ? ORDER BY id DESC LIMIT 1",
    )
      .bind(endpoint.id)
      .first();
    expect(parked).toEqual({ status: "pending", next_attempt_at: null });
    gone.restore();

    const ok = receiver([() => new Response("ok")]);
    restore = ok.restore;
    const res = await api(`/api/v1/webhooks/${endpoint.id}`, {
      method: "PATCH",
      json: { active: true },
    });
    expect(res.status).toBe(200);
    await waitFor(
      () =>
        env.DB.prepare(
          "SELECT 1 AS ok FROM webhook_deliveries WHERE endpoint_id = ? AND status = 'delivered'",
        )
          .bind(endpoint.id)
          .first(),
      "the parked delivery to go out",
      QUEUE_WAIT_MS,
    );
    expect(gone.received.filter((x) => x.url === endpoint.url)).toHaveLength(1); // the parked one never went to the switched-off endpoint
  });

  it("an endpoint failing for the whole retry schedule is switched off and flagged; a replay sends the same event again", async () => {
    const endpoint = await makeEndpoint(["lead.qualified"]);
    await qualifiedLead(refusingQueue());
    const messages = await pendingDeliveries(endpoint.id);
    const down = receiver([() => new Response("nope", { status: 502 })]);
    restore = down.restore;
    const delays: (number | null)[] = [];
    for (let i = 0; i < 8; i++) {
      await consume(messages);
      delays.push(await scheduledDelay(endpoint.id));
    }
    expect(delays).toEqual([5, 300, 1800, 7200, 18000, 36000, 36000, null]);
    const ep = (await (await api(`/api/v1/webhooks/${endpoint.id}`)).json()) as {
      active: boolean;
      disabled_reason: string;
    };
    expect(ep.active).toBe(false);
    expect(ep.disabled_reason).toMatch(
      /failed for the whole retry schedule \(8 attempts, last: HTTP 502\)/,
    );
    const firstBody = down.received[0]!;
    down.restore();

    const up = receiver([() => new Response("ok")]);
    restore = up.restore;
    const [delivery] = (
      (await (await api(`/api/v1/webhooks/${endpoint.id}/deliveries`)).json()) as {
        data: { id: number; status: string }[];
      }
    ).data;
    expect(delivery!.status).toBe("failed");
    expect(
      (
        await api(`/api/v1/webhooks/${endpoint.id}/deliveries/${delivery!.id}/replay`, {
          method: "POST",
        })
      ).status,
    ).toBe(409);
    await api(`/api/v1/webhooks/${endpoint.id}`, { method: "PATCH", json: { active: true } });
    expect(
      (
        await api(`/api/v1/webhooks/${endpoint.id}/deliveries/${delivery!.id}/replay`, {
          method: "POST",
        })
      ).status,
    ).toBe(202);
    await waitFor(
      async () =>
        up.received.length > 0 &&
        env.DB.prepare(
          "SELECT 1 AS ok FROM webhook_deliveries WHERE id = ? AND status = 'delivered'",
        )
          .bind(delivery!.id)
          .first(),
      "the replay",
      QUEUE_WAIT_MS,
    );
    expect(up.received[0]!.headers["webhook-id"]).toBe(firstBody.headers["webhook-id"]);
    expect(up.received[0]!.body).toBe(firstBody.body);
  });

  it("lead.score_changed goes only to endpoints that opted in, with the score before and after", async () => {
    const optedIn = await makeEndpoint(["lead.score_changed"]);
    const r = receiver([() => new Response("ok")]);
    restore = r.restore;
    const leadId = await insertLead();
    await scoreEvents(
      { db: db(), webhooks: env.WEBHOOKS, jobs: env.JOBS, threshold: 1000 },
      leadId,
      [{ type: "email_clicked", at: Date.now(), data: null }],
      Date.now(),
    );
    const rows = await env.DB.prepare(
      "SELECT endpoint_id, event_type, payload FROM webhook_deliveries WHERE lead_id = ?",
    )
      .bind(leadId)
      .all<{ endpoint_id: number; event_type: string; payload: string }>();
    expect(rows.results.map((r) => [r.endpoint_id, r.event_type])).toEqual([
      [optedIn.id, "lead.score_changed"],
    ]);
    expect(JSON.parse(rows.results[0]!.payload).data.change).toEqual({
      from_score: 0,
      to_score: 5,
    });
    // Sent once, through the real queue.
    expect(await deliveriesSettled(optedIn.id)).toEqual(["delivered"]);
    expect(
      r.received.filter((x) => x.url === optedIn.url).map((x) => JSON.parse(x.body).type),
    ).toEqual(["lead.score_changed"]);
  });
});
