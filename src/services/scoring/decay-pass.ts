// The daily decay pass: the cron splits the lead id space into ranges; each queue message decays one range.
import { sql } from "drizzle-orm";
import type { Db } from "../../env";
import type { Outcome } from "../../errors";
import type { ScoreDecayMessage } from "../../queue/messages";
import { loadRangeForDecay } from "./state";
import { planScore } from "./reconcile";
import { writeScores } from "./write-score";

/** Leads per decay message: one message reads at most this many lead rows. */
export const DECAY_RANGE = 500;
/** The pass starts at 03:00 UTC; the cron ticks every minute and only this tick enqueues. */
export const DECAY_MINUTE_OF_DAY = 3 * 60;

export function isDecayTick(scheduledTime: number): boolean {
  return Math.floor((scheduledTime % 86_400_000) / 60_000) === DECAY_MINUTE_OF_DAY;
}

/** The messages for one pass over ids 1..maxId. */
export function decayMessages(maxId: number, now: number, range = DECAY_RANGE): ScoreDecayMessage[] {
  const out: ScoreDecayMessage[] = [];
  for (let from = 1; from <= maxId; from += range) out.push({ type: "score.decay", fromId: from, toId: Math.min(maxId, from + range - 1), now });
  return out;
}

/** Cron side: one read (max id), then messages in batches of 100. */
export async function enqueueDecayPass(db: Db, jobs: Queue, now: number): Promise<number> {
  const [row] = await db.all<{ max_id: number | null }>(sql`SELECT max(id) AS max_id FROM leads`);
  const messages = decayMessages(row?.max_id ?? 0, now);
  for (let i = 0; i < messages.length; i += 100) await jobs.sendBatch(messages.slice(i, i + 100).map((body) => ({ body })));
  return messages.length;
}

/** Consumer side: decays the behaviour points of one id range to their value at `now`. */
export async function decayRange(deps: { db: Db; jobs: Queue; threshold: number }, fromId: number, toId: number, now: number): Promise<Outcome<{ leads: number; changed: number }>> {
  const { rules, leads } = await loadRangeForDecay(deps.db, fromId, toId);
  const writes = leads.map((lead) => ({
    lead,
    plan: planScore({ rules, profile: lead.profile, ledger: lead.ledger, events: [], lead, threshold: deps.threshold, now }),
    announceScoreChange: false,
  }));
  // Batches of 100 leads keep each D1 transaction short; a retried message redoes only unwritten leads (reconciling twice is a no-op).
  let changed = 0;
  for (let i = 0; i < writes.length; i += 100) {
    const written = await writeScores(deps.db, deps.jobs, rules, writes.slice(i, i + 100), deps.threshold, now);
    if (!written.ok) return written;
    changed += written.value.written;
  }
  return { ok: true, value: { leads: leads.length, changed } };
}
