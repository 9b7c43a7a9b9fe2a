// The words of one step's email in one locale: subject, preheader and a Markdown body, written by a marketer.
import { sqliteTable, text, integer, uniqueIndex } from "drizzle-orm/sqlite-core";
import { id, createdAt, updatedAt } from "./columns";
import { LOCALES } from "../../domain/vocabulary";

export const emailCopies = sqliteTable(
  "email_copies",
  {
    id: id(),
    stepId: integer("step_id").notNull(),
    locale: text("locale", { enum: LOCALES }).notNull(),
    subject: text("subject").notNull(),
    preheader: text("preheader").notNull().default(""),
    /** Markdown with `{{variables}}`, checked at authoring (src/domain/email-copy.ts). */
    body: text("body").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("email_copies_step_locale").on(t.stepId, t.locale)],
);

export type EmailCopy = typeof emailCopies.$inferSelect;
export type NewEmailCopy = typeof emailCopies.$inferInsert;
