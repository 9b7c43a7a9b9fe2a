// Scoring rules are data: fit rules on the profile, behaviour rules on events (with decay).
import { sqliteTable, text, integer, real } from "drizzle-orm/sqlite-core";
import { idNeverReused, createdAt } from "./columns";
import { RULE_KINDS } from "../../domain/vocabulary";

export { RULE_KINDS };

export const scoreRules = sqliteTable("score_rules", {
  id: idNeverReused(),
  kind: text("kind", { enum: RULE_KINDS }).notNull(),
  /** What the rule looks at, e.g. job_title_keyword, company_size, country, free_mail, phone_given, event. */
  field: text("field").notNull(),
  /** Match values (keywords, sizes, countries, event type and optional URL pattern). */
  match: text("match", { mode: "json" }).$type<string[]>().notNull(),
  points: integer("points").notNull(),
  cap: integer("cap"),
  halfLifeDays: real("half_life_days"),
  label: text("label").notNull(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  createdAt: createdAt(),
});

export type ScoreRule = typeof scoreRules.$inferSelect;
