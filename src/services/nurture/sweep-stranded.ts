// The stranded-send sweep: queued sends whose queue message was never sent (the Worker died between the tick's batch and sendBatch) are queued again.
import { sql } from "drizzle-orm";
import type { Bindings } from "../../env";
import { statement } from "../../store/batch";
import type { NurtureSendMessage } from "../../queue/messages";
import { idempotencyKey } from "./idempotency";

/**
 * How long a queued send may sit untouched before its message counts as lost: 6 hours.
 * - Longer than a live message's whole retry budget. wrangler.toml gives a message 8 deliveries (max_retries = 8) and
 *   exponentialBackoff (deliver.ts) waits 30 s, 1, 2, 4, 8, 16, 32, 64 min between them: about 2 h 8 min in all, after
 *   which the dead-letter queue marks the send failed. Every consumer attempt also rewrites updated_at, so a send whose
 *   message is still being retried stays younger than this.
 * - Well inside Resend's 24-hour idempotency window. If the "lost" message did reach Resend (accepted, then the ledger
 *   write failed and the dead-letter write failed too), the re-sent request carries the same batch_key and Resend answers
 *   with the first result instead of sending again. A send is queued again at most MAX_REQUEUES times (about 6 h and 12 h
 *   after its last touch), so even its last request and that message's own ~2 h of retries fall inside the 24 hours.
 */
export const STRANDED_AFTER_MS = 6 * 60 * 60 * 1000;
export const MAX_REQUEUES = 2;
/** A send first queued this long ago is failed rather than sent (e.g. rows stranded before the sweep was deployed): past 24 h its key no longer protects it. */
export const GIVE_UP_AFTER_MS = 20 * 60 * 60 * 1000;
const CURSOR = "nurture.stranded_sends";
const QUEUE_BATCH = 100;

export interface SweepOptions {
  /** Ledger rows read per sweep, from the cursor on; more than a tick can queue (chunk × maxChunks), so the cursor keeps up. */
  scan: number;
  /** Sends queued again per sweep at most. */
  requeue: number;
}
export const DEFAULT_SWEEP: SweepOptions = { scan: 10_000, requeue: 1_000 };

export interface SweepReport {
  scanned: number;
  requeued: number;
  gaveUp: number;
  messages: number;
  cursor: number;
}

interface Scanned {
  id: number;
  enrolment_id: number;
  step_id: number;
  status: string;
  batch_key: string | null;
  requeues: number;
  created_at: number;
  updated_at: number;
}

/**
 * Send ids grow with time (rowids; the ledger only deletes young queued rows when a tick undoes itself), so the sweep
 * walks the primary key from a cursor instead of keeping an index of queued sends, which would cost a row written per
 * email. The cursor only passes settled sends: the first send still queued stops it, and the scan stops once sends are
 * too young for anything after them to be stranded. Reads per sweep are bounded by `scan` whatever the backlog.
 */
export async function sweepStrandedSends(env: Bindings, now: number, opts: SweepOptions = DEFAULT_SWEEP): Promise<SweepReport> {
  const d1 = env.DB;
  const cutoff = now - STRANDED_AFTER_MS;
  const [cursorRow] = (await statement(d1, sql`SELECT position FROM rollup_cursors WHERE name = ${CURSOR}`).all<{ position: number }>()).results;
  const from = cursorRow?.position ?? 0;
  const rows = (await statement(d1, sql`
    SELECT id, enrolment_id, step_id, status, batch_key, requeues, created_at, updated_at
    FROM sends WHERE id > ${from} ORDER BY id LIMIT ${opts.scan}`).all<Scanned>()).results;

  let cursor = from;
  let held = false; // a queued send was seen: the cursor stays before it
  const stranded: Scanned[] = [];
  for (const row of rows) {
    if (held && row.created_at > cutoff) break; // the cursor is held, and nothing this young can be stranded
    if (row.status !== "queued") {
      if (!held) cursor = row.id;
      continue;
    }
    held = true;
    if (row.updated_at <= cutoff && stranded.length < opts.requeue) stranded.push(row);
  }

  const report: SweepReport = { scanned: rows.length, requeued: 0, gaveUp: 0, messages: 0, cursor };
  if (stranded.length) await requeue(env, stranded, now, cutoff, report);
  if (cursor > from) {
    await statement(d1, sql`
      INSERT INTO rollup_cursors (name, position, nonce, updated_at) VALUES (${CURSOR}, ${cursor}, '', ${now})
      ON CONFLICT (name) DO UPDATE SET position = max(position, excluded.position), updated_at = excluded.updated_at`).run();
  }
  return report;
}

async function requeue(env: Bindings, stranded: Scanned[], now: number, cutoff: number, report: SweepReport) {
  const d1 = env.DB;
  const ids = JSON.stringify(stranded.map((r) => r.id));
  const guard = sql`id IN (SELECT value FROM json_each(${ids})) AND status = 'queued' AND updated_at <= ${cutoff}`;
  const giveUp = sql`(requeues >= ${MAX_REQUEUES} OR created_at <= ${now - GIVE_UP_AFTER_MS})`;
  // Claiming moves updated_at to now, so the same send is not queued again next minute, nor by an overlapping sweep.
  const [, gaveUp, claimed] = await d1.batch([
    statement(d1, sql`
      INSERT INTO events (lead_id, asset_id, type, at, data)
      SELECT lead_id, asset_id, 'email_failed', ${now}, json_object('send_id', id, 'step_id', step_id, 'error', 'stranded')
      FROM sends WHERE ${guard} AND ${giveUp}`),
    statement(d1, sql`
      UPDATE sends SET status = 'failed', updated_at = ${now},
        last_error = 'stranded: no queue message after ' || requeues || ' re-queues; last error: ' || coalesce(last_error, 'none')
      WHERE ${guard} AND ${giveUp}`),
    statement(d1, sql`
      UPDATE sends SET requeues = requeues + 1, updated_at = ${now}
      WHERE ${guard} AND NOT ${giveUp}
      RETURNING id, enrolment_id, step_id, batch_key`),
  ]);
  report.gaveUp = gaveUp!.meta.changes ?? 0;
  const mine = (claimed!.results ?? []) as Pick<Scanned, "id" | "enrolment_id" | "step_id" | "batch_key">[];

  // The original Resend request again: same batch_key, same sends, so Resend can answer a repeat with its first result.
  const groups = new Map<string, number[]>();
  for (const row of mine) {
    const key = row.batch_key ?? (await idempotencyKey([{ enrolmentId: row.enrolment_id, stepId: row.step_id }]));
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(row.id);
  }
  const messages: NurtureSendMessage[] = [...groups].map(([key, sendIds]) => ({ type: "nurture.send", key, sendIds }));
  for (let i = 0; i < messages.length; i += QUEUE_BATCH) {
    const slice = messages.slice(i, i + QUEUE_BATCH);
    try {
      await env.JOBS.sendBatch(slice.map((body) => ({ body, contentType: "json" as const })));
    } catch (err) {
      // Give the unsent claims back, so the next sweep tries them again without spending a re-queue.
      const unsent = new Set(messages.slice(i).flatMap((m) => m.sendIds));
      const back = JSON.stringify(stranded.filter((r) => unsent.has(r.id)).map((r) => ({ id: r.id, u: r.updated_at })));
      await statement(d1, sql`
        UPDATE sends SET requeues = requeues - 1, updated_at = j.value ->> 'u'
        FROM json_each(${back}) j WHERE sends.id = j.value ->> 'id' AND sends.status = 'queued' AND sends.updated_at = ${now}`).run();
      throw new Error(`Could not queue ${unsent.size} stranded nurture sends again; the next sweep retries them`, { cause: err });
    }
    report.messages += slice.length;
    report.requeued += slice.reduce((n, m) => n + m.sendIds.length, 0);
  }
}
