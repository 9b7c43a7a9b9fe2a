// Every score change is a ledger row with its rule and reason; a lead's score is the sum.
import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { id } from "./columns";
import { LEDGER_KINDS, type LedgerKind } from "../../domain/vocabulary";

export { LEDGER_KINDS, type LedgerKind };

/** fit: a profile rule's contribution; award: a behaviour hit at full points; decay/cap: adjustments; rule: a rule was edited or removed. */

export const scoreLedger = sqliteTable(
  "score_ledger",
  {
    id: id(),
    leadId: integer("lead_id").notNull(),
    ruleId: integer("rule_id"),
    kind: text("kind", { enum: LEDGER_KINDS }).notNull().default("award"),
    points: integer("points").notNull(),
    reason: text("reason").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [index("score_ledger_lead").on(t.leadId, t.at)],
);
