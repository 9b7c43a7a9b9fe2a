// The one entry point for "something happened to a lead, score it": enqueue from anywhere, plan the score in the consumer.
import type { Db } from "../../env";
import { machineEventIds } from "../../store/events";
import type { ScoreEventMessage } from "../../queue/messages";
import { loadLeadForScoring } from "./state";
import { planScore } from "./reconcile";
import type { RuleDef, ScoringEvent } from "./rules";
import type { ScoreWrite } from "./write-score";

/**
 * Queues an event for scoring. Call it after the event is recorded (capture, download, email click,
 * session joined, tracked link): `await enqueueScoreEvent(env.JOBS, leadId, "email_clicked", { url }, now)`.
 * `data.url` is what event_url rules match; `data.new === false` marks a repeat gate submission;
 * `data.event_id` names the recorded event, which is skipped if it has been found a machine's by then.
 */
export async function enqueueScoreEvent(
  jobs: Queue,
  leadId: number,
  type: string,
  data: Record<string, unknown> | null,
  at: number,
  options: { delaySeconds?: number } = {},
): Promise<void> {
  const message: ScoreEventMessage = {
    type: "score.event",
    leadId,
    event: { type, at, data: data ?? null },
  };
  await jobs.send(message, options.delaySeconds ? { delaySeconds: options.delaySeconds } : {});
}

const eventIdOf = (e: ScoringEvent) =>
  Number.isInteger(e.data?.event_id) ? (e.data!.event_id as number) : null;

/** The events a person made: those whose recorded event a machine made (Apple's mail proxy, a scanner) score nothing. */
async function byPeople(db: Db, events: ScoringEvent[]): Promise<ScoringEvent[]> {
  const ids = events.map(eventIdOf).filter((id): id is number => id !== null);
  if (!ids.length) return events;
  const machine = await machineEventIds(db, ids);
  return events.filter((e) => !machine.has(eventIdOf(e) ?? -1));
}

/**
 * Plans a lead's score for new events at `now` (events may be empty: a plain recompute, e.g. after a rule
 * edit): awards matching behaviour rules, re-evaluates fit, decays, caps. Reads only; null for an unknown
 * or erased lead. Write it with `writeScores`; the qualification step acts on `plan.qualifies`.
 */
export async function planLeadScore(
  db: Db,
  leadId: number,
  events: ScoringEvent[],
  threshold: number,
  now: number,
): Promise<{ rules: RuleDef[]; write: ScoreWrite } | null> {
  const { rules, lead } = await loadLeadForScoring(db, leadId);
  if (!lead) return null;
  const plan = planScore({
    rules,
    profile: lead.profile,
    ledger: lead.ledger,
    events: await byPeople(db, events),
    lead,
    threshold,
    now,
  });
  return { rules, write: { lead, plan, announceScoreChange: true } };
}
