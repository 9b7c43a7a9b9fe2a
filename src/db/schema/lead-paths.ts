// The data-driven model's path table: each lead's journey as channel states, kept by the touch-credit sweep.
import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";

export const leadPaths = sqliteTable("lead_paths", {
  leadId: integer("lead_id").primaryKey(),
  /** The channels of the lead's swept touches in order, joined by ">" (e.g. "paid>email>direct"). */
  path: text("path").notNull(),
  /**
   * The markov_weights version the lead's data-driven lead credit was last computed with (null: none
   * yet, so linear); the sweep takes back exactly what it gave under that version before re-crediting.
   */
  creditedVersion: integer("credited_version"),
});
