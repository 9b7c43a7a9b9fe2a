// Dashboard sessions: an API token exchanged for an expiring cookie, with its CSRF secret.
import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";

export const adminSessions = sqliteTable("admin_sessions", {
  idHash: text("id_hash").primaryKey(),
  tokenId: integer("token_id"),
  scopes: text("scopes", { mode: "json" }).$type<string[]>().notNull(),
  csrf: text("csrf").notNull(),
  locale: text("locale").notNull().default("en"),
  expiresAt: integer("expires_at").notNull(),
  createdAt: integer("created_at").notNull(),
});
