// Resend's refusals and the consumer's ack/retry decisions are consumer-unit tests: a tick that dies inside sendBatch leaves
// the sends queued on the ledger with no message, and the real handler runs on messages built from those rows, so the
// background consumer never races it. Paths with no retry decision to assert go through the real queue.
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
  MINUTE,
  QUEUE_TIMEOUTS,
} from "./support/nurture";
import { exponentialBackoff } from "../../src/services/nurture/deliver";

vi.setConfig(QUEUE_TIMEOUTS);

let resend: ResendFake;
afterEach(() => drainThenRestore(resend));

const oneStep = { name: "One step", steps: [{ template: "whitepaper-welcome", delayMinutes: 0 }] };

/** n leads captured on one asset, their step queued on the ledger by a tick whose Worker died in sendBatch; returns the messages it would have sent. */
async function queuedFor(prefix: string, n: number) {
  const asset = await assetWithSequence(oneStep);
  for (let i = 0; i < n; i++) await captureLead(asset.slug, `${prefix}-${i}@example.com`);
  await tickThatDies(Date.now() + MINUTE);
  return { asset, messages: messagesOf(await rowsOf(prefix)) };
}

const mine = (prefix: string) => resend.delivered.filter((d) => d.to.startsWith(`${prefix}-`));
const rowsOf = (prefix: string) => sendRows(ofPrefix(prefix));

describe("Resend answers that are not a plain 200", () => {
  it("429 keeps the emails queued and retries after Resend's retry-after", async () => {
    resend = fakeResend();
    const { messages } = await queuedFor("ratelimited", 2);
    resend.script.push({ status: 429, retryAfter: 17 });
    const result = await consume(messages);
    expect(result.retryMessages.map((m) => ({ delaySeconds: m.delaySeconds }))).toEqual([
      { delaySeconds: 17 },
    ]);
    expect((await rowsOf("ratelimited")).map((r) => [r.status, r.attempts])).toEqual([
      ["queued", 1],
      ["queued", 1],
    ]);
    expect((await rowsOf("ratelimited"))[0]!.last_error).toMatch(/^429 rate_limit_exceeded/);
    await consume(messages, { attempts: 2 });
    expect(mine("ratelimited")).toHaveLength(2);
    expect((await rowsOf("ratelimited")).map((r) => [r.status, r.attempts])).toEqual([
      ["sent", 2],
      ["sent", 2],
    ]);
  });

  it("500 retries with the consumer's backoff for the attempt, and the retry delivers once", async () => {
    resend = fakeResend();
    const { messages } = await queuedFor("servererror", 3);
    resend.script.push({ status: 500 });
    const result = await consume(messages, { attempts: 3 });
    expect(result.retryMessages.map((m) => ({ delaySeconds: m.delaySeconds }))).toEqual([
      { delaySeconds: exponentialBackoff(3) },
    ]);
    expect(mine("servererror")).toHaveLength(0);
    await consume(messages, { attempts: 4 });
    expect(mine("servererror")).toHaveLength(3);
  });

  it("an email Resend refuses as invalid fails alone and is not retried; the rest of the batch goes", async () => {
    resend = fakeResend();
    const asset = await assetWithSequence(oneStep);
    await captureLead(asset.slug, "partial-0@example.com");
    await captureLead(asset.slug, "partial-invalid@example.com");
    await captureLead(asset.slug, "partial-2@example.com");
    await tickThatDies(Date.now() + MINUTE);
    const result = await consume(messagesOf(await rowsOf("partial")));
    expect({ acked: result.explicitAcks.length, retried: result.retryMessages }).toEqual({
      acked: 1,
      retried: [],
    });
    expect(
      mine("partial")
        .map((d) => d.to)
        .sort(),
    ).toEqual(["partial-0@example.com", "partial-2@example.com"]);
    const rows = await rowsOf("partial");
    expect(rows.map((r) => r.status)).toEqual(["sent", "failed", "sent"]);
    expect(rows[1]!.last_error).toMatch(/422 validation_error: Invalid `to` field/);
    const failed = await env.DB.prepare(
      "SELECT count(*) AS n FROM events WHERE type = 'email_failed' AND lead_id = ?",
    )
      .bind(rows[1]!.lead_id)
      .first<{ n: number }>();
    expect(failed!.n).toBe(1);
  });

  it("a whole request refused with 422 is split, so each email goes alone under its own (enrolment, step) key", async () => {
    resend = fakeResend();
    const { messages } = await queuedFor("split", 3);
    resend.script.push({ status: 422 });
    await consume(messages);
    expect(mine("split")).toHaveLength(3);
    expect(mine("split").map((d) => d.key)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^lodestone\/send\/\d+\/\d+$/)]),
    );
    expect((await rowsOf("split")).map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
  });

  it("after the retry budget the dead-letter queue marks the ledger failed with the last error", async () => {
    resend = fakeResend();
    const { messages } = await queuedFor("dead", 2);
    resend.script.push({ status: 500 });
    await consume(messages, { attempts: 8 });
    const result = await consume(messages, { queue: "lodestone-dead", attempts: 1 });
    expect(result.explicitAcks).toHaveLength(1);
    const rows = await rowsOf("dead");
    expect(rows.map((r) => r.status)).toEqual(["failed", "failed"]);
    expect(rows[0]!.last_error).toMatch(/^gave up after 1 attempts: 500 internal_server_error/);
    expect(mine("dead")).toHaveLength(0);
  });
});

describe("a step reaches Resend at most once per enrolment", () => {
  it("overlapping ticks queue each due step once", async () => {
    resend = fakeResend();
    const asset = await assetWithSequence(oneStep);
    for (let i = 0; i < 5; i++) await captureLead(asset.slug, `overlap-${i}@example.com`);
    const at = Date.now() + MINUTE;
    await Promise.all([tick(at), tick(at), tick(at + 1000)]);
    // One ledger row per lead's step: a step the ticks wrote twice would be two rows.
    const rows = await rowsOf("overlap");
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((r) => r.enrolment_id)).size).toBe(5);
    await settledSends(ofPrefix("overlap"));
    expect(mine("overlap")).toHaveLength(5);
  });

  it("a batch retried after the connection dropped mid-answer is replayed, not delivered twice", async () => {
    resend = fakeResend();
    const { messages } = await queuedFor("dropped", 4);
    resend.script.push("accept-then-drop");
    const first = await consume(messages);
    expect(first.retryMessages).toHaveLength(1);
    expect(mine("dropped")).toHaveLength(4); // Resend took them before the answer was lost
    await consume(messages, { attempts: 2 });
    expect(mine("dropped")).toHaveLength(4);
    expect(resend.requests.at(-1)).toMatchObject({ status: 200, key: resend.requests.at(-2)!.key });
    expect(
      (await rowsOf("dropped")).every(
        (r) => r.status === "sent" && String(r.resend_id).startsWith("re_"),
      ),
    ).toBe(true);
  });

  it("a message delivered twice (the consumer died before acking) sends nothing the second time", async () => {
    resend = fakeResend();
    const asset = await assetWithSequence(oneStep);
    for (let i = 0; i < 2; i++) await captureLead(asset.slug, `twice-${i}@example.com`);
    await tick(Date.now() + MINUTE);
    const rows = await settledSends(ofPrefix("twice"));
    const keys = new Set(rows.map((r) => r.batch_key));
    const requests = () => resend.requests.filter((r) => keys.has(r.key));
    expect(requests()).toHaveLength(1);
    // The queue delivers the same message again: the real handler on a copy built from the ledger.
    await consume(messagesOf(rows));
    expect(mine("twice")).toHaveLength(2);
    expect(requests()).toHaveLength(1);
  });

  it("a tick reads at most its chunk however large the backlog", async () => {
    resend = fakeResend();
    const asset = await assetWithSequence(oneStep);
    for (let i = 0; i < 12; i++) await captureLead(asset.slug, `bounded-${i}@example.com`);
    const { runNurtureTick } = await import("../../src/services/nurture/tick");
    const report = await runNurtureTick(env, Date.now() + MINUTE, { chunk: 5, maxChunks: 2 });
    expect(report.due).toBe(10);
    expect(await rowsOf("bounded")).toHaveLength(10);
    const rest = await runNurtureTick(env, Date.now() + MINUTE, { chunk: 5, maxChunks: 2 });
    expect(rest.due).toBeGreaterThanOrEqual(2);
    // Every lead's step was queued once and is sent once.
    expect(await settledSends(ofPrefix("bounded"))).toHaveLength(12);
    expect(mine("bounded")).toHaveLength(12);
  });
});
