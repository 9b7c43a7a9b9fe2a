// The nurture cron tick: finds due enrolments through the due index and queues their steps, in bounded chunks.
import { sql, type SQL } from "drizzle-orm";
import type { Bindings } from "../../env";
import { statement } from "../../store/batch";
import type { NurtureSendMessage } from "../../queue/messages";
import { planTick, groupSends, type DueEnrolment, type PlannedSend } from "./plan-tick";
import { idempotencyKey } from "./idempotency";

export interface TickOptions {
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

const dueQuery = (now: number, limit: number) => sql`
  SELECT e.id, e.lead_id, e.asset_id, e.status, e.next_position, e.next_due_at, e.started_at,
    l.country, l.stage, a.timezone AS asset_tz, cs.starts_at AS session_starts_at,
    st.id AS step_id, st.anchor AS step_anchor, st.delay_minutes AS step_delay, st.conditions,
    nx.anchor AS next_anchor, nx.delay_minutes AS next_delay, nx.send_window AS next_window,
    CASE WHEN json_extract(st.conditions, '$.skipIfDownloaded') THEN
      EXISTS (SELECT 1 FROM events ev WHERE ev.lead_id = e.lead_id AND ev.type = 'downloaded' AND ev.asset_id = e.asset_id) ELSE 0 END AS downloaded,
    CASE WHEN json_extract(st.conditions, '$.skipIfClicked') THEN
      EXISTS (SELECT 1 FROM sends s WHERE s.enrolment_id = e.id AND s.clicked_at IS NOT NULL) ELSE 0 END AS clicked
  FROM (SELECT * FROM enrolments WHERE next_due_at IS NOT NULL AND next_due_at <= ${now} ORDER BY next_due_at LIMIT ${limit}) e
  JOIN leads l ON l.id = e.lead_id
  JOIN assets a ON a.id = e.asset_id
  LEFT JOIN course_sessions cs ON cs.id = e.session_id
  LEFT JOIN sequence_steps st ON st.sequence_id = e.sequence_id AND st.position = e.next_position
  LEFT JOIN sequence_steps nx ON nx.sequence_id = e.sequence_id AND nx.position = e.next_position + 1`;

// A send is written only while its enrolment still sits at the position and due time the tick read; the advance that
// follows in the same batch (one transaction) moves it on, so an overlapping tick writes nothing for that step. This
// guard is what keeps (enrolment, step) unique: there is no unique index to pay for on every insert.
const insertSends = (rows: (PlannedSend & { k: string | null; op: number; od: number })[], now: number) => sql`
  INSERT INTO sends (enrolment_id, step_id, lead_id, asset_id, status, batch_key, last_error, attempts, created_at, updated_at)
  SELECT j.value ->> 'e', j.value ->> 'st', j.value ->> 'l', j.value ->> 'a', j.value ->> 'status', j.value ->> 'k', j.value ->> 'err', 0, ${now}, ${now}
  FROM json_each(${JSON.stringify(rows)}) j
  JOIN enrolments e ON e.id = j.value ->> 'e' AND e.next_position = j.value ->> 'op' AND e.next_due_at = j.value ->> 'od'
  RETURNING id, enrolment_id, step_id, status, batch_key`;

// The guard on the position and due time read makes overlapping ticks advance an enrolment once.
const advanceEnrolments = (json: string, now: number) => sql`
  UPDATE enrolments SET next_position = j.value ->> 'p', next_due_at = j.value ->> 'd', status = j.value ->> 's', updated_at = ${now}
  FROM json_each(${json}) j
  WHERE enrolments.id = j.value ->> 'e' AND enrolments.next_position = j.value ->> 'op' AND enrolments.next_due_at = j.value ->> 'od'`;

interface Inserted {
  id: number;
  enrolment_id: number;
  step_id: number;
  status: string;
  batch_key: string | null;
}

export async function runNurtureTick(env: Bindings, now: number, opts: TickOptions = DEFAULT_TICK): Promise<TickReport> {
  const d1 = env.DB;
  const report: TickReport = { due: 0, queued: 0, skipped: 0, messages: 0, queueCalls: 0, rowsRead: 0, rowsWritten: 0 };
  const meter = (r: D1Result) => {
    report.rowsRead += r.meta.rows_read ?? 0;
    report.rowsWritten += r.meta.rows_written ?? 0;
  };
  for (let c = 0; c < opts.maxChunks; c++) {
    const due = await statement(d1, dueQuery(now, opts.chunk)).all<DueEnrolment>();
    meter(due);
    if (!due.results.length) break;
    report.due += due.results.length;

    const plan = planTick(due.results, now);
    const queued = plan.sends.filter((s) => s.status === "queued");
    const keyed = new Map<PlannedSend, string>();
    for (const group of groupSends(queued, EMAILS_PER_REQUEST)) {
      const key = await idempotencyKey(group.map((s) => ({ enrolmentId: s.e, stepId: s.st })));
      group.forEach((s) => keyed.set(s, key));
    }
    const writes: SQL[] = [advanceEnrolments(JSON.stringify(plan.advances), now)];
    const read = new Map(plan.advances.map((a) => [a.e, a]));
    if (plan.sends.length) writes.unshift(insertSends(plan.sends.map((s) => ({ ...s, k: keyed.get(s) ?? null, op: read.get(s.e)!.op, od: read.get(s.e)!.od })), now));
    const results = await d1.batch(writes.map((q) => statement(d1, q)));
    results.forEach(meter);

    // Only rows this tick inserted are enqueued: a row another tick inserted first is its to send.
    const inserted = plan.sends.length ? ((results[0]!.results ?? []) as Inserted[]) : [];
    const groups = new Map<string, number[]>();
    for (const row of inserted) {
      if (row.status === "skipped") report.skipped++;
      else (groups.get(row.batch_key!) ?? groups.set(row.batch_key!, []).get(row.batch_key!)!).push(row.id);
    }
    const messages: NurtureSendMessage[] = [...groups].map(([key, sendIds]) => ({ type: "nurture.send", key, sendIds }));
    await enqueue(env, messages, inserted, now, report);
    report.queued += messages.reduce((n, m) => n + m.sendIds.length, 0);
    if (due.results.length < opts.chunk) break;
  }
  return report;
}

/** Hands the messages to the queue; on failure undoes this chunk so the steps are due again, not lost. */
async function enqueue(env: Bindings, messages: NurtureSendMessage[], inserted: Inserted[], now: number, report: TickReport) {
  for (let i = 0; i < messages.length; i += QUEUE_BATCH) {
    const slice = messages.slice(i, i + QUEUE_BATCH);
    try {
      await env.JOBS.sendBatch(slice.map((body) => ({ body, contentType: "json" as const })));
      report.queueCalls++;
      report.messages += slice.length;
    } catch (err) {
      const unsent = new Set(messages.slice(i).flatMap((m) => m.sendIds));
      const rows = inserted.filter((r) => unsent.has(r.id)).map((r) => ({ s: r.id, e: r.enrolment_id, st: r.step_id }));
      const json = JSON.stringify(rows);
      await env.DB.batch([
        statement(env.DB, sql`DELETE FROM sends WHERE id IN (SELECT j.value ->> 's' FROM json_each(${json}) j) AND status = 'queued'`),
        statement(env.DB, sql`
          UPDATE enrolments SET next_position = CASE WHEN j.value ->> 'st' = 0 THEN 0 ELSE (SELECT position FROM sequence_steps WHERE id = j.value ->> 'st') END,
            next_due_at = ${now}, status = CASE WHEN j.value ->> 'st' = 0 THEN 'pending_optin' ELSE 'active' END, updated_at = ${now}
          FROM json_each(${json}) j WHERE enrolments.id = j.value ->> 'e'`),
      ]);
      throw new Error(`Could not queue ${unsent.size} nurture sends; they are due again next tick`, { cause: err });
    }
  }
}
