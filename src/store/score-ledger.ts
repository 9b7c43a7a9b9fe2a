// The score ledger: every change to a lead's score as a row with its rule and reason; the score is their sum.
import { sql, type SQL } from "drizzle-orm";
import type { scoreLedger } from "../db/schema";

export type LedgerRow = typeof scoreLedger.$inferSelect;
type LedgerDraftRow = Pick<LedgerRow, "ruleId" | "kind" | "points" | "reason" | "at">;

/** 6 bound parameters a row: 15 rows a statement stays under D1's limit of 100. */
const ROWS_PER_STATEMENT = 15;
/** Reasons are kept readable, not unbounded. */
const REASON_MAX = 500;

export type LedgerForScoring = Pick<LedgerRow, "leadId" | "ruleId" | "kind" | "points" | "at">;

/** What scoring reads of one lead's ledger, for the caller's raw batch (raw: see readDecayState). */
export function ledgerForScoringStatement(leadId: number): SQL {
  return sql`SELECT lead_id AS "leadId", rule_id AS "ruleId", kind, points, at FROM score_ledger WHERE lead_id = ${leadId}`;
}

/**
 * The ledger rows of the leads in an id range that have behaviour points, for the decay pass: joined
 * through leads so only leads with something to decay are read (the same filter as the range's lead rows in `readDecayState`).
 */
export function ledgerForDecayStatement(fromId: number, toId: number): SQL {
  return sql`
    SELECT s.lead_id AS "leadId", s.rule_id AS "ruleId", s.kind, s.points, s.at FROM leads d JOIN score_ledger s ON s.lead_id = d.id
    WHERE d.id BETWEEN ${fromId} AND ${toId} AND d.behaviour_score != 0 AND d.erased_at IS NULL`;
}

/**
 * INSERT statements for a lead's new ledger rows, for the caller's batch.
 * Raw: drizzle's insert also names id (as NULL), which D1 meters as one more row read a statement.
 */
export function ledgerInserts(leadId: number, rows: LedgerDraftRow[]): SQL[] {
  const out: SQL[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const values = rows
      .slice(i, i + ROWS_PER_STATEMENT)
      .map(
        (d) =>
          sql`(${leadId}, ${d.ruleId}, ${d.kind}, ${d.points}, ${d.reason.slice(0, REASON_MAX)}, ${d.at})`,
      );
    out.push(
      sql`INSERT INTO score_ledger (lead_id, rule_id, kind, points, reason, at) VALUES ${sql.join(values, sql`, `)}`,
    );
  }
  return out;
}

/** The lead's ledger with rule labels, for the summary's top reasons (raw: aliased for a raw batch). */
export function ledgerWithLabelsStatement(leadId: number): SQL {
  return sql`SELECT l.rule_id AS "ruleId", l.kind, l.points, r.label FROM score_ledger l LEFT JOIN score_rules r ON r.id = l.rule_id WHERE l.lead_id = ${leadId}`;
}
export type LedgerWithLabel = Pick<LedgerRow, "ruleId" | "kind" | "points"> & {
  label: string | null;
};

/** The whole ledger of one lead, oldest first, for the lead's detail (raw: aliased for a raw batch). */
export function ledgerOfLeadStatement(leadId: number): SQL {
  return sql`SELECT l.id, l.rule_id AS "ruleId", l.kind, l.points, l.reason, l.at, r.label FROM score_ledger l
    LEFT JOIN score_rules r ON r.id = l.rule_id WHERE l.lead_id = ${leadId} ORDER BY l.at, l.id`;
}
export type LedgerOfLead = Pick<
  LedgerRow,
  "id" | "ruleId" | "kind" | "points" | "reason" | "at"
> & {
  /** The rule's label as it is now; null when the rule was deleted. */
  label: string | null;
};

/** Erasure drops award reasons (they quote URLs and asset titles the person saw); points stay, so score = sum. */
export function scrubLedgerOfLead(leadId: number): SQL {
  return sql`UPDATE score_ledger SET reason = 'erased' WHERE lead_id = ${leadId} AND kind = 'award'`;
}

export function ledgerOfLeadAsStored(leadId: number): SQL {
  return sql`SELECT * FROM score_ledger WHERE lead_id = ${leadId} ORDER BY at, id`;
}
