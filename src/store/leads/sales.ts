// Leads as sales reads them: the summary, the full detail, and the list behind an opaque (updated_at, id) cursor.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../env";
import { type Lead, type Stage, STAGES } from "../../db/schema";
import { timelineStatement, type TimelineEvent } from "../events";
import { batch } from "../batch";
import {
  ledgerOfLeadStatement,
  ledgerWithLabelsStatement,
  type LedgerOfLead,
  type LedgerWithLabel,
} from "../score-ledger";
import { touchesWithAssetStatement, type TouchWithAsset } from "../touches";
import { stageHistoryOfLeadStatement, type StageHistoryOfLead } from "../stage-history";
import { outcomesOfLeadStatement, type OutcomeOfLead } from "../outcomes";

const summaryLeadStatement = (leadId: number) =>
  sql`SELECT id, email, name, company, job_title AS "jobTitle", phone, company_size AS "companySize", country, locale, stage, score, fit_score AS "fitScore",
    behaviour_score AS "behaviourScore", mql_at AS "mqlAt", created_at AS "createdAt", updated_at AS "updatedAt", referred_by_lead_id AS "referredByLeadId", erased_at AS "erasedAt",
    owner_id AS "ownerId", owner_assigned_at AS "ownerAssignedAt", accept_by AS "acceptBy", accepted_at AS "acceptedAt", routing_flagged_at AS "routingFlaggedAt",
    (SELECT p.name FROM people p WHERE p.id = leads.owner_id) AS "ownerName", (SELECT p.email FROM people p WHERE p.id = leads.owner_id) AS "ownerEmail"
    FROM leads WHERE id = ${leadId}`;
export type SummaryLead = Pick<
  Lead,
  | "id"
  | "email"
  | "name"
  | "company"
  | "jobTitle"
  | "phone"
  | "companySize"
  | "country"
  | "locale"
  | "stage"
  | "score"
  | "fitScore"
  | "behaviourScore"
  | "mqlAt"
  | "createdAt"
  | "updatedAt"
  | "referredByLeadId"
  | "erasedAt"
  | "ownerId"
  | "ownerAssignedAt"
  | "acceptBy"
  | "acceptedAt"
  | "routingFlaggedAt"
> & { ownerName: string | null; ownerEmail: string | null };
const referrerStatement = (leadId: number) =>
  sql`SELECT r.id, r.email, r.name, r.erased_at AS "erasedAt" FROM leads r WHERE r.id = (SELECT referred_by_lead_id FROM leads WHERE id = ${leadId})`;

export interface SummaryRows {
  lead: SummaryLead | undefined;
  touches: TouchWithAsset[];
  ledger: LedgerWithLabel[];
  referrer: Pick<Lead, "id" | "email" | "name" | "erasedAt"> | undefined;
}

/** Raw statements (a raw batch keeps the four reads, plus the detail's, in one round trip). */
const summaryStatements = (leadId: number) => [
  summaryLeadStatement(leadId),
  touchesWithAssetStatement(leadId),
  ledgerWithLabelsStatement(leadId),
  referrerStatement(leadId),
];

function summaryRowsOf(results: D1Result[]): SummaryRows {
  return {
    lead: (results[0]!.results as SummaryLead[])[0],
    touches: results[1]!.results as TouchWithAsset[],
    ledger: results[2]!.results as LedgerWithLabel[],
    referrer: (results[3]!.results as Pick<Lead, "id" | "email" | "name" | "erasedAt">[])[0],
  };
}

/** Everything a lead's summary is built from, in one round trip. */
export async function readSummaryRows(db: Db, leadId: number): Promise<SummaryRows> {
  return summaryRowsOf(await batch(db, summaryStatements(leadId)));
}

interface DetailRows extends SummaryRows {
  timeline: TimelineEvent[];
  ledgerRows: LedgerOfLead[];
  stages: StageHistoryOfLead[];
  outcomes: OutcomeOfLead[];
}

/** The summary's rows plus the latest events, the whole ledger, stage history and outcomes: one round trip. */
export async function readDetailRows(
  db: Db,
  leadId: number,
  timelineLimit: number,
): Promise<DetailRows> {
  const results = await batch(db, [
    ...summaryStatements(leadId),
    timelineStatement(leadId, timelineLimit),
    ledgerOfLeadStatement(leadId),
    stageHistoryOfLeadStatement(leadId),
    outcomesOfLeadStatement(leadId),
  ]);
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
  id: number;
  email: string;
  name: string | null;
  company: string | null;
  job_title: string | null;
  country: string | null;
  stage: Stage;
  score: number;
  fit_score: number;
  behaviour_score: number;
  mql_at: number | null;
  created_at: number;
  updated_at: number;
  owner_id: number | null;
  owner_assigned_at: number | null;
  accept_by: number | null;
  accepted_at: number | null;
};
/** A position in (updated_at, id) order. */
type ListCursor = { u: number; i: number };

const COLUMNS = sql.raw(
  "id, email, name, company, job_title, country, stage, score, fit_score, behaviour_score, mql_at, created_at, updated_at, owner_id, owner_assigned_at, accept_by, accepted_at",
);

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
  return assetId === undefined
    ? sql``
    : sql` AND EXISTS (SELECT 1 FROM touches t WHERE t.lead_id = leads.id AND t.asset_id = ${int(assetId)})`;
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
export function scanQuery(
  c: ListCursor,
  f: { stage?: Stage; minScore?: number; assetId?: number },
  take: number,
): SQL {
  const stage = f.stage ? sql` AND stage = ${stageLit(f.stage)}` : sql``;
  const min = f.minScore !== undefined ? sql` AND score >= ${int(f.minScore)}` : sql``;
  return sql`SELECT ${COLUMNS} FROM leads INDEXED BY leads_list WHERE scored_at IS NOT NULL AND ${after(c)}${stage}${min}${assetFilter(f.assetId)} ORDER BY updated_at, id LIMIT ${int(take)}`;
}

/** One merged stream: up to 5 ordered index ranges, merged lazily by SQLite (MERGE (UNION ALL)). */
export function mergeQuery(
  pairs: { stage: Stage; v: number }[],
  c: ListCursor,
  assetId: number | undefined,
  limit: number,
): SQL {
  const terms = pairs.map(
    (p) =>
      sql`SELECT ${COLUMNS} FROM leads WHERE scored_at IS NOT NULL AND stage = ${stageLit(p.stage)} AND score = ${int(p.v)} AND ${after(c)}${assetFilter(assetId)}`,
  );
  return sql`${sql.join(terms, sql` UNION ALL `)} ORDER BY updated_at, id LIMIT ${int(limit)}`;
}

/** The lead with this (normalised) email, unless erased, in the list's shape. */
export async function listedByEmail(db: Db, email: string): Promise<ListedLead[]> {
  return db.all<ListedLead>(
    sql`SELECT ${COLUMNS} FROM leads WHERE email = ${email} AND erased_at IS NULL`,
  );
}

/** The (stage, score) pairs present at or above `min` in each stage: one batch, one skip scan a stage. */
export async function scorePairs(
  db: Db,
  stages: Stage[],
  min: number,
): Promise<{ stage: Stage; v: number }[]> {
  const found = await batch<{ stage: Stage; v: number }>(
    db,
    stages.map((s) => distinctScores(s, min)),
  );
  return found.flatMap((r) => r.results);
}

export async function scanPage(
  db: Db,
  c: ListCursor,
  f: { stage?: Stage; minScore?: number; assetId?: number },
  take: number,
): Promise<ListedLead[]> {
  return db.all<ListedLead>(scanQuery(c, f, take));
}

/** One round of the merge: each stream's next rows, all streams in one batch. */
export async function mergeRound(
  db: Db,
  streams: { pairs: { stage: Stage; v: number }[]; last: ListCursor; want: number }[],
  assetId: number | undefined,
): Promise<ListedLead[][]> {
  const results = await batch<ListedLead>(
    db,
    streams.map((s) => mergeQuery(s.pairs, s.last, assetId, s.want)),
  );
  return results.map((r) => r.results);
}
