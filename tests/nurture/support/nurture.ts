// Driving the nurture engine in tests: a lead through the real gate, cron ticks at chosen times, the consumer on what they queued.
import { env } from "cloudflare:workers";
import { createExecutionContext, createMessageBatch, createScheduledController, getQueueResult } from "cloudflare:test";
import worker from "../../../src/index";
import type { Bindings } from "../../../src/env";
import type { NurtureSendMessage } from "../../../src/queue/messages";
import { authorSequence, type SequenceInput } from "../../../src/services/nurture/author-sequence";
import { db, makeAsset } from "../../support/fixtures";
import { postJson } from "../../support/http";
import type { NewAsset } from "../../../src/db/schema";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The real queue producer would hand messages to the background consumer; tests keep them to run the consumer by hand. */
export function queueRecorder() {
  const sent: NurtureSendMessage[] = [];
  const jobs = {
    send: async (body: unknown) => void sent.push(body as NurtureSendMessage),
    sendBatch: async (msgs: Iterable<MessageSendRequest>) => void sent.push(...[...msgs].map((m) => m.body as NurtureSendMessage)),
  } as unknown as Queue;
  return { sent, env: { ...env, JOBS: jobs } as Bindings };
}

export async function assetWithSequence(sequence: SequenceInput, over: Partial<NewAsset> = {}) {
  const asset = await makeAsset(over);
  await authorSequence(db(), asset, sequence, Date.now());
  return (await db().query.assets.findFirst({ where: (a, { eq }) => eq(a.id, asset.id) }))!;
}

export async function captureLead(slug: string, email: string, name: string | null = "Ann") {
  const res = await postJson(`/p/${slug}`, name ? { email, name } : { email });
  if (res.status >= 300) throw new Error(`gate answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { lead_id: number };
}

export async function tick(target: Bindings, at: number) {
  const ctx = createExecutionContext();
  await worker.scheduled!(createScheduledController({ scheduledTime: at, cron: "* * * * *" }), target, ctx);
}

let msgId = 0;
export async function consume(target: Bindings, bodies: unknown[], { attempts = 1, queue = "lodestone-jobs" } = {}) {
  const batch = createMessageBatch(queue, bodies.map((body) => ({ id: `n${++msgId}`, timestamp: new Date(), attempts, body })));
  const ctx = createExecutionContext();
  await worker.queue!(batch, target);
  return getQueueResult(batch, ctx);
}

export async function sendRows(enrolmentFilter = "1=1") {
  return (await env.DB.prepare(`SELECT * FROM sends WHERE ${enrolmentFilter} ORDER BY id`).all<Record<string, unknown>>()).results;
}
