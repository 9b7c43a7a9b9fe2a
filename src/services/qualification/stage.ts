// Lifecycle stage changes: the history row and the timeline event, written in the caller's batch.
import type { SQL } from "drizzle-orm";
import type { Stage } from "../../db/schema";
import { recordEvent } from "../../store/events";
import { stageHistoryInsert } from "../../store/stage-history";

interface StageChange {
  leadId: number;
  from: Stage;
  to: Stage;
  reason: string;
  at: number;
}

/** History and event rows for a stage change; the caller updates leads.stage in the same batch. */
export function stageChangeStatements(c: StageChange): SQL[] {
  return [
    stageHistoryInsert({
      leadId: c.leadId,
      fromStage: c.from,
      toStage: c.to,
      reason: c.reason,
      at: c.at,
    }),
    recordEvent({
      leadId: c.leadId,
      type: "stage_changed",
      at: c.at,
      data: { from: c.from, to: c.to, reason: c.reason },
    }),
  ];
}
