// Driving the nurture engine in tests: a lead through the real gate, cron ticks at chosen times, the real queue to the real consumer.
import { vi } from "vitest";
import { env } from "cloudflare:workers";
import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  getQueueResult,
} from "cloudflare:test";
import worker from "../../../src/index";
import type { Bindings } from "../../../src/env";
import type { NurtureSendMessage } from "../../../src/queue/messages";
import { authorSequence, type SequenceInput } from "../../../src/services/nurture/author-sequence";
import { db, makeAsset } from "../../support/fixtures";
import { postJson } from "../../support/http";
import { QUEUE_WAIT_MS, waitFor } from "../../support/leads";
import type { NewAsset } from "../../../src/db/schema";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export { QUEUE_TIMEOUTS } from "../../support/leads";

export async function assetWithSequence(sequence: SequenceInput, over: Partial<NewAsset> = {}) {
  const asset = await makeAsset(over);
  await authorSequence(db(), asset, sequence, Date.now());
  return (await db().query.assets.findFirst({ where: (a, { eq }) => eq(a.id, asset.id) }))!;
}

/** A lead through the gate who ticks the marketing consent box (without it nobody is nurtured). */
export async function captureLead(slug: string, email: string, name: string | null = "Ann") {
  const res = await postJson(
    `/p/${slug}`,
    name ? { email, name, consent: true } : { email, consent: true },
  );
  if (res.status >= 300) throw new Error(`gate answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { lead_id: number };
}

/** The cron tick at `at`; what it queues goes through the real queue to the real consumer. */
export async function tick(at: number, target: Bindings = env) {
  const ctx = createExecutionContext();
  await worker.scheduled!(
    createScheduledController({ scheduledTime: at, cron: "* * * * *" }),
    target,
    ctx,
  );
}

export async function sendRows(where = "1=1") {
  return (
    await env.DB.prepare(`SELECT * FROM sends WHERE ${where} ORDER BY id`).all<
      Record<string, unknown>
    >()
  ).results;
}
/** Filters for sendRows: one lead's sends, or the sends of the leads whose address starts with `prefix-`. */
export const ofLead = (leadId: number) => `lead_id = ${leadId}`;
export const ofPrefix = (prefix: string) =>
  `lead_id IN (SELECT id FROM leads WHERE email LIKE '${prefix}-%')`;

/** Waits until none of these sends is still queued: the queue handed their message to the consumer and it settled them. */
export async function settledSends(where: string) {
  return waitFor(
    async () => {
      const rows = await sendRows(where);
      return rows.every((r) => r.status !== "queued") && rows;
    },
    `the sends where ${where} to leave 'queued'`,
    QUEUE_WAIT_MS,
  );
}

/** Ticks that died inside sendBatch: their sends have no message, so only a test (or the stranded sweep) hands them on. */
const diedAt = new Set<number>();

/**
 * After each test: every send a queue message carries is settled, so none is still on its way when the test's Resend
 * fake goes (a tick far ahead also queues due steps of earlier tests' leads). Sends of ticks that died are left out.
 */
export async function queueDrained() {
  const where = `status = 'queued' AND created_at NOT IN (${[...diedAt, -1].join(", ")})`;
  await waitFor(
    async () => (await sendRows(where)).length === 0,
    "every queued send to be settled",
    QUEUE_WAIT_MS,
  );
}

/** The afterEach of a file whose tests use the real queue: drain it, then take the Resend fake away. */
export async function drainThenRestore(fake: { restore(): void } | undefined) {
  try {
    await queueDrained();
  } finally {
    fake?.restore();
  }
}

/** Fault injection: a Worker that dies inside sendBatch. The call never returns and nothing reaches the queue. */
export function diesInSendBatch() {
  let reached!: () => void;
  const died = new Promise<void>((r) => (reached = r));
  const jobs = {
    send: () => {
      reached();
      return new Promise(() => {});
    },
    sendBatch: () => {
      reached();
      return new Promise(() => {});
    },
  } as unknown as Queue;
  return { env: { ...env, JOBS: jobs } as Bindings, died };
}

/** Runs `work` in a Worker that dies inside sendBatch; returns once it died there, or once it finished without queueing. */
export async function untilDied(work: (target: Bindings) => Promise<unknown>) {
  const dying = diesInSendBatch();
  await Promise.race([dying.died, work(dying.env)]);
}

/** A tick whose Worker dies inside sendBatch: the due steps are on the ledger as queued, and no message was sent for them. */
export async function tickThatDies(at: number) {
  diedAt.add(at);
  const dying = diesInSendBatch();
  const done = tick(at, dying.env).then(() => {
    throw new Error("the tick queued nothing");
  });
  await Promise.race([dying.died, done]);
}

/** Fault injection: a queue slow to deliver; messages go through the real queue to the real consumer, `seconds` late. */
export function deliveredLate(seconds: number) {
  const jobs = {
    send: (body: unknown, o?: QueueSendOptions) =>
      env.JOBS.send(body, { ...o, delaySeconds: seconds }),
    sendBatch: (msgs: Iterable<MessageSendRequest>, o?: QueueSendBatchOptions) =>
      env.JOBS.sendBatch(
        [...msgs].map((m) => ({ ...m, delaySeconds: seconds })),
        o,
      ),
  } as unknown as Queue;
  return { ...env, JOBS: jobs } as Bindings;
}

/** The queue messages for these ledger rows, as the tick and the sweep build them: one per Idempotency-Key (batch_key). */
export function messagesOf(rows: Record<string, unknown>[]): NurtureSendMessage[] {
  const byKey = new Map<string, number[]>();
  for (const r of rows)
    (
      byKey.get(r.batch_key as string) ??
      byKey.set(r.batch_key as string, []).get(r.batch_key as string)!
    ).push(r.id as number);
  return [...byKey].map(([key, sendIds]) => ({ type: "nurture.send", key, sendIds }));
}

let msgId = 0;
/**
 * The real queue handler on a batch of these bodies (Cloudflare's createMessageBatch); returns what it acked and retried,
 * with the delay each retry asked for (getQueueResult leaves it out, so the messages' retry calls are watched).
 */
export async function consume(
  bodies: unknown[],
  {
    attempts = 1,
    queue = "lodestone-jobs",
    target = env as Bindings,
  }: { attempts?: number; queue?: string; target?: Bindings } = {},
) {
  const batch = createMessageBatch(
    queue,
    bodies.map((body) => ({ id: `n${++msgId}`, timestamp: new Date(), attempts, body })),
  );
  const retries = new Map(batch.messages.map((m) => [m.id, vi.spyOn(m, "retry")]));
  const ctx = createExecutionContext();
  await worker.queue!(batch, target);
  const result = await getQueueResult(batch, ctx);
  return {
    ...result,
    retryMessages: result.retryMessages.map((r) => ({
      ...r,
      delaySeconds: retries.get(r.msgId)!.mock.calls.at(-1)?.[0]?.delaySeconds,
    })),
  };
}
