// Addresses that must never be emailed again, kept as SHA-256 hashes so erasure keeps them suppressed.
import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";
import { SUPPRESSION_REASONS } from "../../domain/vocabulary";

export { SUPPRESSION_REASONS };

export const suppressions = sqliteTable("suppressions", {
  emailHash: text("email_hash").primaryKey(),
  reason: text("reason", { enum: SUPPRESSION_REASONS }).notNull(),
  at: integer("at").notNull(),
});
