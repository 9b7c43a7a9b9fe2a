import { describe, it, expect, afterEach } from "vitest";
import { env } from "cloudflare:workers";
import { fakeResend, type ResendFake } from "./support/resend-fake";
import { assetWithSequence, captureLead, consume, queueRecorder, sendRows, tick, HOUR, MINUTE } from "./support/nurture";
import type { Bindings } from "../../src/env";
import { runNurtureTick } from "../../src/services/nurture/tick";
import { sweepStrandedSends, STRANDED_AFTER_MS, MAX_REQUEUES, GIVE_UP_AFTER_MS } from "../../src/services/nurture/sweep-stranded";

let resend: ResendFake;
afterEach(() => resend?.restore());

const oneStep = { name: "One step", steps: [{ template: "whitepaper-welcome", delayMinutes: 0 }] };
const mine = (prefix: string) => resend.delivered.filter((d) => d.to.startsWith(`${prefix}-`));
const rowsOf = (prefix: string) => sendRows(`lead_id IN (SELECT id FROM leads WHERE email LIKE '${prefix}-%')`);

/** A Worker that dies after the tick's D1 batch, inside sendBatch: the call never returns and nothing is queued. */
function dyingQueue() {
  let reached!: () => void;
  const died = new Promise<void>((r) => (reached = r));
  const jobs = { send: () => new Promise(() => {}), sendBatch: () => (reached(), new Promise(() => {})) } as unknown as Queue;
  return { env: { ...env, JOBS: jobs } as Bindings, died };
}

/** n leads whose first step a dying tick at `at` wrote as queued sends and never handed to the queue. */
async function strandedFor(prefix: string, n: number, at: number) {
  const asset = await assetWithSequence(oneStep);
  for (let i = 0; i < n; i++) await captureLead(asset.slug, `${prefix}-${i}@example.com`);
  const dying = dyingQueue();
  void runNurtureTick(dying.env, at);
  await dying.died;
  return asset;
}

const queuedIds = (q: ReturnType<typeof queueRecorder>, ids: unknown[]) => q.sent.flatMap((m) => m.sendIds).filter((id) => ids.includes(id));

describe("sends stranded by a Worker that died before sendBatch", () => {
  it("stay queued with no message, and after six hours the cron queues them again under their original key; the consumer sends each once", async () => {
    resend = fakeResend();
    const at = Date.now() + MINUTE;
    await strandedFor("stranded", 3, at);
    const rows = await rowsOf("stranded");
    expect(rows.map((r) => r.status)).toEqual(["queued", "queued", "queued"]);
    const ids = rows.map((r) => r.id);

    const q = queueRecorder();
    await tick(q.env, at + HOUR);
    expect(queuedIds(q, ids)).toEqual([]); // an hour old: its message may still be on its way

    await tick(q.env, at + STRANDED_AFTER_MS + MINUTE);
    const again = q.sent.splice(0).filter((m) => m.sendIds.some((id) => ids.includes(id)));
    expect(again).toEqual([{ type: "nurture.send", key: rows[0]!.batch_key, sendIds: ids }]);

    // Delivered twice (the consumer died before acking): still one email each.
    await consume(q.env, again);
    await consume(q.env, again);
    expect(mine("stranded").map((d) => d.to).sort()).toEqual(["stranded-0@example.com", "stranded-1@example.com", "stranded-2@example.com"]);
    expect(mine("stranded").every((d) => d.key === rows[0]!.batch_key)).toBe(true);
    expect((await rowsOf("stranded")).map((r) => [r.status, r.requeues])).toEqual([["sent", 1], ["sent", 1], ["sent", 1]]);

    await tick(q.env, at + 3 * STRANDED_AFTER_MS);
    expect(queuedIds(q, ids)).toEqual([]);
  });

  it("a send queued again is not queued again next minute", async () => {
    const at = Date.now() + 2 * MINUTE;
    await strandedFor("once", 2, at);
    const ids = (await rowsOf("once")).map((r) => r.id);
    const q = queueRecorder();
    const later = at + STRANDED_AFTER_MS + MINUTE;
    await sweepStrandedSends(q.env, later);
    await sweepStrandedSends(q.env, later + MINUTE);
    await sweepStrandedSends(q.env, later + 10 * MINUTE);
    expect(queuedIds(q, ids)).toEqual(ids);
  });

  it(`a send whose message is lost ${MAX_REQUEUES} more times is failed, never sent, with an email_failed event`, async () => {
    resend = fakeResend();
    const at = Date.now() + 3 * MINUTE;
    await strandedFor("lost", 1, at);
    const q = queueRecorder();
    for (let k = 1; k <= MAX_REQUEUES + 1; k++) await sweepStrandedSends(q.env, at + k * (STRANDED_AFTER_MS + MINUTE));
    const [row] = await rowsOf("lost");
    expect(row).toMatchObject({ status: "failed", requeues: MAX_REQUEUES });
    expect(row!.last_error).toMatch(new RegExp(`^stranded: no queue message after ${MAX_REQUEUES} re-queues`));
    const failed = await env.DB.prepare("SELECT count(*) AS n FROM events WHERE type = 'email_failed' AND lead_id = ?").bind(row!.lead_id).first<{ n: number }>();
    expect(failed!.n).toBe(1);
    expect(mine("lost")).toHaveLength(0);
  });

  it("a send stranded for most of a day is failed, not sent late", async () => {
    const at = Date.now() + 5 * MINUTE;
    await strandedFor("stale", 1, at);
    const q = queueRecorder();
    await sweepStrandedSends(q.env, at + GIVE_UP_AFTER_MS);
    const [row] = await rowsOf("stale");
    expect(row).toMatchObject({ status: "failed", requeues: 0 });
    expect(queuedIds(q, [row!.id])).toEqual([]);
  });

  it("a sweep queues at most its bound, reads at most its scan, and the rest go on the next sweeps", async () => {
    const at = Date.now() + 4 * MINUTE;
    await strandedFor("bounded", 5, at);
    const ids = (await rowsOf("bounded")).map((r) => r.id);
    const q = queueRecorder();
    const later = at + STRANDED_AFTER_MS + MINUTE;
    const counts: number[] = [];
    for (let k = 0; k < 3; k++) {
      const before = queuedIds(q, ids).length;
      const report = await sweepStrandedSends(q.env, later + k * MINUTE, { scan: 1000, requeue: 2 });
      expect(report.requeued).toBeLessThanOrEqual(2);
      counts.push(queuedIds(q, ids).length - before);
    }
    expect(counts).toEqual([2, 2, 1]);
    expect(new Set(queuedIds(q, ids)).size).toBe(5);
    const small = await sweepStrandedSends(q.env, later, { scan: 3, requeue: 100 });
    expect(small.scanned).toBeLessThanOrEqual(3);
  });
});
