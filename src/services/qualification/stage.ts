// Lifecycle stage changes: the history row and the timeline event, written in the caller's batch.
import { sql, type SQL } from "drizzle-orm";
import type { Stage } from "../../db/schema";

export interface StageChange {
  leadId: number;
  from: Stage;
  to: Stage;
  reason: string;
  at: number;
}

/** History and event rows for a stage change; the caller updates leads.stage in the same batch. */
export function stageChangeStatements(c: StageChange): SQL[] {
  return [
    sql`INSERT INTO stage_history (lead_id, from_stage, to_stage, reason, at) VALUES (${c.leadId}, ${c.from}, ${c.to}, ${c.reason}, ${c.at})`,
    sql`INSERT INTO events (lead_id, type, at, data) VALUES (${c.leadId}, 'stage_changed', ${c.at}, json_object('from', ${c.from}, 'to', ${c.to}, 'reason', ${c.reason}))`,
  ];
}
