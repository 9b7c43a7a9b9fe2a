// Lifecycle stage changes of a lead, with times.
import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { id } from "./columns";

export const stageHistory = sqliteTable(
  "stage_history",
  {
    id: id(),
    leadId: integer("lead_id").notNull(),
    fromStage: text("from_stage"),
    toStage: text("to_stage").notNull(),
    reason: text("reason"),
    at: integer("at").notNull(),
  },
  (t) => [index("stage_history_lead").on(t.leadId, t.at)],
);
