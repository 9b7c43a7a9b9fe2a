// The stranded-send sweep: queued sends whose queue message was never sent (the Worker died between the tick's batch and sendBatch) are queued again.
import type { Bindings, Db } from "../../env";
import { getDb } from "../../db/client";
import { batch } from "../../store/batch";
import { advanceSweepCursor, sweepCursorPosition } from "../../store/rollup-cursors";
import {
  claimStrandedSends,
  giveUpStrandedSends,
  releaseStrandedClaims,
  sendsAfter,
  strandedGiveUpEvents,
  type ScannedSend,
  type StrandedCut,
} from "../../store/sends";
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

interface SweepOptions {
  /** Ledger rows read per sweep, from the cursor on; more than a tick can queue (chunk × maxChunks), so the cursor keeps up. */
  scan: number;
  /** Sends queued again per sweep at most. */
  requeue: number;
}
const DEFAULT_SWEEP: SweepOptions = { scan: 10_000, requeue: 1_000 };

interface SweepReport {
  scanned: number;
  requeued: number;
  gaveUp: number;
  messages: number;
  cursor: number;
}

/**
 * Send ids grow with time (rowids; the ledger only deletes young queued rows when a tick undoes itself), so the sweep
 * walks the primary key from a cursor instead of keeping an index of queued sends, which would cost a row written per
 * email. The cursor only passes settled sends: the first send still queued stops it, and the scan stops once sends are
 * too young for anything after them to be stranded. Reads per sweep are bounded by `scan` whatever the backlog.
 */
export async function sweepStrandedSends(
  env: Bindings,
  now: number,
  opts: SweepOptions = DEFAULT_SWEEP,
): Promise<SweepReport> {
  const db = getDb(env.DB);
  const cutoff = now - STRANDED_AFTER_MS;
  const from = (await sweepCursorPosition(db, CURSOR)) ?? 0;
  const rows = await sendsAfter(db, from, opts.scan);

  let cursor = from;
  let held = false; // a queued send was seen: the cursor stays before it
  const candidates: ScannedSend[] = [];
  for (const row of rows) {
    if (held && row.createdAt > cutoff) break; // the cursor is held, and nothing this young can be stranded
    if (row.status !== "queued") {
      if (!held) cursor = row.id;
      continue;
    }
    held = true;
    if (row.updatedAt <= cutoff) candidates.push(row);
  }
  const stranded = wholeRequests(
    candidates,
    opts.requeue,
    rows.length === opts.scan ? rows[rows.length - 1] : undefined,
  );

  const report: SweepReport = { scanned: rows.length, requeued: 0, gaveUp: 0, messages: 0, cursor };
  if (stranded.length) await requeue(env, db, stranded, now, cutoff, report);
  if (cursor > from) await advanceSweepCursor(db, CURSOR, cursor, now);
  return report;
}

/**
 * The stranded sends to queue again, as whole Resend requests: a request's sends go back under its original
 * Idempotency-Key together or not at all, since Resend refuses a key reused with another payload (409) and a part
 * would be recorded as accepted though never sent. Requests are taken in order while they fit `bound` (a first request
 * larger than the bound goes alone); one that may run on past the scanned rows (`lastScanned`) waits until a sweep
 * sees all of it.
 */
export function wholeRequests(
  candidates: ScannedSend[],
  bound: number,
  lastScanned?: ScannedSend,
): ScannedSend[] {
  const requests = new Map<string, ScannedSend[]>();
  for (const row of candidates) {
    const key = row.batchKey ?? `send:${row.id}`;
    (requests.get(key) ?? requests.set(key, []).get(key)!).push(row);
  }
  const out: ScannedSend[] = [];
  for (const [key, rows] of requests) {
    if (lastScanned?.batchKey && key === lastScanned.batchKey) break; // scan (10,000) ≫ a request (≤ 100 sends)
    if (out.length && out.length + rows.length > bound) break;
    out.push(...rows);
  }
  return out;
}

async function requeue(
  env: Bindings,
  db: Db,
  stranded: ScannedSend[],
  now: number,
  cutoff: number,
  report: SweepReport,
) {
  const cut: StrandedCut = {
    ids: stranded.map((r) => r.id),
    cutoff,
    maxRequeues: MAX_REQUEUES,
    queuedBefore: now - GIVE_UP_AFTER_MS,
  };
  const [, gaveUp, claimed] = await batch<
    Pick<ScannedSend, "id" | "enrolmentId" | "stepId" | "batchKey">
  >(db, [
    strandedGiveUpEvents(cut, now),
    giveUpStrandedSends(cut, now),
    claimStrandedSends(cut, now),
  ]);
  report.gaveUp = gaveUp!.meta.changes ?? 0;
  const mine = claimed!.results ?? [];

  // The original Resend request again: same batch_key, same sends, so Resend can answer a repeat with its first result.
  const groups = new Map<string, number[]>();
  for (const row of mine) {
    const key =
      row.batchKey ??
      (await idempotencyKey([{ enrolmentId: row.enrolmentId, stepId: row.stepId }]));
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(row.id);
  }
  const messages: NurtureSendMessage[] = [...groups].map(([key, sendIds]) => ({
    type: "nurture.send",
    key,
    sendIds,
  }));
  for (let i = 0; i < messages.length; i += QUEUE_BATCH) {
    const slice = messages.slice(i, i + QUEUE_BATCH);
    try {
      await env.JOBS.sendBatch(slice.map((body) => ({ body, contentType: "json" as const })));
    } catch (err) {
      // Give the unsent claims back, so the next sweep tries them again without spending a re-queue.
      const unsent = new Set(messages.slice(i).flatMap((m) => m.sendIds));
      await releaseStrandedClaims(
        db,
        stranded.filter((r) => unsent.has(r.id)).map((r) => ({ id: r.id, u: r.updatedAt })),
        now,
      );
      throw new Error(
        `Could not queue ${unsent.size} stranded nurture sends again; the next sweep retries them`,
        { cause: err },
      );
    }
    report.messages += slice.length;
    report.requeued += slice.reduce((n, m) => n + m.sendIds.length, 0);
  }
}
