// Mail kept by the local Resend-compatible sink (/dev/resend): exactly what would have been sent.
import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";

export const capturedEmails = sqliteTable(
  "captured_emails",
  {
    /** The id the sink answered with, shaped like Resend's (a UUID). */
    id: text("id").primaryKey(),
    /** The Idempotency-Key of the request and this email's place in it, for replays. */
    requestKey: text("request_key"),
    requestHash: text("request_hash").notNull(),
    position: integer("position").notNull(),
    from: text("from").notNull(),
    to: text("to", { mode: "json" }).$type<string[]>().notNull(),
    subject: text("subject").notNull(),
    html: text("html"),
    text: text("text"),
    headers: text("headers", { mode: "json" })
      .$type<Record<string, string>>()
      .notNull()
      .default({}),
    tags: text("tags", { mode: "json" })
      .$type<{ name: string; value: string }[]>()
      .notNull()
      .default([]),
    /** Files as sent (base64 content), e.g. a calendar update's invite.ics. */
    attachments: text("attachments", { mode: "json" })
      .$type<{ filename: string; contentType: string | null; content: string }[]>()
      .notNull()
      .default([]),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("captured_emails_created").on(t.createdAt),
    index("captured_emails_request").on(t.requestKey),
  ],
);

export type CapturedEmail = typeof capturedEmails.$inferSelect;
