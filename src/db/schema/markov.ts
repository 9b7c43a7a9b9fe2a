// The data-driven model's channel weights per stage, and the transition counts of the scan that computes them.
import { sqliteTable, text, integer, real, primaryKey } from "drizzle-orm/sqlite-core";
import { JOURNEY_STAGES } from "../../domain/vocabulary";

export { JOURNEY_STAGES };

/** Versions are kept: a lead's credit remembers the version it was computed with (lead_paths). */
export const markovWeights = sqliteTable(
  "markov_weights",
  {
    version: integer("version").notNull(),
    stage: text("stage", { enum: JOURNEY_STAGES }).notNull(),
    channel: text("channel").notNull(),
    /** The channel's removal effect as a share of all channels' (they add up to 1 per version × stage). */
    weight: real("weight").notNull(),
    computedAt: integer("computed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.version, t.stage, t.channel] })],
);

/** Transitions counted so far by the scan in progress over lead_paths; emptied when a version is written. */
export const markovTransitions = sqliteTable(
  "markov_transitions",
  {
    stage: text("stage", { enum: JOURNEY_STAGES }).notNull(),
    fromState: text("from_state").notNull(),
    toState: text("to_state").notNull(),
    journeys: integer("journeys").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.stage, t.fromState, t.toState] })],
);

/**
 * The one-off backfill of the models added after data existed (0016): leads up to lead_upto get the
 * new models' lead credit over touches up to touch_upto (where the touch-credit sweep stood) and
 * their conversions up to conversions_upto credited, a chunk per cron tick; the row is deleted when done.
 */
export const modelBackfill = sqliteTable("model_backfill", {
  id: integer("id").primaryKey(),
  leadUpto: integer("lead_upto").notNull(),
  touchUpto: integer("touch_upto").notNull(),
  conversionsUpto: integer("conversions_upto").notNull(),
  nextLead: integer("next_lead").notNull().default(0),
  nonce: text("nonce").notNull().default(""),
});
