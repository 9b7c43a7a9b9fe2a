// What a score-rule preview reads: the open leads nearest the threshold with their ledgers, and the counts around them.
import { sql } from "drizzle-orm";
import type { Db } from "../../env";
import { batch } from "../batch";
import type { LedgerForScoring } from "../score-ledger";
import { SCORING_COLUMNS, type ScoringLead } from "./scoring";

const OPEN = sql.raw(
  "stage = 'lead' AND mql_at IS NULL AND erased_at IS NULL AND scored_at IS NOT NULL",
);

export interface PreviewState {
  /** Open leads (stage lead, never MQL, scored): the `limit` highest scores, which any threshold reaches first. */
  leads: ScoringLead[];
  ledger: LedgerForScoring[];
  openLeads: number;
  mqls: number;
}

/**
 * One round trip. The open leads come highest score first through leads_stage_score, their ledger rows
 * through score_ledger_lead; the counts read the same index and leads_mql_at.
 */
export async function readPreviewState(db: Db, limit: number): Promise<PreviewState> {
  const top = sql`SELECT id FROM leads WHERE ${OPEN} ORDER BY score DESC, id LIMIT ${limit}`;
  const [leads, ledger, counts] = await batch(db, [
    sql`SELECT ${SCORING_COLUMNS} FROM leads WHERE ${OPEN} ORDER BY score DESC, id LIMIT ${limit}`,
    sql`SELECT lead_id AS "leadId", rule_id AS "ruleId", kind, points, at FROM score_ledger WHERE lead_id IN (${top})`,
    sql`SELECT (SELECT count(*) FROM leads WHERE ${OPEN}) AS "openLeads", (SELECT count(*) FROM leads WHERE mql_at IS NOT NULL AND erased_at IS NULL) AS "mqls"`,
  ]);
  const c = counts!.results[0] as { openLeads: number; mqls: number };
  return {
    leads: leads!.results as ScoringLead[],
    ledger: ledger!.results as LedgerForScoring[],
    openLeads: c.openLeads,
    mqls: c.mqls,
  };
}
