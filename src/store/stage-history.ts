// A lead's lifecycle stage history: every move from one stage to another, with its reason.
import { sql, type SQL } from "drizzle-orm";
import type { stageHistory } from "../db/schema";

export type StageHistoryRow = typeof stageHistory.$inferSelect;

/**
 * The history row of one stage move, for the caller's batch (which moves leads.stage too).
 * Raw: drizzle's insert also names id (as NULL), which D1 meters as one more row read a statement.
 */
export function stageHistoryInsert(
  r: Pick<StageHistoryRow, "leadId" | "fromStage" | "toStage" | "reason" | "at">,
): SQL {
  return sql`INSERT INTO stage_history (lead_id, from_stage, to_stage, reason, at) VALUES (${r.leadId}, ${r.fromStage}, ${r.toStage}, ${r.reason}, ${r.at})`;
}

/** A lead's stage moves, oldest first (raw: aliased for a raw batch). */
export function stageHistoryOfLeadStatement(leadId: number): SQL {
  return sql`SELECT from_stage AS "fromStage", to_stage AS "toStage", reason, at FROM stage_history WHERE lead_id = ${leadId} ORDER BY at, id`;
}
export type StageHistoryOfLead = Pick<StageHistoryRow, "fromStage" | "toStage" | "reason" | "at">;

export function stageHistoryOfLeadAsStored(leadId: number): SQL {
  return sql`SELECT * FROM stage_history WHERE lead_id = ${leadId} ORDER BY at, id`;
}

/** Erasure: the moves stay (stage counts and funnels hold), the free-text reasons go. */
export function scrubStageHistoryOfLead(leadId: number): SQL {
  return sql`UPDATE stage_history SET reason = NULL WHERE lead_id = ${leadId}`;
}
