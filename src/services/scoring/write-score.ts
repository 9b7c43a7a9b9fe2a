// Turning a score plan into one guarded D1 batch: ledger rows, the lead's totals, and an MQL's consequences.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../env";
import type { Outcome } from "../../errors";
import { batch } from "../../store/batch";
import { creditConversion } from "../reports/credit";
import { stageChangeStatements } from "../qualification/stage";
import { summaryFromRows, summaryQueries } from "../leads/lead-summary";
import type { LeadSummary, WebhookEventType } from "../handoff/schemas";
import { deliveryStatements, dueDeliveryIds, endpointsQuery, enqueueDeliveries, subscribers, type EndpointRow } from "../handoff/emit";
import { scoreVersionGuard, isStaleGuard } from "../../store/guard";
import { topReasons, type ScorePlan } from "./reconcile";
import type { RuleDef } from "./rules";
import type { LeadScoringState } from "./state";

/** 6 bound parameters a row: 15 rows a statement stays under D1's limit of 100. */
const LEDGER_ROWS_PER_STATEMENT = 15;

export interface ScoreWrite {
  lead: LeadScoringState;
  plan: ScorePlan;
  /** Send lead.score_changed to endpoints that opted in (event-driven changes, not the daily decay). */
  announceScoreChange: boolean;
}

export function ledgerInserts(leadId: number, plan: ScorePlan): SQL[] {
  const out: SQL[] = [];
  for (let i = 0; i < plan.drafts.length; i += LEDGER_ROWS_PER_STATEMENT) {
    const rows = plan.drafts.slice(i, i + LEDGER_ROWS_PER_STATEMENT).map((d) => sql`(${leadId}, ${d.ruleId}, ${d.kind}, ${d.points}, ${d.reason.slice(0, 500)}, ${d.at})`);
    out.push(sql`INSERT INTO score_ledger (lead_id, rule_id, kind, points, reason, at) VALUES ${sql.join(rows, sql`, `)}`);
  }
  return out;
}

/** Whether this plan writes anything: ledger rows, or the first scoring that puts the lead on the sales list. */
export function needsWrite(w: ScoreWrite): boolean {
  return w.plan.drafts.length > 0 || w.lead.scoredAt === null;
}

function leadUpdate(w: ScoreWrite, threshold: number, now: number): SQL[] {
  const { lead, plan } = w;
  const changed = plan.score !== lead.score || plan.qualifies || lead.scoredAt === null;
  const mql = plan.qualifies ? sql`, stage = 'mql', mql_at = ${now}, stage_changed_at = ${now}` : sql``;
  const out = [
    sql`UPDATE leads SET fit_score = ${plan.fitScore}, behaviour_score = ${plan.behaviourScore}, score = ${plan.score},
      score_version = score_version + 1, scored_at = ${now}, updated_at = ${changed ? now : sql`updated_at`}${mql} WHERE id = ${lead.id}`,
  ];
  if (plan.qualifies) {
    out.push(...stageChangeStatements({ leadId: lead.id, from: "lead", to: "mql", reason: `Score ${plan.score} reached the MQL threshold of ${threshold}`, at: now }));
    out.push(...creditConversion(lead.id, "mqls", 1, now));
  }
  return out;
}

function withScore(summary: LeadSummary, w: ScoreWrite, rules: RuleDef[], now: number): LeadSummary {
  const ledger = [...w.lead.ledger, ...w.plan.drafts];
  return {
    ...summary,
    stage: w.plan.qualifies ? "mql" : summary.stage,
    mql_at: w.plan.qualifies ? new Date(now).toISOString() : summary.mql_at,
    updated_at: new Date(now).toISOString(),
    score: { total: w.plan.score, fit: w.plan.fitScore, behaviour: w.plan.behaviourScore, top_reasons: topReasons(ledger, rules) },
  };
}

/**
 * Writes the plans of one or more leads in a single batch. A lead read before another writer changed it
 * trips its guard and the whole batch rolls back: the outcome says retry.
 */
export async function writeScores(db: Db, jobs: Queue, rules: RuleDef[], writes: ScoreWrite[], threshold: number, now: number): Promise<Outcome<{ written: number; qualified: number[] }>> {
  const todo = writes.filter(needsWrite);
  if (!todo.length) return { ok: true, value: { written: 0, qualified: [] } };

  // Webhook payloads need the lead's summary; read it only for leads that will announce something.
  const [endpointRows] = (await batch(db, [endpointsQuery()])).map((r) => r.results as EndpointRow[]);
  const wants = (w: ScoreWrite): WebhookEventType[] => {
    const types: WebhookEventType[] = [];
    if (w.plan.qualifies) types.push("lead.qualified", "lead.stage_changed");
    if (w.announceScoreChange && w.plan.score !== w.lead.score) types.push("lead.score_changed");
    return types.filter((t) => subscribers(endpointRows!, t).length > 0);
  };

  const statements: SQL[] = [];
  const deliveryIndexes: number[] = [];
  for (const w of todo) {
    statements.push(scoreVersionGuard(w.lead.id, w.lead.scoreVersion), ...ledgerInserts(w.lead.id, w.plan), ...leadUpdate(w, threshold, now));
    const types = wants(w);
    if (!types.length) continue;
    const summary = summaryFromRows((await batch(db, summaryQueries(w.lead.id))).map((r) => r.results));
    if (!summary) continue;
    const lead = withScore(summary, w, rules, now);
    for (const type of types) {
      const change =
        type === "lead.score_changed" ? { from_score: w.lead.score, to_score: w.plan.score } : { from_stage: "lead" as const, to_stage: "mql" as const, reason: `Score reached the MQL threshold of ${threshold}` };
      for (const s of deliveryStatements(endpointRows!, type, w.lead.id, { type, timestamp: new Date(now).toISOString(), data: { lead, change } }, now)) {
        deliveryIndexes.push(statements.length);
        statements.push(s);
      }
    }
  }

  let results: D1Result[];
  try {
    results = await batch(db, statements);
  } catch (err) {
    if (isStaleGuard(err)) return { ok: false, retryable: true, message: "a lead changed while it was being scored", retryAfterSeconds: 1 };
    return { ok: false, retryable: true, message: `writing scores failed: ${String((err as Error)?.message ?? err)}`, retryAfterSeconds: 5 };
  }
  await enqueueDeliveries(jobs, dueDeliveryIds(deliveryIndexes.map((i) => results[i]!)));
  return { ok: true, value: { written: todo.length, qualified: todo.filter((w) => w.plan.qualifies).map((w) => w.lead.id) } };
}
