import { describe, it, expect, afterEach } from "vitest";
import { env } from "cloudflare:workers";
import { fakeResend, type ResendFake } from "./support/resend-fake";
import { assetWithSequence, captureLead, consume, queueRecorder, sendRows, tick, MINUTE } from "./support/nurture";
import { deliverNurtureSends, type DeliveryItem } from "../../src/services/nurture/deliver";
import type { NurtureSendMessage } from "../../src/queue/messages";

let resend: ResendFake;
afterEach(() => resend?.restore());

const oneStep = { name: "One step", steps: [{ template: "whitepaper-welcome", delayMinutes: 0 }] };

/** n leads captured on one asset and queued by one tick; returns what the tick queued. */
async function queuedFor(prefix: string, n: number) {
  const asset = await assetWithSequence(oneStep);
  const q = queueRecorder();
  for (let i = 0; i < n; i++) await captureLead(asset.slug, `${prefix}-${i}@example.com`);
  await tick(q.env, Date.now() + MINUTE);
  return { q, asset, messages: q.sent.splice(0) };
}

const mine = (prefix: string) => resend.delivered.filter((d) => d.to.startsWith(`${prefix}-`));
const rowsOf = (prefix: string) => sendRows(`lead_id IN (SELECT id FROM leads WHERE email LIKE '${prefix}-%')`);

/** The consumer with a recording message, so tests see ack/retry and the delay asked for. */
function recorded(bodies: NurtureSendMessage[], attempts = 1) {
  const outcome: { acked: number; retried: { delaySeconds?: number }[] } = { acked: 0, retried: [] };
  const items: DeliveryItem[] = bodies.map((body) => ({ body, msg: { attempts, ack: () => void outcome.acked++, retry: (o?: QueueRetryOptions) => void outcome.retried.push(o ?? {}) } }));
  return { items, outcome };
}

describe("Resend answers that are not a plain 200", () => {
  it("429 keeps the emails queued and retries after Resend's retry-after", async () => {
    resend = fakeResend();
    const { q, messages } = await queuedFor("ratelimited", 2);
    resend.script.push({ status: 429, retryAfter: 17 });
    const { items, outcome } = recorded(messages);
    await deliverNurtureSends(q.env, items);
    expect(outcome.retried).toEqual([{ delaySeconds: 17 }]);
    expect((await rowsOf("ratelimited")).map((r) => [r.status, r.attempts])).toEqual([["queued", 1], ["queued", 1]]);
    expect((await rowsOf("ratelimited"))[0]!.last_error).toMatch(/^429 rate_limit_exceeded/);
    await deliverNurtureSends(q.env, recorded(messages, 2).items);
    expect(mine("ratelimited")).toHaveLength(2);
    expect((await rowsOf("ratelimited")).map((r) => [r.status, r.attempts])).toEqual([["sent", 2], ["sent", 2]]);
  });

  it("500 retries with the backoff it is given, and the retry delivers once", async () => {
    resend = fakeResend();
    const { q, messages } = await queuedFor("servererror", 3);
    resend.script.push({ status: 500 });
    const { items, outcome } = recorded(messages, 3);
    await deliverNurtureSends(q.env, items, { backoff: (attempt) => attempt * 1000 });
    expect(outcome.retried).toEqual([{ delaySeconds: 3000 }]);
    expect(mine("servererror")).toHaveLength(0);
    await deliverNurtureSends(q.env, recorded(messages, 4).items);
    expect(mine("servererror")).toHaveLength(3);
  });

  it("an email Resend refuses as invalid fails alone and is not retried; the rest of the batch goes", async () => {
    resend = fakeResend();
    const asset = await assetWithSequence(oneStep);
    const q = queueRecorder();
    await captureLead(asset.slug, "partial-0@example.com");
    await captureLead(asset.slug, "partial-invalid@example.com");
    await captureLead(asset.slug, "partial-2@example.com");
    await tick(q.env, Date.now() + MINUTE);
    const { items, outcome } = recorded(q.sent.splice(0));
    await deliverNurtureSends(q.env, items);
    expect(outcome).toEqual({ acked: 1, retried: [] });
    expect(mine("partial").map((d) => d.to).sort()).toEqual(["partial-0@example.com", "partial-2@example.com"]);
    const rows = await rowsOf("partial");
    expect(rows.map((r) => r.status)).toEqual(["sent", "failed", "sent"]);
    expect(rows[1]!.last_error).toMatch(/422 validation_error: Invalid `to` field/);
    const failed = await env.DB.prepare("SELECT count(*) AS n FROM events WHERE type = 'email_failed' AND lead_id = ?").bind(rows[1]!.lead_id).first<{ n: number }>();
    expect(failed!.n).toBe(1);
  });

  it("a whole request refused with 422 is split, so each email goes alone under its own (enrolment, step) key", async () => {
    resend = fakeResend();
    const { q, messages } = await queuedFor("split", 3);
    resend.script.push({ status: 422 });
    await deliverNurtureSends(q.env, recorded(messages).items);
    expect(mine("split")).toHaveLength(3);
    expect(mine("split").map((d) => d.key)).toEqual(expect.arrayContaining([expect.stringMatching(/^lodestone\/send\/\d+\/\d+$/)]));
    expect((await rowsOf("split")).map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
  });

  it("after the retry budget the dead-letter queue marks the ledger failed with the last error", async () => {
    resend = fakeResend();
    const { q, messages } = await queuedFor("dead", 2);
    resend.script.push({ status: 500 });
    await deliverNurtureSends(q.env, recorded(messages, 8).items);
    const result = await consume(q.env, messages, { queue: "lodestone-dead", attempts: 1 });
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
    const q = queueRecorder();
    for (let i = 0; i < 5; i++) await captureLead(asset.slug, `overlap-${i}@example.com`);
    const at = Date.now() + MINUTE;
    await Promise.all([tick(q.env, at), tick(q.env, at), tick(q.env, at + 1000)]);
    const ids = q.sent.flatMap((m) => m.sendIds);
    expect(new Set(ids).size).toBe(ids.length);
    await consume(q.env, q.sent.splice(0));
    expect(mine("overlap")).toHaveLength(5);
  });

  it("a batch retried after the connection dropped mid-answer is replayed, not delivered twice", async () => {
    resend = fakeResend();
    const { q, messages } = await queuedFor("dropped", 4);
    resend.script.push("accept-then-drop");
    const first = recorded(messages);
    await deliverNurtureSends(q.env, first.items);
    expect(first.outcome.retried).toHaveLength(1);
    expect(mine("dropped")).toHaveLength(4); // Resend took them before the answer was lost
    await deliverNurtureSends(q.env, recorded(messages, 2).items);
    expect(mine("dropped")).toHaveLength(4);
    expect(resend.requests.at(-1)).toMatchObject({ status: 200, key: resend.requests.at(-2)!.key });
    expect((await rowsOf("dropped")).every((r) => r.status === "sent" && String(r.resend_id).startsWith("re_"))).toBe(true);
  });

  it("a message delivered twice (the consumer died before acking) sends nothing the second time", async () => {
    resend = fakeResend();
    const { q, messages } = await queuedFor("twice", 2);
    await consume(q.env, messages);
    const requests = resend.requests.length;
    await consume(q.env, messages);
    expect(mine("twice")).toHaveLength(2);
    expect(resend.requests.length).toBe(requests);
  });

  it("a tick reads at most its chunk however large the backlog", async () => {
    resend = fakeResend();
    const asset = await assetWithSequence(oneStep);
    const q = queueRecorder();
    for (let i = 0; i < 12; i++) await captureLead(asset.slug, `bounded-${i}@example.com`);
    const { runNurtureTick } = await import("../../src/services/nurture/tick");
    const report = await runNurtureTick(q.env, Date.now() + MINUTE, { chunk: 5, maxChunks: 2 });
    expect(report.due).toBe(10);
    expect(q.sent.flatMap((m) => m.sendIds)).toHaveLength(10);
    const rest = await runNurtureTick(q.env, Date.now() + MINUTE, { chunk: 5, maxChunks: 2 });
    expect(rest.due).toBeGreaterThanOrEqual(2);
  });
});
