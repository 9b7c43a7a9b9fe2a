// A lead's lifecycle stage history: every move from one stage to another, with its reason.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../env";
import { stageHistory } from "../db/schema";

export type StageHistoryRow = typeof stageHistory.$inferSelect;

/** The history row of one stage move, for the caller's batch (which moves leads.stage too). */
export function stageHistoryInsert(db: Db, row: Omit<typeof stageHistory.$inferInsert, "id">): SQL {
  return db.insert(stageHistory).values(row).getSQL();
}

/** A lead's stage moves, oldest first (raw: aliased for a raw batch). */
export function stageHistoryOfLeadStatement(leadId: number): SQL {
  return sql`SELECT from_stage AS "fromStage", to_stage AS "toStage", reason, at FROM stage_history WHERE lead_id = ${leadId} ORDER BY at, id`;
}
export type StageHistoryOfLead = Pick<StageHistoryRow, "fromStage" | "toStage" | "reason" | "at">;
