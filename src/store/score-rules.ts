// The marketer's scoring rules: read by every scoring, edited through the API, seeded with the defaults.
import { count, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../env";
import { scoreRules } from "../db/schema";
import { newVersion } from "./settings";

/** The settings key whose value changes with every rule write: scoring caches the rules per isolate under it. */
export const SCORE_RULES_VERSION = "score_rules_version";

export type ScoreRuleRow = typeof scoreRules.$inferSelect;
export type NewScoreRule = Omit<typeof scoreRules.$inferInsert, "id">;
type RuleChange = Partial<Omit<NewScoreRule, "kind" | "createdAt">>;

export type ScoringRule = Pick<
  ScoreRuleRow,
  "id" | "kind" | "field" | "match" | "points" | "cap" | "halfLifeDays" | "label" | "active"
>;

/**
 * What scoring reads of every rule (all but created_at), for the caller's raw batch; turn the rows into
 * rules with `scoringRulesFrom`. Raw: scoring's reads are on the decay pass's hot path (see readDecayState).
 * With `cachedVersion` the rules are read only when the stored version differs (or there is none): on a hit
 * the statement reads the one settings row and no rule row.
 */
export function scoringRulesStatement(cachedVersion: string | null = null): SQL {
  // CROSS JOIN keeps the gate the outer loop: when it yields no row, score_rules is never scanned.
  return sql`SELECT r.id, r.kind, r.field, r.match, r.points, r.cap, r.half_life_days AS "halfLifeDays", r.label, r.active
    FROM (SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM settings WHERE key = ${SCORE_RULES_VERSION} AND value = ${cachedVersion})) gate
    CROSS JOIN score_rules r`;
}

/** The rows of `scoringRulesStatement` as rules: match is stored as JSON text, active as 0/1. */
export function scoringRulesFrom(rows: unknown[]): ScoringRule[] {
  return (
    rows as (Omit<ScoringRule, "match" | "active"> & { match: string; active: number })[]
  ).map((r) => ({ ...r, match: JSON.parse(r.match) as string[], active: !!r.active }));
}

/** Every rule write batches this, so the next scoring anywhere reads the rules again (one transaction). */
const bump = (db: Db) => newVersion(db, SCORE_RULES_VERSION, Date.now());

export async function countRules(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(scoreRules);
  return row?.n ?? 0;
}

/** Inserts rules in one batch, all or nothing; one row a statement keeps under D1's 100 bound parameters. */
export async function insertRules(db: Db, rules: NewScoreRule[]): Promise<void> {
  const [first, ...rest] = rules.map((r) => db.insert(scoreRules).values(r));
  if (first) await db.batch([first, ...rest, bump(db)]);
}

export async function listRuleRows(db: Db): Promise<ScoreRuleRow[]> {
  return db.select().from(scoreRules).orderBy(scoreRules.kind, scoreRules.id);
}

export async function findRule(db: Db, id: number): Promise<ScoreRuleRow | undefined> {
  return db.query.scoreRules.findFirst({ where: eq(scoreRules.id, id) });
}

export async function insertRule(db: Db, rule: NewScoreRule): Promise<ScoreRuleRow> {
  const [[row]] = await db.batch([db.insert(scoreRules).values(rule).returning(), bump(db)]);
  return row!;
}

export async function updateRuleRow(
  db: Db,
  id: number,
  change: RuleChange,
): Promise<ScoreRuleRow | undefined> {
  const [[row]] = await db.batch([
    db.update(scoreRules).set(change).where(eq(scoreRules.id, id)).returning(),
    bump(db),
  ]);
  return row;
}

/** Deletes a rule; returns it as it was, or undefined when there was none. */
export async function deleteRuleRow(db: Db, id: number): Promise<ScoreRuleRow | undefined> {
  const [[row]] = await db.batch([
    db.delete(scoreRules).where(eq(scoreRules.id, id)).returning(),
    bump(db),
  ]);
  return row;
}
