// What sales reports back: accepted, won (with amount), lost (with reason); idempotent on external_id.
import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { id } from "./columns";
import { OUTCOME_STAGES } from "../../domain/vocabulary";

export { OUTCOME_STAGES };

export const outcomes = sqliteTable(
  "outcomes",
  {
    id: id(),
    leadId: integer("lead_id").notNull(),
    stage: text("stage", { enum: OUTCOME_STAGES }).notNull(),
    amountMinor: integer("amount_minor"),
    currency: text("currency"),
    reason: text("reason"),
    externalId: text("external_id").unique(),
    at: integer("at").notNull(),
  },
  (t) => [
    index("outcomes_lead").on(t.leadId),
    // The offline conversion export finds a window's accepted and won outcomes by time.
    index("outcomes_stage_at").on(t.stage, t.at),
  ],
);
