// A sales receiver at the HTTP boundary: outbound fetches are intercepted and answered as a test scripts them.
import { vi } from "vitest";
import { env } from "cloudflare:workers";
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import worker from "../../src/index";
import type { Bindings } from "../../src/env";

export type Received = { url: string; headers: Record<string, string>; body: string };

/** Answers each POST with the next scripted response (the last one repeats); records what arrived. */
export function receiver(script: (() => Response)[]) {
  const received: Received[] = [];
  const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    received.push({ url: req.url, headers: Object.fromEntries(req.headers), body: await req.text() });
    const next = script[Math.min(received.length - 1, script.length - 1)]!;
    return next();
  });
  return { received, restore: () => spy.mockRestore() };
}

let n = 0;
/** Runs the real queue handler on these message bodies; returns what it acked and retried. */
export async function consume(target: Bindings, bodies: unknown[]) {
  const batch = createMessageBatch("lodestone-jobs", bodies.map((body) => ({ id: `w${++n}`, timestamp: new Date(), attempts: 1, body })));
  const ctx = createExecutionContext();
  await worker.queue!(batch, target);
  return getQueueResult(batch, ctx);
}

export async function makeEndpoint(eventTypes = ["lead.qualified", "lead.stage_changed"]) {
  const row = await env.DB.prepare(
    "INSERT INTO webhook_endpoints (url, secret, event_types, active, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?) RETURNING id, secret",
  )
    .bind(`https://crm.example/hooks/${++n}`, `whsec_${btoa("0123456789abcdef0123456789abcdef").slice(0, 32)}`, JSON.stringify(eventTypes), Date.now(), Date.now())
    .first<{ id: number; secret: string }>();
  return row!;
}
