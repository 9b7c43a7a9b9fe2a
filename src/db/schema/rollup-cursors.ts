// Watermarks of rollup sweeps (e.g. the last touch id credited), claimed with a nonce so each id counts once.
import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";

export const rollupCursors = sqliteTable("rollup_cursors", {
  name: text("name").primaryKey(),
  position: integer("position").notNull().default(0),
  nonce: text("nonce").notNull().default(""),
  updatedAt: integer("updated_at").notNull().default(0),
});
