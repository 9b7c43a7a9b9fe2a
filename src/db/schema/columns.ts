// Shared column builders: every time is epoch milliseconds, every JSON column is typed text.
import { integer } from "drizzle-orm/sqlite-core";

/** The rowid: cheapest, but SQLite may hand a deleted highest id to the next insert (docs/decisions/0004-ids.md). */
export const id = () => integer("id").primaryKey();
/**
 * For tables rows are deleted from: AUTOINCREMENT never hands out an id twice, so nothing that still points
 * at a deleted row (deliveries at an endpoint, ledger rows at a rule) can meet its successor. Costs one
 * sqlite_sequence write per INSERT statement (not per row), which is why hot insert paths keep `id()`.
 */
export const idNeverReused = () => integer("id").primaryKey({ autoIncrement: true });
export const createdAt = () => integer("created_at").notNull();
export const updatedAt = () => integer("updated_at").notNull();
