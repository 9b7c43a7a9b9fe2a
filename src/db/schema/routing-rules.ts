// Sales routing rules: ordered, first match wins; each hands its MQLs round robin to a team of teammates.
import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { idNeverReused, createdAt, updatedAt } from "./columns";
import { ROUTING_MATCHES, type RoutingMatch } from "../../domain/vocabulary";

export { ROUTING_MATCHES, type RoutingMatch };

export const routingRules = sqliteTable(
  "routing_rules",
  {
    // Leads keep routing_rule_id after a rule is deleted: an id is never handed out twice.
    id: idNeverReused(),
    /** Order of evaluation, lowest first; ties by id. */
    position: integer("position").notNull(),
    name: text("name").notNull(),
    match: text("match", { enum: ROUTING_MATCHES }).$type<RoutingMatch>().notNull(),
    values: text("match_values", { mode: "json" }).$type<string[]>().notNull(),
    /** Person ids in turn order (people with the sales or admin role). */
    team: text("team", { mode: "json" }).$type<number[]>().notNull(),
    /**
     * Turns handed out so far: the round-robin cursor. Taking a turn is one `UPDATE … SET turns = turns + 1
     * RETURNING turns`, atomic in SQLite, so two MQLs routed at once get different turns (no read-then-write).
     */
    turns: integer("turns").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("routing_rules_position").on(t.position)],
);

export type RoutingRule = typeof routingRules.$inferSelect;
