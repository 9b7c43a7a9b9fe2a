// Turning score plans into one guarded D1 batch: each lead's new ledger rows and its score totals.
import type { SQL } from "drizzle-orm";
import type { Db } from "../../env";
import type { Outcome } from "../../errors";
import { batch } from "../../store/batch";
import { isStaleGuard, scoreVersionGuard } from "../../store/guard";
import { ledgerInserts } from "../../store/score-ledger";
import { scoreTotalsUpdate } from "../../store/leads";
import type { ScorePlan } from "./reconcile";
import type { LeadScoringState } from "./state";

export interface ScoreWrite {
  lead: LeadScoringState;
  plan: ScorePlan;
  /** Send lead.score_changed to endpoints that opted in (event-driven changes, not the daily decay). */
  announceScoreChange: boolean;
  /** The caller's statements that must commit with this lead's score and only with it (e.g. webhook deliveries). */
  alongside?: SQL[];
}

/** Whether this plan writes anything: ledger rows, or the first scoring that puts the lead on the sales list. */
export function needsWrite(w: ScoreWrite): boolean {
  return w.plan.drafts.length > 0 || w.lead.scoredAt === null;
}

function scoreStatements(w: ScoreWrite, now: number): SQL[] {
  const { lead, plan } = w;
  const touched = plan.score !== lead.score || lead.scoredAt === null;
  return [
    scoreVersionGuard(lead.id, lead.scoreVersion),
    ...ledgerInserts(lead.id, plan.drafts),
    scoreTotalsUpdate(lead.id, plan, touched, now),
  ];
}

/**
 * Writes the plans of one or more leads in a single batch. A lead read before another writer changed it
 * trips its guard and the whole batch rolls back: the outcome says retry. `alongside` holds the results
 * of every write's `alongside` statements, in order.
 */
export async function writeScores(
  db: Db,
  writes: ScoreWrite[],
  now: number,
): Promise<Outcome<{ written: number; alongside: D1Result[] }>> {
  const todo = writes.filter(needsWrite);
  if (!todo.length) return { ok: true, value: { written: 0, alongside: [] } };

  const statements: SQL[] = [];
  const alongsideAt: number[] = [];
  for (const w of todo) {
    statements.push(...scoreStatements(w, now));
    for (const s of w.alongside ?? []) {
      alongsideAt.push(statements.length);
      statements.push(s);
    }
  }

  let results: D1Result[];
  try {
    results = await batch(db, statements);
  } catch (err) {
    if (isStaleGuard(err))
      return {
        ok: false,
        retryable: true,
        message: "a lead changed while it was being scored",
        retryAfterSeconds: 1,
      };
    return {
      ok: false,
      retryable: true,
      message: `writing scores failed: ${String((err as Error)?.message ?? err)}`,
      retryAfterSeconds: 5,
    };
  }
  return {
    ok: true,
    value: { written: todo.length, alongside: alongsideAt.map((i) => results[i]!) },
  };
}
