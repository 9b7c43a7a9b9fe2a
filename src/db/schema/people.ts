// Teammates who sign in to the dashboard: one row per normalised email, with a role; removal keeps the row.
import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";
import { id, createdAt, updatedAt } from "./columns";
import { LOCALES, ROLES, type Role } from "../../domain/vocabulary";

export { ROLES, type Role };

export const people = sqliteTable("people", {
  id: id(),
  /** Normalised (src/domain/email-address.ts): one person per address however it is typed. */
  email: text("email").notNull().unique(),
  name: text("name"),
  role: text("role", { enum: ROLES }).notNull(),
  /** The language their invitation was written in, and their sign-in pages' default. */
  locale: text("locale", { enum: LOCALES }).notNull().default("en"),
  /** The person who invited them; null when a token or the bootstrap ADMIN_TOKEN did. */
  invitedBy: integer("invited_by"),
  /** Who invited them, as the audit log names actors ("Ann <ann@…>", "token CRM", "ADMIN_TOKEN"). */
  invitedByLabel: text("invited_by_label").notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  /** Set when an admin removes them: they can no longer sign in, and their sessions end. */
  removedAt: integer("removed_at"),
});

export type Person = typeof people.$inferSelect;
