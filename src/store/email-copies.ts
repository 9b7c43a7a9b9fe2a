// Email copy (email_copies): each step's subject, preheader and Markdown body per locale; its one writer.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../env";
import { emailCopies, sequenceSteps, type EmailCopy, type Locale } from "../db/schema";

export type { EmailCopy };

export interface CopyRow {
  position: number;
  locale: Locale;
  subject: string;
  preheader: string;
  body: string;
}

export async function copiesOfSteps(db: Db, stepIds: number[]): Promise<EmailCopy[]> {
  const ids = [...new Set(stepIds)].filter((id) => id > 0);
  if (!ids.length) return [];
  return db.select().from(emailCopies).where(inArray(emailCopies.stepId, ids));
}

/**
 * The copy of a sequence's steps, written in the same batch as the steps: each row finds its step by
 * position (an INSERT … SELECT: the step ids are not known before the batch runs).
 */
export function insertCopiesOfSequence(db: Db, sequenceId: number, rows: CopyRow[], now: number) {
  return rows.map((r) =>
    db.insert(emailCopies).select(
      db
        .select({
          id: sql<number>`NULL`.as("id"),
          stepId: sequenceSteps.id,
          locale: sql<Locale>`${r.locale}`.as("locale"),
          subject: sql<string>`${r.subject}`.as("subject"),
          preheader: sql<string>`${r.preheader}`.as("preheader"),
          body: sql<string>`${r.body}`.as("body"),
          createdAt: sql<number>`${now}`.as("created_at"),
          updatedAt: sql<number>`${now}`.as("updated_at"),
        })
        .from(sequenceSteps)
        .where(
          and(eq(sequenceSteps.sequenceId, sequenceId), eq(sequenceSteps.position, r.position)),
        ),
    ),
  );
}

/** Rewrites the copy of steps that already exist (an edit of words only, applied to sends not yet made). */
export function upsertCopies(
  db: Db,
  rows: { stepId: number; locale: Locale; subject: string; preheader: string; body: string }[],
  now: number,
) {
  return rows.map((r) =>
    db
      .insert(emailCopies)
      .values({ ...r, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: [emailCopies.stepId, emailCopies.locale],
        set: { subject: r.subject, preheader: r.preheader, body: r.body, updatedAt: now },
      }),
  );
}
