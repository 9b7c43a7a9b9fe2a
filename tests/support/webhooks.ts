// A sales receiver at the HTTP boundary: outbound fetches are intercepted and answered as a test scripts them.
import { vi } from "vitest";
import { env } from "cloudflare:workers";
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import worker from "../../src/index";

export type Received = { url: string; headers: Record<string, string>; body: string };

/** Answers each POST with the next scripted response (the last one repeats); records what arrived. */
export function receiver(script: (() => Response)[]) {
  const received: Received[] = [];
  const spy = vi
    .spyOn(globalThis, "fetch")
    .mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
      const req = new Request(input, init);
      received.push({
        url: req.url,
        headers: Object.fromEntries(req.headers),
        body: await req.text(),
      });
      const next = script[Math.min(received.length - 1, script.length - 1)]!;
      return next();
    });
  return { received, restore: () => spy.mockRestore() };
}

/**
 * Fault injection: a queue that refuses every send. Deliveries written meanwhile stay pending in D1 with no message
 * (the cron's sweep would queue them again), so a test can hand them to the consumer itself.
 */
export function refusingQueue(): Queue {
  const refuse = async () => {
    throw new Error("Queue send failed: the queue is unavailable");
  };
  return { send: refuse, sendBatch: refuse } as unknown as Queue;
}

/** The queue messages for an endpoint's pending deliveries, as the producers build them. */
export async function pendingDeliveries(endpointId: number) {
  const rows = await env.DB.prepare(
    "SELECT id FROM webhook_deliveries WHERE endpoint_id = ? AND status = 'pending' ORDER BY id",
  )
    .bind(endpointId)
    .all<{ id: number }>();
  return rows.results.map((r) => ({ type: "webhook.deliver" as const, deliveryId: r.id }));
}

let n = 0;
/** Runs the real queue handler on these message bodies, as the webhook queue would deliver them; returns what it acked and retried. */
export async function consume(bodies: unknown[]) {
  const batch = createMessageBatch(
    "lodestone-webhooks",
    bodies.map((body) => ({ id: `w${++n}`, timestamp: new Date(), attempts: 1, body })),
  );
  const ctx = createExecutionContext();
  await worker.queue!(batch, env);
  return getQueueResult(batch, ctx);
}

export async function makeEndpoint(eventTypes = ["lead.qualified", "lead.stage_changed"]) {
  const row = await env.DB.prepare(
    "INSERT INTO webhook_endpoints (url, secret, event_types, active, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?) RETURNING id, url, secret",
  )
    .bind(
      `https://crm.example/hooks/${++n}`,
      `whsec_${btoa("0123456789abcdef0123456789abcdef").slice(0, 32)}`,
      JSON.stringify(eventTypes),
      Date.now(),
      Date.now(),
    )
    .first<{ id: number; url: string; secret: string }>();
  return row!;
}
