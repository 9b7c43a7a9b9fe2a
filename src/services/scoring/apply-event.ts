// The one entry point for "something happened to a lead, score it": enqueue from anywhere, score in the consumer.
import type { Db } from "../../env";
import type { Outcome } from "../../errors";
import type { ScoreEventMessage } from "../../queue/messages";
import { loadLeadForScoring } from "./state";
import { planScore } from "./reconcile";
import type { ScoringEvent } from "./rules";
import { writeScores } from "./write-score";

/**
 * Queues an event for scoring. Call it after the event is recorded (capture, download, email click,
 * session joined, tracked link): `await enqueueScoreEvent(env.JOBS, leadId, "email_clicked", { url }, now)`.
 * `data.url` is what event_url rules match; `data.new === false` marks a repeat gate submission.
 */
export async function enqueueScoreEvent(jobs: Queue, leadId: number, type: string, data: Record<string, unknown> | null, at: number): Promise<void> {
  const message: ScoreEventMessage = { type: "score.event", leadId, event: { type, at, data: data ?? null } };
  await jobs.send(message);
}

/**
 * Scores a lead for new events at `now` (events may be empty: a plain recompute, e.g. after a rule edit).
 * Awards matching behaviour rules, re-evaluates fit, decays, caps, and makes the lead an MQL once.
 */
export async function scoreEvents(
  deps: { db: Db; jobs: Queue; threshold: number },
  leadId: number,
  events: ScoringEvent[],
  now: number,
): Promise<Outcome<{ score: number; qualified: boolean } | null>> {
  const { rules, lead } = await loadLeadForScoring(deps.db, leadId);
  if (!lead) return { ok: true, value: null }; // unknown or erased: nothing to score
  const plan = planScore({ rules, profile: lead.profile, ledger: lead.ledger, events, lead, threshold: deps.threshold, now });
  const written = await writeScores(deps.db, deps.jobs, rules, [{ lead, plan, announceScoreChange: true }], deps.threshold, now);
  if (!written.ok) return written;
  return { ok: true, value: { score: plan.score, qualified: plan.qualifies } };
}
