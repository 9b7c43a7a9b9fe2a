// Addresses that must never be emailed again, kept as SHA-256 hashes so erasure keeps them suppressed.
import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";

export const SUPPRESSION_REASONS = ["unsubscribed", "bounced", "complained", "erased"] as const;

export const suppressions = sqliteTable("suppressions", {
  emailHash: text("email_hash").primaryKey(),
  reason: text("reason", { enum: SUPPRESSION_REASONS }).notNull(),
  at: integer("at").notNull(),
});
