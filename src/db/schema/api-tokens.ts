// Scoped API tokens, stored as SHA-256 hashes; the secret is shown once at creation.
import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";
import { id, createdAt } from "./columns";
import { SCOPES, type Scope } from "../../domain/vocabulary";

export { SCOPES, type Scope };

export const apiTokens = sqliteTable("api_tokens", {
  id: id(),
  name: text("name").notNull(),
  prefix: text("prefix").notNull(),
  hash: text("hash").notNull().unique(),
  scopes: text("scopes", { mode: "json" }).$type<Scope[]>().notNull(),
  lastUsedAt: integer("last_used_at"),
  revokedAt: integer("revoked_at"),
  createdAt: createdAt(),
});
