// The nurture cron tick: finds due enrolments through the due index and queues their steps, in bounded chunks.
import type { SQL } from "drizzle-orm";
import type { Bindings, Db } from "../../env";
import { getDb } from "../../db/client";
import { batch } from "../../store/batch";
import { advanceEnrolments, dueEnrolments, rewindEnrolments } from "../../store/enrolments";
import { deleteUnsentSends, insertPlannedSends, type InsertedSendRow } from "../../store/sends";
import type { NurtureSendMessage } from "../../queue/messages";
import { planTick, groupSends, type PlannedSend } from "./plan-tick";
import { idempotencyKey } from "./idempotency";

interface TickOptions {
  /** Enrolments read per chunk; reads scale with this, never with the backlog. */
  chunk: number;
  /** Chunks per tick: a tick's work is at most chunk × maxChunks whatever is due. */
  maxChunks: number;
}
export const DEFAULT_TICK: TickOptions = { chunk: 1000, maxChunks: 5 };
/** Queues accept at most 100 messages per sendBatch call, and Resend 100 emails per request. */
const QUEUE_BATCH = 100;
const EMAILS_PER_REQUEST = 100;

export interface TickReport {
  due: number;
  queued: number;
  skipped: number;
  messages: number;
  queueCalls: number;
  rowsRead: number;
  rowsWritten: number;
}

export async function runNurtureTick(
  env: Bindings,
  now: number,
  opts: TickOptions = DEFAULT_TICK,
): Promise<TickReport> {
  const db = getDb(env.DB);
  const report: TickReport = {
    due: 0,
    queued: 0,
    skipped: 0,
    messages: 0,
    queueCalls: 0,
    rowsRead: 0,
    rowsWritten: 0,
  };
  const meter = (r: D1Result) => {
    report.rowsRead += r.meta.rows_read ?? 0;
    report.rowsWritten += r.meta.rows_written ?? 0;
  };
  for (let c = 0; c < opts.maxChunks; c++) {
    const due = await dueEnrolments(db, now, opts.chunk);
    meter(due);
    if (!due.results.length) break;
    report.due += due.results.length;

    const plan = planTick(due.results, now);
    const queued = plan.sends.filter((s) => s.status === "queued");
    const keyed = new Map<PlannedSend, string>();
    for (const group of groupSends(queued, EMAILS_PER_REQUEST)) {
      const key = await idempotencyKey(group.map((s) => ({ enrolmentId: s.e, stepId: s.st })));
      for (const s of group) keyed.set(s, key);
    }
    const writes: SQL[] = [advanceEnrolments(plan.advances, now)];
    const read = new Map(plan.advances.map((a) => [a.e, a]));
    if (plan.sends.length)
      writes.unshift(
        insertPlannedSends(
          plan.sends.map((s) => ({
            ...s,
            k: keyed.get(s) ?? null,
            op: read.get(s.e)!.op,
            od: read.get(s.e)!.od,
          })),
          now,
        ),
      );
    const results = await batch<InsertedSendRow>(db, writes);
    results.forEach(meter);

    // Only rows this tick inserted are enqueued: a row another tick inserted first is its to send.
    const inserted = plan.sends.length ? (results[0]!.results ?? []) : [];
    const groups = new Map<string, number[]>();
    for (const row of inserted) {
      if (row.status === "skipped") report.skipped++;
      else
        (groups.get(row.batch_key!) ?? groups.set(row.batch_key!, []).get(row.batch_key!)!).push(
          row.id,
        );
    }
    const messages: NurtureSendMessage[] = [...groups].map(([key, sendIds]) => ({
      type: "nurture.send",
      key,
      sendIds,
    }));
    await enqueue(env, db, messages, inserted, now, report);
    report.queued += messages.reduce((n, m) => n + m.sendIds.length, 0);
    if (due.results.length < opts.chunk) break;
  }
  return report;
}

/** Hands the messages to the queue; on failure undoes this chunk so the steps are due again, not lost. */
async function enqueue(
  env: Bindings,
  db: Db,
  messages: NurtureSendMessage[],
  inserted: InsertedSendRow[],
  now: number,
  report: TickReport,
) {
  for (let i = 0; i < messages.length; i += QUEUE_BATCH) {
    const slice = messages.slice(i, i + QUEUE_BATCH);
    try {
      await env.JOBS.sendBatch(slice.map((body) => ({ body, contentType: "json" as const })));
      report.queueCalls++;
      report.messages += slice.length;
    } catch (err) {
      const unsent = new Set(messages.slice(i).flatMap((m) => m.sendIds));
      const rows = inserted
        .filter((r) => unsent.has(r.id))
        .map((r) => ({ s: r.id, e: r.enrolment_id, st: r.step_id }));
      await batch(db, [deleteUnsentSends(rows), rewindEnrolments(rows, now)]);
      throw new Error(
        `Could not queue ${unsent.size} nurture sends; they are due again next tick`,
        { cause: err },
      );
    }
  }
}
