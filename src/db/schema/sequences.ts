// A sequence is an ordered drip of email steps that an asset starts when a lead passes its gate.
import { sqliteTable, text, integer, uniqueIndex } from "drizzle-orm/sqlite-core";
import { id, createdAt } from "./columns";
import { STEP_ANCHORS, STEP_CONDITION_KEYS, type StepConditionKey } from "../../domain/vocabulary";

export { STEP_ANCHORS, STEP_CONDITION_KEYS };

/** Which of STEP_CONDITION_KEYS skip the step (src/services/nurture/conditions.ts). */
export type StepConditions = Partial<Record<StepConditionKey, boolean>>;
/** Days 0=Sunday..6=Saturday; hours in the chosen timezone; deferred, never dropped. */
export interface SendWindow {
  days: number[];
  startHour: number;
  endHour: number;
  timezone: "lead" | "asset";
}

export const sequences = sqliteTable("sequences", {
  id: id(),
  name: text("name").notNull(),
  createdAt: createdAt(),
});

export const sequenceSteps = sqliteTable(
  "sequence_steps",
  {
    id: id(),
    sequenceId: integer("sequence_id").notNull(),
    position: integer("position").notNull(),
    template: text("template").notNull(),
    anchor: text("anchor", { enum: STEP_ANCHORS }).notNull().default("enrolment"),
    delayMinutes: integer("delay_minutes").notNull().default(0),
    conditions: text("conditions", { mode: "json" }).$type<StepConditions>().notNull().default({}),
    sendWindow: text("send_window", { mode: "json" }).$type<SendWindow | null>(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("sequence_steps_position").on(t.sequenceId, t.position)],
);

export type Sequence = typeof sequences.$inferSelect;
export type SequenceStep = typeof sequenceSteps.$inferSelect;
