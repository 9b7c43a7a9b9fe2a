// Every score change is a ledger row with its rule and reason; a lead's score is the sum.
import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { id } from "./columns";

export const scoreLedger = sqliteTable(
  "score_ledger",
  {
    id: id(),
    leadId: integer("lead_id").notNull(),
    ruleId: integer("rule_id"),
    points: integer("points").notNull(),
    reason: text("reason").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [index("score_ledger_lead").on(t.leadId, t.at)],
);
