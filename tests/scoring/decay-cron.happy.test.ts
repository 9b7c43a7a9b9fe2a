import { describe, it, expect } from "vitest";
import { env } from "cloudflare:workers";
import { createExecutionContext, createScheduledController } from "cloudflare:test";
import { runHandoffTick } from "../../src/jobs/handoff-tick";
import { insertLead, recordingQueue } from "../support/leads";
import { makeEndpoint } from "../support/webhooks";

describe("the cron's scoring and handoff work", () => {
  it("queues the decay pass over every lead id at 03:00 UTC, and nothing at other minutes", async () => {
    const last = await insertLead();
    const q = recordingQueue();
    const at3 = Date.UTC(2026, 2, 1, 3, 0);
    const out = await runHandoffTick(q.env, at3);
    expect(out.decayMessages).toBe(Math.ceil(last / 500));
    const ranges = q.sent as { type: string; fromId: number; toId: number; now: number }[];
    expect(ranges[0]).toEqual({ type: "score.decay", fromId: 1, toId: Math.min(500, last), now: at3 });
    expect(ranges[ranges.length - 1]!.toId).toBe(last);
    const q2 = recordingQueue();
    expect((await runHandoffTick(q2.env, at3 + 60_000)).decayMessages).toBe(0);
  });

  it("re-queues a pending delivery whose attempt is long overdue (its message went missing)", async () => {
    const endpoint = await makeEndpoint(["lead.qualified"]);
    const now = Date.now();
    const row = await env.DB.prepare(
      "INSERT INTO webhook_deliveries (message_id, endpoint_id, event_type, payload, status, attempts, next_attempt_at, created_at, updated_at) VALUES ('msg_x', ?, 'lead.qualified', '{}', 'pending', 2, ?, ?, ?) RETURNING id",
    ).bind(endpoint.id, now - 3_600_000, now, now).first<{ id: number }>();
    const q = recordingQueue();
    await runHandoffTick(q.env, now);
    expect(q.sent).toContainEqual({ type: "webhook.deliver", deliveryId: row!.id });
    const q2 = recordingQueue();
    await runHandoffTick(q2.env, now + 60_000);
    expect(q2.sent).not.toContainEqual({ type: "webhook.deliver", deliveryId: row!.id });
    await env.DB.exec("UPDATE webhook_endpoints SET active = 0");
  });

  it("the scheduled handler runs it", async () => {
    const worker = (await import("../../src/index")).default;
    const q = recordingQueue();
    await worker.scheduled!(createScheduledController({ scheduledTime: Date.UTC(2026, 2, 2, 3, 0), cron: "* * * * *" }), q.env, createExecutionContext());
    expect(q.sent.some((m) => (m as { type: string }).type === "score.decay")).toBe(true);
  });
});
