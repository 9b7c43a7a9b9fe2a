// The daily decay pass: the cron splits the lead id space into ranges; each queue message decays one range.
import type { Db } from "../../env";
import type { ScoreDecayMessage } from "../../queue/messages";
import { maxLeadId } from "../../store/leads";
import { loadRangeForDecay } from "./state";
import { planScore } from "./reconcile";
import type { RuleDef } from "./rules";
import type { ScoreWrite } from "./write-score";

/** Leads per decay message: one message reads at most this many lead rows. */
export const DECAY_RANGE = 500;
/** The pass starts at 03:00 UTC; the cron ticks every minute and only this tick enqueues. */
const DECAY_MINUTE_OF_DAY = 3 * 60;

export function isDecayTick(scheduledTime: number): boolean {
  return Math.floor((scheduledTime % 86_400_000) / 60_000) === DECAY_MINUTE_OF_DAY;
}

/** The messages for one pass over ids 1..maxId. */
export function decayMessages(
  maxId: number,
  now: number,
  range = DECAY_RANGE,
): ScoreDecayMessage[] {
  const out: ScoreDecayMessage[] = [];
  for (let from = 1; from <= maxId; from += range)
    out.push({ type: "score.decay", fromId: from, toId: Math.min(maxId, from + range - 1), now });
  return out;
}

/** Cron side: one read (max id), then messages in batches of 100. */
export async function enqueueDecayPass(db: Db, jobs: Queue, now: number): Promise<number> {
  const messages = decayMessages(await maxLeadId(db), now);
  for (let i = 0; i < messages.length; i += 100)
    await jobs.sendBatch(messages.slice(i, i + 100).map((body) => ({ body })));
  return messages.length;
}

/** Leads per write batch of the decay pass: short D1 transactions; a retried message redoes only unwritten leads. */
export const DECAY_WRITE_CHUNK = 100;

/** Consumer side: plans the decay of one id range's behaviour points to their value at `now` (reads only). */
export async function planDecayRange(
  db: Db,
  fromId: number,
  toId: number,
  threshold: number,
  now: number,
): Promise<{ rules: RuleDef[]; writes: ScoreWrite[] }> {
  const { rules, leads } = await loadRangeForDecay(db, fromId, toId);
  const writes = leads.map((lead) => ({
    lead,
    plan: planScore({
      rules,
      profile: lead.profile,
      ledger: lead.ledger,
      events: [],
      lead,
      threshold,
      now,
    }),
    announceScoreChange: false,
  }));
  return { rules, writes };
}
