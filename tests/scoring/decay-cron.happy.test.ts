// The cron's decay pass and delivery sweep queue on the real queue; the tests wait for what the real consumer does with it.
import { describe, it, expect, beforeAll, vi } from "vitest";
import { env } from "cloudflare:workers";
import { createExecutionContext, createScheduledController } from "cloudflare:test";
import { runHandoffTick } from "../../src/jobs/handoff-tick";
import { ensureDefaultRules } from "../../src/services/scoring/default-rules";
import { scoreAndQualify as scoreEvents } from "../../src/services/qualification/score-and-qualify";
import { db } from "../support/fixtures";
import { insertLead, waitFor, QUEUE_TIMEOUTS, QUEUE_WAIT_MS } from "../support/leads";
import { makeEndpoint, receiver } from "../support/webhooks";

vi.setConfig(QUEUE_TIMEOUTS);

const DAY = 86_400_000;
/** 03:00 UTC, at least `days` from now: the decay pass's minute, far enough ahead for points to fade. */
const threeAmIn = (days: number) =>
  Math.ceil((Date.now() + days * DAY) / DAY) * DAY + 3 * 3_600_000;

/** A lead with behaviour points (a gate submission and a click, now); returns its id and behaviour score. */
async function engagedLead() {
  const id = await insertLead();
  const now = Date.now();
  await scoreEvents(
    { db: db(), webhooks: env.WEBHOOKS, jobs: env.JOBS, threshold: 1000 },
    id,
    [
      { type: "gate_submitted", at: now, data: { new: true } },
      { type: "email_clicked", at: now, data: null },
    ],
    now,
  );
  const row = await env.DB.prepare("SELECT behaviour_score FROM leads WHERE id = ?")
    .bind(id)
    .first<{ behaviour_score: number }>();
  expect(row!.behaviour_score).toBeGreaterThan(0);
  return { id, before: row!.behaviour_score };
}

/** Waits until the real consumer has decayed each of these leads below the behaviour score it had. */
async function decayed(leads: { id: number; before: number }[]) {
  await waitFor(
    async () => {
      const rows = await env.DB.prepare(
        `SELECT id, behaviour_score FROM leads WHERE id IN (${leads.map((l) => l.id).join(", ")})`,
      ).all<{ id: number; behaviour_score: number }>();
      return (
        rows.results.length === leads.length &&
        rows.results.every((r) => r.behaviour_score < leads.find((l) => l.id === r.id)!.before)
      );
    },
    `leads ${leads.map((l) => l.id).join(", ")} to be decayed`,
    QUEUE_WAIT_MS,
  );
}

beforeAll(async () => void (await ensureDefaultRules(db())));

describe("the cron's scoring and handoff work", () => {
  it("queues the decay pass over every lead id at 03:00 UTC, and nothing at other minutes", async () => {
    const first = await engagedLead();
    const last = await engagedLead();
    const at3 = threeAmIn(30);
    const out = await runHandoffTick(env, at3);
    expect(out.decayMessages).toBe(Math.ceil(last.id / 500));
    // The ranges reach from the first lead to the last: the consumer decays both.
    await decayed([first, last]);
    expect((await runHandoffTick(env, at3 + 60_000)).decayMessages).toBe(0);
  });

  it("re-queues a pending delivery whose attempt is long overdue (its message went missing)", async () => {
    const endpoint = await makeEndpoint(["lead.qualified"]);
    const r = receiver([() => new Response("ok")]);
    try {
      const now = Date.now();
      const row = await env.DB.prepare(
        "INSERT INTO webhook_deliveries (message_id, endpoint_id, event_type, payload, status, attempts, next_attempt_at, created_at, updated_at) VALUES ('msg_x', ?, 'lead.qualified', '{}', 'pending', 2, ?, ?, ?) RETURNING id",
      )
        .bind(endpoint.id, now - 3_600_000, now, now)
        .first<{ id: number }>();
      await runHandoffTick(env, now);
      await runHandoffTick(env, now + 60_000);
      // The first sweep's claim made it due now, so the next minute's sweep left it alone (a claim stamps the sweep's time).
      const after = await env.DB.prepare("SELECT updated_at FROM webhook_deliveries WHERE id = ?")
        .bind(row!.id)
        .first<{ updated_at: number }>();
      expect(after!.updated_at).not.toBe(now + 60_000);
      // Queued again: the real consumer delivers it, once.
      await waitFor(
        () =>
          env.DB.prepare(
            "SELECT 1 AS ok FROM webhook_deliveries WHERE id = ? AND status = 'delivered' AND attempts = 3",
          )
            .bind(row!.id)
            .first(),
        "the re-queued delivery",
        QUEUE_WAIT_MS,
      );
      expect(r.received.filter((x) => x.url === endpoint.url)).toHaveLength(1);
    } finally {
      r.restore();
      await env.DB.exec("UPDATE webhook_endpoints SET active = 0");
    }
  });

  it("the scheduled handler runs it", async () => {
    const worker = (await import("../../src/index")).default;
    const lead = await engagedLead();
    await worker.scheduled!(
      createScheduledController({ scheduledTime: threeAmIn(60), cron: "* * * * *" }),
      env,
      createExecutionContext(),
    );
    await decayed([lead]);
  });
});
