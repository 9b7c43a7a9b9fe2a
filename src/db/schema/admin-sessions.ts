// Dashboard sessions: a person's sign-in or an API token exchanged for an expiring cookie, with its CSRF secret.
import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { ROLES } from "../../domain/vocabulary";

export const adminSessions = sqliteTable(
  "admin_sessions",
  {
    idHash: text("id_hash").primaryKey(),
    /** Made from this API token (null for the bootstrap ADMIN_TOKEN and for a person's sign-in). */
    tokenId: integer("token_id"),
    /** Made by this person's sign-in link; the session ends when they are removed or their role changes. */
    personId: integer("person_id"),
    /** The person's role when they signed in (null for token sessions, which carry scopes). */
    role: text("role", { enum: ROLES }),
    scopes: text("scopes", { mode: "json" }).$type<string[]>().notNull(),
    csrf: text("csrf").notNull(),
    locale: text("locale").notNull().default("en"),
    expiresAt: integer("expires_at").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("admin_sessions_person").on(t.personId)],
);
