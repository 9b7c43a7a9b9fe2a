// Webhook message ids already processed, so a replayed delivery changes nothing.
import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";

export const hookReceipts = sqliteTable("hook_receipts", {
  messageId: text("message_id").primaryKey(),
  source: text("source").notNull(),
  at: integer("at").notNull(),
});
