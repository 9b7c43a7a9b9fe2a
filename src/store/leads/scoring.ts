// Leads as scoring and qualification see them: the scoring state, score totals, the MQL and stage moves under their guards.
import { sql, type SQL, eq, and, isNull, max } from "drizzle-orm";
import type { Db } from "../../env";
import { type Lead, type Stage, leads } from "../../db/schema";
import { staleGuard } from "../guard";
import {
  SCORE_RULES_VERSION,
  scoringRulesFrom,
  scoringRulesStatement,
  type ScoringRule,
} from "../score-rules";
import { versionStatement } from "../settings";
import {
  ledgerForDecayStatement,
  ledgerForScoringStatement,
  type LedgerForScoring,
} from "../score-ledger";
import { batch } from "../batch";

const l = leads;

export type ScoringLead = Pick<
  Lead,
  | "id"
  | "email"
  | "jobTitle"
  | "companySize"
  | "country"
  | "phone"
  | "stage"
  | "mqlAt"
  | "score"
  | "scoreVersion"
  | "scoredAt"
>;
/** The lead columns every scoring read takes (the score preview's too). */
export const SCORING_COLUMNS = sql.raw(
  `id, email, job_title AS "jobTitle", company_size AS "companySize", country, phone, stage, mql_at AS "mqlAt", score, score_version AS "scoreVersion", scored_at AS "scoredAt"`,
);

export interface ScoringState {
  /** The rules' stored version (null: none yet); `rules` is empty when it equals the cached version given. */
  rulesVersion: string | null;
  rules: ScoringRule[];
  leads: ScoringLead[];
  ledger: LedgerForScoring[];
}

function scoringStateOf(results: D1Result[]): ScoringState {
  const version = (results[0]!.results[0] as { version: string } | undefined)?.version ?? null;
  return {
    rulesVersion: version,
    rules: scoringRulesFrom(results[1]!.results),
    leads: results[2]!.results as ScoringLead[],
    ledger: results[3]!.results as LedgerForScoring[],
  };
}

/** The rules' version, and the rules unless `cachedVersion` is still current: the first two reads of a scoring batch. */
const rulesReads = (cachedVersion: string | null) => [
  versionStatement(SCORE_RULES_VERSION),
  scoringRulesStatement(cachedVersion),
];

/** One lead (unless erased) with the rules (unless cached) and its ledger: what scoring needs, in one D1 round trip. */
export async function readScoringState(
  db: Db,
  leadId: number,
  cachedVersion: string | null = null,
): Promise<ScoringState> {
  return scoringStateOf(
    await batch(db, [
      ...rulesReads(cachedVersion),
      sql`SELECT ${SCORING_COLUMNS} FROM leads WHERE id = ${leadId} AND erased_at IS NULL`,
      ledgerForScoringStatement(leadId),
    ]),
  );
}

/**
 * The leads with behaviour points in an id range, for the daily decay pass: the range's lead rows through
 * the primary key and only the ledger rows of leads that have something to decay, in one round trip.
 * Raw (and so are the other scoring reads and the score update): a range is ~1,500 rows and up to 500
 * writes, and drizzle's row mapping and query builder cost measurably more CPU per range than templates.
 */
export async function readDecayState(
  db: Db,
  fromId: number,
  toId: number,
  cachedVersion: string | null = null,
): Promise<ScoringState> {
  return scoringStateOf(
    await batch(db, [
      ...rulesReads(cachedVersion),
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
export function scoreTotalsUpdate(
  leadId: number,
  t: Pick<Lead, "fitScore" | "behaviourScore" | "score">,
  touched: boolean,
  now: number,
): SQL {
  return sql`UPDATE leads SET fit_score = ${t.fitScore}, behaviour_score = ${t.behaviourScore}, score = ${t.score},
    score_version = score_version + 1, scored_at = ${now}, updated_at = ${touched ? now : sql`updated_at`} WHERE id = ${leadId}`;
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
