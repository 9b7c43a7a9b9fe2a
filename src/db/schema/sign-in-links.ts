// One-time sign-in links: the SHA-256 of the secret mailed to a person, valid 15 minutes, used once.
import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";

export const signInLinks = sqliteTable(
  "sign_in_links",
  {
    /** SHA-256 hex of the secret in the link; the secret itself is only in the mail. */
    hash: text("hash").primaryKey(),
    personId: integer("person_id").notNull(),
    expiresAt: integer("expires_at").notNull(),
    /** Set by the one POST that consumes it; a link with used_at is dead. */
    usedAt: integer("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("sign_in_links_person").on(t.personId, t.createdAt)],
);
