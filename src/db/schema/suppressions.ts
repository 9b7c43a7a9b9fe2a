// Addresses that must never be emailed again, kept as keyed hashes so erasure keeps them suppressed
// without keeping the address (docs/decisions/0012-keyed-suppression-hashes.md).
import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";
import { SUPPRESSION_HASH_SCHEMES, SUPPRESSION_REASONS } from "../../domain/vocabulary";

export { SUPPRESSION_HASH_SCHEMES, SUPPRESSION_REASONS };

export const suppressions = sqliteTable("suppressions", {
  emailHash: text("email_hash").primaryKey(),
  reason: text("reason", { enum: SUPPRESSION_REASONS }).notNull(),
  at: integer("at").notNull(),
  /** hmac-sha256 for every row written now; sha256 (the bare hash) marks a row from before keying. */
  hashScheme: text("hash_scheme", { enum: SUPPRESSION_HASH_SCHEMES }).notNull().default("sha256"),
});
