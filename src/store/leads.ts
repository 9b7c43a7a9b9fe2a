// Leads as scoring, qualification and sales see them: score totals, stage moves, the summary and the detail.
import { and, eq, isNull, max, sql, type SQL } from "drizzle-orm";
import type { Db } from "../env";
import { leads, STAGES, type Lead, type Stage } from "../db/schema";
import { batch } from "./batch";
import { staleGuard } from "./guard";
import { scoringRulesFrom, scoringRulesStatement, type ScoringRule } from "./score-rules";
import {
  ledgerForDecayStatement, ledgerForScoringStatement, ledgerOfLeadStatement, ledgerWithLabelsStatement, type LedgerForScoring, type LedgerOfLead, type LedgerWithLabel,
} from "./score-ledger";
import { touchesWithAssetStatement, type TouchWithAsset } from "./touches";
import { timelineStatement, type TimelineEvent } from "./events";
import { stageHistoryOfLeadStatement, type StageHistoryOfLead } from "./stage-history";
import { outcomesOfLeadStatement, type OutcomeOfLead } from "./outcomes";

const l = leads;

export type ScoringLead = Pick<Lead, "id" | "email" | "jobTitle" | "companySize" | "country" | "phone" | "stage" | "mqlAt" | "score" | "scoreVersion" | "scoredAt">;
const SCORING_COLUMNS = sql.raw(`id, email, job_title AS "jobTitle", company_size AS "companySize", country, phone, stage, mql_at AS "mqlAt", score, score_version AS "scoreVersion", scored_at AS "scoredAt"`);

export interface ScoringState {
  rules: ScoringRule[];
  leads: ScoringLead[];
  ledger: LedgerForScoring[];
}

function scoringStateOf(results: D1Result[]): ScoringState {
  return { rules: scoringRulesFrom(results[0]!.results), leads: results[1]!.results as ScoringLead[], ledger: results[2]!.results as LedgerForScoring[] };
}

/** One lead (unless erased) with every rule and its ledger: what scoring needs, in one D1 round trip. */
export async function readScoringState(db: Db, leadId: number): Promise<ScoringState> {
  return scoringStateOf(
    await batch(db, [scoringRulesStatement(), sql`SELECT ${SCORING_COLUMNS} FROM leads WHERE id = ${leadId} AND erased_at IS NULL`, ledgerForScoringStatement(leadId)]),
  );
}

/**
 * The leads with behaviour points in an id range, for the daily decay pass: the range's lead rows through
 * the primary key and only the ledger rows of leads that have something to decay, in one round trip.
 * Raw (and so are the other scoring reads and the score update): a range is ~1,500 rows and up to 500
 * writes, and drizzle's row mapping and query builder cost measurably more CPU per range than templates.
 */
export async function readDecayState(db: Db, fromId: number, toId: number): Promise<ScoringState> {
  return scoringStateOf(
    await batch(db, [
      scoringRulesStatement(),
      sql`SELECT ${SCORING_COLUMNS} FROM leads WHERE id BETWEEN ${fromId} AND ${toId} AND behaviour_score != 0 AND erased_at IS NULL`,
      ledgerForDecayStatement(fromId, toId),
    ]),
  );
}

export async function maxLeadId(db: Db): Promise<number> {
  const [row] = await db.select({ maxId: max(l.id) }).from(l);
  return row?.maxId ?? 0;
}

/**
 * The lead's new score totals, bumping score_version (the guard's counter). `touched` says whether the
 * lead changed for sales (its updated_at moves, so the sales list shows it again). Raw: see readDecayState.
 */
export function scoreTotalsUpdate(leadId: number, t: Pick<Lead, "fitScore" | "behaviourScore" | "score">, touched: boolean, now: number): SQL {
  return sql`UPDATE leads SET fit_score = ${t.fitScore}, behaviour_score = ${t.behaviourScore}, score = ${t.score},
    score_version = score_version + 1, scored_at = ${now}, updated_at = ${touched ? now : sql`updated_at`} WHERE id = ${leadId}`;
}

/** Aborts its batch unless the lead may become an MQL now: never one before, still a lead, at the threshold. */
export function mqlGuard(leadId: number, threshold: number): SQL {
  return staleGuard(sql`EXISTS (SELECT 1 FROM leads WHERE id = ${leadId} AND mql_at IS NULL AND stage = 'lead' AND score >= ${threshold})`);
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
  return db.update(l).set({ stage: to, stageChangedAt: now, updatedAt: now }).where(eq(l.id, leadId)).getSQL();
}

const summaryLeadStatement = (leadId: number) =>
  sql`SELECT id, email, name, company, job_title AS "jobTitle", phone, company_size AS "companySize", country, locale, stage, score, fit_score AS "fitScore",
    behaviour_score AS "behaviourScore", mql_at AS "mqlAt", created_at AS "createdAt", updated_at AS "updatedAt", referred_by_lead_id AS "referredByLeadId", erased_at AS "erasedAt"
    FROM leads WHERE id = ${leadId}`;
export type SummaryLead = Pick<Lead, "id" | "email" | "name" | "company" | "jobTitle" | "phone" | "companySize" | "country" | "locale" | "stage" | "score" | "fitScore" | "behaviourScore" | "mqlAt" | "createdAt" | "updatedAt" | "referredByLeadId" | "erasedAt">;
const referrerStatement = (leadId: number) => sql`SELECT r.id, r.email, r.name FROM leads r WHERE r.id = (SELECT referred_by_lead_id FROM leads WHERE id = ${leadId})`;

export interface SummaryRows {
  lead: SummaryLead | undefined;
  touches: TouchWithAsset[];
  ledger: LedgerWithLabel[];
  referrer: Pick<Lead, "id" | "email" | "name"> | undefined;
}

/** Raw statements (a raw batch keeps the four reads, plus the detail's, in one round trip). */
const summaryStatements = (leadId: number) => [summaryLeadStatement(leadId), touchesWithAssetStatement(leadId), ledgerWithLabelsStatement(leadId), referrerStatement(leadId)];

function summaryRowsOf(results: D1Result[]): SummaryRows {
  return {
    lead: (results[0]!.results as SummaryLead[])[0],
    touches: results[1]!.results as TouchWithAsset[],
    ledger: results[2]!.results as LedgerWithLabel[],
    referrer: (results[3]!.results as Pick<Lead, "id" | "email" | "name">[])[0],
  };
}

/** Everything a lead's summary is built from, in one round trip. */
export async function readSummaryRows(db: Db, leadId: number): Promise<SummaryRows> {
  return summaryRowsOf(await batch(db, summaryStatements(leadId)));
}

export interface DetailRows extends SummaryRows {
  timeline: TimelineEvent[];
  ledgerRows: LedgerOfLead[];
  stages: StageHistoryOfLead[];
  outcomes: OutcomeOfLead[];
}

/** The summary's rows plus the latest events, the whole ledger, stage history and outcomes: one round trip. */
export async function readDetailRows(db: Db, leadId: number, timelineLimit: number): Promise<DetailRows> {
  const results = await batch(db, [...summaryStatements(leadId), timelineStatement(leadId, timelineLimit), ledgerOfLeadStatement(leadId), stageHistoryOfLeadStatement(leadId), outcomesOfLeadStatement(leadId)]);
  return {
    ...summaryRowsOf(results),
    timeline: results[4]!.results as TimelineEvent[],
    ledgerRows: results[5]!.results as LedgerOfLead[],
    stages: results[6]!.results as StageHistoryOfLead[],
    outcomes: results[7]!.results as OutcomeOfLead[],
  };
}

// ── The sales list ────────────────────────────────────────────────────────────
// Raw throughout: the partial indexes need `scored_at IS NOT NULL` in the text, the unfiltered page names
// its index, merges are compound selects, and integers are inlined (a merge needs more than 100 values).

export type ListedLead = {
  id: number; email: string; name: string | null; company: string | null; job_title: string | null; country: string | null;
  stage: Stage; score: number; fit_score: number; behaviour_score: number; mql_at: number | null; created_at: number; updated_at: number;
};
/** A position in (updated_at, id) order. */
export type ListCursor = { u: number; i: number };

const COLUMNS = sql.raw("id, email, name, company, job_title, country, stage, score, fit_score, behaviour_score, mql_at, created_at, updated_at");

/** Integers that go into SQL text are checked first. */
const int = (n: number) => {
  if (!Number.isSafeInteger(n)) throw new Error(`not an integer: ${n}`);
  return sql.raw(String(n));
};
const stageLit = (s: Stage) => {
  if (!STAGES.includes(s)) throw new Error(`not a stage: ${s}`);
  return sql.raw(`'${s}'`);
};

function after(c: ListCursor): SQL {
  // The range on updated_at uses the index; the id tie-break filters the few rows at the same millisecond.
  return sql`updated_at >= ${int(c.u)} AND (updated_at > ${int(c.u)} OR id > ${int(c.i)})`;
}

function assetFilter(assetId?: number): SQL {
  return assetId === undefined ? sql`` : sql` AND EXISTS (SELECT 1 FROM touches t WHERE t.lead_id = leads.id AND t.asset_id = ${int(assetId)})`;
}

/** Distinct scores at or above `min` within a stage, one index seek each (a skip scan). */
export function distinctScores(stage: Stage, min: number): SQL {
  return sql`
    WITH RECURSIVE s(v) AS (
      SELECT (SELECT min(score) FROM leads WHERE scored_at IS NOT NULL AND stage = ${stageLit(stage)} AND score >= ${int(min)})
      UNION ALL
      SELECT (SELECT min(score) FROM leads WHERE scored_at IS NOT NULL AND stage = ${stageLit(stage)} AND score > s.v) FROM s WHERE s.v IS NOT NULL
    ) SELECT ${stageLit(stage)} AS stage, v FROM s WHERE v IS NOT NULL`;
}

/** The unfiltered list (and the fallback for very many score groups): one range scan of leads_list. */
export function scanQuery(c: ListCursor, f: { stage?: Stage; minScore?: number; assetId?: number }, take: number): SQL {
  const stage = f.stage ? sql` AND stage = ${stageLit(f.stage)}` : sql``;
  const min = f.minScore !== undefined ? sql` AND score >= ${int(f.minScore)}` : sql``;
  return sql`SELECT ${COLUMNS} FROM leads INDEXED BY leads_list WHERE scored_at IS NOT NULL AND ${after(c)}${stage}${min}${assetFilter(f.assetId)} ORDER BY updated_at, id LIMIT ${int(take)}`;
}

/** One merged stream: up to 5 ordered index ranges, merged lazily by SQLite (MERGE (UNION ALL)). */
export function mergeQuery(pairs: { stage: Stage; v: number }[], c: ListCursor, assetId: number | undefined, limit: number): SQL {
  const terms = pairs.map((p) => sql`SELECT ${COLUMNS} FROM leads WHERE scored_at IS NOT NULL AND stage = ${stageLit(p.stage)} AND score = ${int(p.v)} AND ${after(c)}${assetFilter(assetId)}`);
  return sql`${sql.join(terms, sql` UNION ALL `)} ORDER BY updated_at, id LIMIT ${int(limit)}`;
}

/** The lead with this (normalised) email, unless erased, in the list's shape. */
export async function listedByEmail(db: Db, email: string): Promise<ListedLead[]> {
  return db.all<ListedLead>(sql`SELECT ${COLUMNS} FROM leads WHERE email = ${email} AND erased_at IS NULL`);
}

/** The (stage, score) pairs present at or above `min` in each stage: one batch, one skip scan a stage. */
export async function scorePairs(db: Db, stages: Stage[], min: number): Promise<{ stage: Stage; v: number }[]> {
  const found = await batch<{ stage: Stage; v: number }>(db, stages.map((s) => distinctScores(s, min)));
  return found.flatMap((r) => r.results);
}

export async function scanPage(db: Db, c: ListCursor, f: { stage?: Stage; minScore?: number; assetId?: number }, take: number): Promise<ListedLead[]> {
  return db.all<ListedLead>(scanQuery(c, f, take));
}

/** One round of the merge: each stream's next rows, all streams in one batch. */
export async function mergeRound(db: Db, streams: { pairs: { stage: Stage; v: number }[]; last: ListCursor; want: number }[], assetId: number | undefined): Promise<ListedLead[][]> {
  const results = await batch<ListedLead>(db, streams.map((s) => mergeQuery(s.pairs, s.last, assetId, s.want)));
  return results.map((r) => r.results);
}
