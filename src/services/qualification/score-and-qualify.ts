// The queue's scoring work: write a lead's (or a decay range's) scores, then qualify the leads that reached the MQL threshold.
import type { SQL } from "drizzle-orm";
import type { Db } from "../../env";
import type { Outcome } from "../../errors";
import { planLeadScore } from "../scoring/apply-event";
import { DECAY_WRITE_CHUNK, planDecayRange } from "../scoring/decay-pass";
import { topReasons } from "../scoring/reconcile";
import type { RuleDef, ScoringEvent } from "../scoring/rules";
import { needsWrite, writeScores, type ScoreWrite } from "../scoring/write-score";
import { loadLeadSummary } from "../leads/lead-summary";
import type { LeadSummary } from "../handoff/schemas";
import {
  announcementStatements,
  queueAnnounced,
  readEndpoints,
  wanted,
  type Announcement,
} from "./announce";
import { qualifyLead } from "./qualify";
import { planPlacement, type PlannedPlacement } from "../routing/placement";
import { log } from "../../platform/logger";

/** `webhooks`: the queue webhook deliveries go to (WEBHOOKS); `jobs`: the work queue (JOBS), for routing mail. */
type Deps = { db: Db; webhooks: Queue; jobs: Queue; threshold: number };

/** What a scoring announces: an MQL (qualified, stage changed) and, where asked for, the score change. */
function announcementsOf(w: ScoreWrite, threshold: number): Announcement[] {
  const list: Announcement[] = [];
  if (w.plan.qualifies) {
    const change = {
      from_stage: "lead" as const,
      to_stage: "mql" as const,
      reason: `Score reached the MQL threshold of ${threshold}`,
    };
    list.push({ type: "lead.qualified", change }, { type: "lead.stage_changed", change });
  }
  if (w.announceScoreChange && w.plan.score !== w.lead.score)
    list.push({
      type: "lead.score_changed",
      change: { from_score: w.lead.score, to_score: w.plan.score },
    });
  return list;
}

/** The summary as it is once the plan (and its MQL) is written. */
function withScore(
  summary: LeadSummary,
  w: ScoreWrite,
  rules: RuleDef[],
  placed: PlannedPlacement | null,
  now: number,
): LeadSummary {
  const ledger = [...w.lead.ledger, ...w.plan.drafts];
  const at = new Date(now).toISOString();
  return {
    ...summary,
    ...(placed && {
      owner: placed.owner,
      owner_assigned_at: placed.owner ? at : null,
      accept_by: placed.acceptBy === null ? null : new Date(placed.acceptBy).toISOString(),
      accepted_at: null,
      routing_flagged: placed.flagged,
    }),
    stage: w.plan.qualifies ? "mql" : summary.stage,
    mql_at: w.plan.qualifies ? new Date(now).toISOString() : summary.mql_at,
    updated_at: new Date(now).toISOString(),
    score: {
      total: w.plan.score,
      fit: w.plan.fitScore,
      behaviour: w.plan.behaviourScore,
      top_reasons: topReasons(ledger, rules),
    },
  };
}

/**
 * Writes the plans (one guarded batch, as scoring does), then qualifies each lead whose plan reached the
 * threshold (one batch each, see `qualifyLead`). A lead that does not qualify costs what scoring alone
 * costs: its opt-in lead.score_changed rides in the score's batch. A lead that qualifies announces
 * everything with its MQL, so no webhook tells of a change that was not committed.
 */
async function settle(
  deps: Deps,
  rules: RuleDef[],
  writes: ScoreWrite[],
  now: number,
): Promise<Outcome<{ written: number; qualified: number[]; failures: string[] }>> {
  const active = writes.filter((w) => needsWrite(w) || w.plan.qualifies);
  if (!active.length) return { ok: true, value: { written: 0, qualified: [], failures: [] } };

  // Webhook payloads need the lead's summary; read it only for leads that will announce something.
  const endpoints = await readEndpoints(deps.db);
  const scored: ScoreWrite[] = [];
  const withMql = new Map<number, { deliveries: SQL[]; placed: PlannedPlacement | null }>();
  for (const w of active) {
    // A lead about to qualify is placed first (README "Sales routing"), so its webhook names the owner.
    const placed = w.plan.qualifies
      ? await planPlacement(deps.db, { id: w.lead.id, ...w.lead.profile }, now)
      : null;
    const list = wanted(endpoints, announcementsOf(w, deps.threshold));
    const summary = list.length ? await loadLeadSummary(deps.db, w.lead.id) : null;
    const deliveries = summary
      ? announcementStatements(endpoints, withScore(summary, w, rules, placed, now), list, now)
      : [];
    if (w.plan.qualifies) withMql.set(w.lead.id, { deliveries, placed });
    if (needsWrite(w)) scored.push(w.plan.qualifies ? w : { ...w, alongside: deliveries });
  }

  const written = await writeScores(deps.db, scored, now);
  if (!written.ok) return written;
  await queueAnnounced(deps.webhooks, written.value.alongside);

  const qualified: number[] = [];
  const failures: string[] = [];
  for (const [leadId, { deliveries, placed }] of withMql) {
    const w = active.find((x) => x.lead.id === leadId)!;
    const out = await qualifyLead(deps, leadId, w.plan.score, deliveries, placed, now);
    if (!out.ok) failures.push(out.message);
    else if (out.value) qualified.push(leadId);
  }
  return { ok: true, value: { written: written.value.written, qualified, failures } };
}

/**
 * Scores a lead for new events at `now` (events may be empty: a plain recompute, e.g. after a rule edit)
 * and makes it an MQL once, when the score reaches the threshold.
 */
export async function scoreAndQualify(
  deps: Deps,
  leadId: number,
  events: ScoringEvent[],
  now: number,
): Promise<Outcome<{ score: number; qualified: boolean } | null>> {
  const planned = await planLeadScore(deps.db, leadId, events, deps.threshold, now);
  if (!planned) return { ok: true, value: null }; // unknown or erased: nothing to score
  const out = await settle(deps, planned.rules, [planned.write], now);
  if (!out.ok) return out;
  // The score is committed: retrying the message would award its events twice. An MQL that did not
  // commit is made by the lead's next scoring (see qualifyLead), so it is reported, not retried.
  for (const f of out.value.failures) {
    log.error("qualification did not commit; the lead's next scoring qualifies it", {
      lead_id: leadId,
      problem: f,
    });
  }
  return {
    ok: true,
    value: { score: planned.write.plan.score, qualified: out.value.qualified.includes(leadId) },
  };
}

/** Decays the behaviour points of one id range to their value at `now`, qualifying any lead that reaches the threshold. */
export async function decayAndQualify(
  deps: Deps,
  fromId: number,
  toId: number,
  now: number,
): Promise<Outcome<{ leads: number; changed: number }>> {
  const { rules, writes } = await planDecayRange(deps.db, fromId, toId, deps.threshold, now);
  // Batches of 100 leads keep each D1 transaction short; a retried message redoes only what is undone
  // (reconciling twice is a no-op, and so is qualifying twice), so here a failed MQL is retried.
  let changed = 0;
  for (let i = 0; i < writes.length; i += DECAY_WRITE_CHUNK) {
    const out = await settle(deps, rules, writes.slice(i, i + DECAY_WRITE_CHUNK), now);
    if (!out.ok) return out;
    if (out.value.failures.length)
      return {
        ok: false,
        retryable: true,
        message: out.value.failures.join("; "),
        retryAfterSeconds: 5,
      };
    changed += out.value.written;
  }
  return { ok: true, value: { leads: writes.length, changed } };
}
