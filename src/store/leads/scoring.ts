// Leads as scoring and qualification see them: the scoring state, score totals, the MQL and stage moves under their guards.
import { sql, type SQL, eq, and, between, isNull, max } from "drizzle-orm";
import type { Db } from "../../env";
import { type Lead, type Stage, leads } from "../../db/schema";
import { staleGuard } from "../guard";
import { scoringRulesQuery } from "../score-rules";
import { ledgerForDecayQuery, ledgerForScoringQuery } from "../score-ledger";

const l = leads;
const scoringColumns = {
  id: l.id,
  email: l.email,
  jobTitle: l.jobTitle,
  companySize: l.companySize,
  country: l.country,
  phone: l.phone,
  stage: l.stage,
  mqlAt: l.mqlAt,
  score: l.score,
  scoreVersion: l.scoreVersion,
  scoredAt: l.scoredAt,
};

/** One lead (unless erased) with every rule and its ledger: what scoring needs, in one D1 round trip. */
export async function readScoringState(db: Db, leadId: number) {
  const [rules, found, ledger] = await db.batch([
    scoringRulesQuery(db),
    db
      .select(scoringColumns)
      .from(l)
      .where(and(eq(l.id, leadId), isNull(l.erasedAt))),
    ledgerForScoringQuery(db, leadId),
  ]);
  return { rules, leads: found, ledger };
}

/**
 * The leads with behaviour points in an id range, for the daily decay pass: the range's lead rows through
 * the primary key and only the ledger rows of leads that have something to decay, in one round trip.
 */
export async function readDecayState(db: Db, fromId: number, toId: number) {
  const [rules, found, ledger] = await db.batch([
    scoringRulesQuery(db),
    db
      .select(scoringColumns)
      .from(l)
      .where(and(between(l.id, fromId, toId), sql`${l.behaviourScore} != 0`, isNull(l.erasedAt))),
    ledgerForDecayQuery(db, fromId, toId),
  ]);
  return { rules, leads: found, ledger };
}
export type ScoringLead = Awaited<ReturnType<typeof readScoringState>>["leads"][number];

export async function maxLeadId(db: Db): Promise<number> {
  const [row] = await db.select({ maxId: max(l.id) }).from(l);
  return row?.maxId ?? 0;
}

/**
 * The lead's new score totals, bumping score_version (the guard's counter). `touched` says whether the
 * lead changed for sales (its updated_at moves, so the sales list shows it again).
 */
export function scoreTotalsUpdate(
  db: Db,
  leadId: number,
  t: Pick<Lead, "fitScore" | "behaviourScore" | "score">,
  touched: boolean,
  now: number,
): SQL {
  return db
    .update(l)
    .set({
      fitScore: t.fitScore,
      behaviourScore: t.behaviourScore,
      score: t.score,
      scoreVersion: sql`${l.scoreVersion} + 1`,
      scoredAt: now,
      updatedAt: touched ? now : sql`${l.updatedAt}`,
    })
    .where(eq(l.id, leadId))
    .getSQL();
}

/** Aborts its batch unless the lead may become an MQL now: never one before, still a lead, at the threshold. */
export function mqlGuard(leadId: number, threshold: number): SQL {
  return staleGuard(
    sql`EXISTS (SELECT 1 FROM leads WHERE id = ${leadId} AND mql_at IS NULL AND stage = 'lead' AND score >= ${threshold})`,
  );
}

/** Makes the lead an MQL, only if it never was one: a repeat changes nothing (RETURNING says whether it moved). */
export function mqlUpdate(db: Db, leadId: number, now: number): SQL {
  return db
    .update(l)
    .set({ stage: "mql", mqlAt: now, stageChangedAt: now, updatedAt: now })
    .where(and(eq(l.id, leadId), isNull(l.mqlAt), eq(l.stage, "lead")))
    .returning({ id: l.id })
    .getSQL();
}

/** Aborts its batch unless the lead is still at `stage` (the stage was read before the batch). */
export function stageGuard(leadId: number, stage: Stage): SQL {
  return staleGuard(sql`(SELECT stage FROM leads WHERE id = ${leadId}) = ${stage}`);
}

export function stageUpdate(db: Db, leadId: number, to: Stage, now: number): SQL {
  return db
    .update(l)
    .set({ stage: to, stageChangedAt: now, updatedAt: now })
    .where(eq(l.id, leadId))
    .getSQL();
}
