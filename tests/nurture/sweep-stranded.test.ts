// Stranded sends come from a Worker that died inside sendBatch (fault injection at the binding); the sweeps then queue
// them on the real queue and the real consumer sends them, except where the test says the message is lost again.
import { describe, it, expect, afterEach, vi } from "vitest";
import { env } from "cloudflare:workers";
import { fakeResend, type ResendFake } from "./support/resend-fake";
import {
  assetWithSequence,
  captureLead,
  consume,
  messagesOf,
  ofPrefix,
  drainThenRestore,
  sendRows,
  settledSends,
  tick,
  tickThatDies,
  untilDied,
  HOUR,
  MINUTE,
  QUEUE_TIMEOUTS,
} from "./support/nurture";
import {
  sweepStrandedSends,
  wholeRequests,
  STRANDED_AFTER_MS,
  MAX_REQUEUES,
  GIVE_UP_AFTER_MS,
} from "../../src/services/nurture/sweep-stranded";

vi.setConfig(QUEUE_TIMEOUTS);

let resend: ResendFake;
afterEach(() => drainThenRestore(resend));

const oneStep = { name: "One step", steps: [{ template: "whitepaper-welcome", delayMinutes: 0 }] };
const mine = (prefix: string) => resend.delivered.filter((d) => d.to.startsWith(`${prefix}-`));
const rowsOf = (prefix: string) => sendRows(ofPrefix(prefix));
/** How often the sweep queued each send again: it counts every message it sends for a send on the ledger. */
const requeuesOf = async (prefix: string) => (await rowsOf(prefix)).map((r) => r.requeues);

/** n leads whose first step a dying tick at `at` wrote as queued sends and never handed to the queue. */
async function strandedFor(prefix: string, n: number, at: number) {
  const asset = await assetWithSequence(oneStep);
  for (let i = 0; i < n; i++) await captureLead(asset.slug, `${prefix}-${i}@example.com`);
  await tickThatDies(at);
  return asset;
}

describe("sends stranded by a Worker that died before sendBatch", () => {
  it("stay queued with no message, and after six hours the cron queues them again under their original key; the consumer sends each once", async () => {
    resend = fakeResend();
    const at = Date.now() + MINUTE;
    await strandedFor("stranded", 3, at);
    const rows = await rowsOf("stranded");
    expect(rows.map((r) => r.status)).toEqual(["queued", "queued", "queued"]);
    const key = rows[0]!.batch_key;

    await tick(at + HOUR);
    expect(await requeuesOf("stranded")).toEqual([0, 0, 0]); // an hour old: its message may still be on its way

    await tick(at + STRANDED_AFTER_MS + MINUTE);
    expect(await requeuesOf("stranded")).toEqual([1, 1, 1]);
    await settledSends(ofPrefix("stranded"));
    // Queued again as the original request: one request under the original key, with all three emails.
    expect(resend.requests.filter((r) => r.key === key)).toEqual([
      expect.objectContaining({ count: 3, status: 200 }),
    ]);

    // Delivered twice (the consumer died before acking): still one email each.
    await consume(messagesOf(rows));
    expect(
      mine("stranded")
        .map((d) => d.to)
        .sort(),
    ).toEqual(["stranded-0@example.com", "stranded-1@example.com", "stranded-2@example.com"]);
    expect(mine("stranded").every((d) => d.key === key)).toBe(true);
    expect((await rowsOf("stranded")).map((r) => [r.status, r.requeues])).toEqual([
      ["sent", 1],
      ["sent", 1],
      ["sent", 1],
    ]);

    await tick(at + 3 * STRANDED_AFTER_MS);
    expect(await requeuesOf("stranded")).toEqual([1, 1, 1]);
  });

  it("a send queued again is not queued again next minute", async () => {
    resend = fakeResend();
    const at = Date.now() + 2 * MINUTE;
    await strandedFor("once", 2, at);
    const later = at + STRANDED_AFTER_MS + MINUTE;
    await sweepStrandedSends(env, later);
    await sweepStrandedSends(env, later + MINUTE);
    await sweepStrandedSends(env, later + 10 * MINUTE);
    expect(await requeuesOf("once")).toEqual([1, 1]);
    await settledSends(ofPrefix("once"));
    expect(mine("once")).toHaveLength(2);
  });

  it(`a send whose message is lost ${MAX_REQUEUES} more times is failed, never sent, with an email_failed event`, async () => {
    resend = fakeResend();
    const at = Date.now() + 3 * MINUTE;
    await strandedFor("lost", 1, at);
    // Each sweep that queues it again dies inside sendBatch, so its message is lost too.
    for (let k = 1; k <= MAX_REQUEUES + 1; k++)
      await untilDied((dying) => sweepStrandedSends(dying, at + k * (STRANDED_AFTER_MS + MINUTE)));
    const [row] = await rowsOf("lost");
    expect(row).toMatchObject({ status: "failed", requeues: MAX_REQUEUES });
    expect(row!.last_error).toMatch(
      new RegExp(`^stranded: no queue message after ${MAX_REQUEUES} re-queues`),
    );
    const failed = await env.DB.prepare(
      "SELECT count(*) AS n FROM events WHERE type = 'email_failed' AND lead_id = ?",
    )
      .bind(row!.lead_id)
      .first<{ n: number }>();
    expect(failed!.n).toBe(1);
    expect(mine("lost")).toHaveLength(0);
  });

  it("a send stranded for most of a day is failed, not sent late", async () => {
    const at = Date.now() + 5 * MINUTE;
    await strandedFor("stale", 1, at);
    await sweepStrandedSends(env, at + GIVE_UP_AFTER_MS);
    const [row] = await rowsOf("stale");
    // Never queued again (requeues stays 0), and a failed send is one the consumer will not send.
    expect(row).toMatchObject({ status: "failed", requeues: 0 });
  });

  it("a sweep queues whole requests up to its bound, reads at most its scan, and every email of the request is sent once", async () => {
    resend = fakeResend();
    const at = Date.now() + 4 * MINUTE;
    await strandedFor("bounded", 5, at);
    const later = at + STRANDED_AFTER_MS + MINUTE;
    const queuedAgain = async () => (await requeuesOf("bounded")).filter((n) => n === 1).length;
    const counts: number[] = [];
    for (let k = 0; k < 3; k++) {
      const before = await queuedAgain();
      await sweepStrandedSends(env, later + k * MINUTE, { scan: 1000, requeue: 2 });
      counts.push((await queuedAgain()) - before);
    }
    // The five were one Resend request: they go back together under its key (a part would be refused with 409 and
    // recorded as accepted though never sent), so the bound of 2 lets the whole request through once, then nothing.
    expect(counts).toEqual([5, 0, 0]);
    expect(await requeuesOf("bounded")).toEqual([1, 1, 1, 1, 1]);
    const small = await sweepStrandedSends(env, later, { scan: 3, requeue: 100 });
    expect(small.scanned).toBeLessThanOrEqual(3);
    await settledSends(ofPrefix("bounded"));
    expect(
      mine("bounded")
        .map((d) => d.to)
        .sort(),
    ).toEqual([0, 1, 2, 3, 4].map((i) => `bounded-${i}@example.com`));
  });

  it("a request the bound or the scan window would cut is left whole for a later sweep", () => {
    const row = (id: number, batchKey: string) => ({
      id,
      enrolmentId: id,
      stepId: 1,
      status: "queued" as const,
      batchKey,
      requeues: 0,
      createdAt: 0,
      updatedAt: 0,
    });
    const rows = [row(1, "a"), row(2, "a"), row(3, "b"), row(4, "b"), row(5, "b"), row(6, "c")];
    expect(wholeRequests(rows, 4).map((r) => r.id)).toEqual([1, 2]);
    expect(wholeRequests(rows, 5).map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
    expect(wholeRequests(rows, 1).map((r) => r.id)).toEqual([1, 2]);
    // The scan stopped inside request c: it may have more sends after the window.
    expect(wholeRequests(rows, 100, rows[5]).map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
  });
});
