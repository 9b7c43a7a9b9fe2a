// Captured mail: what the local Resend-compatible sink kept instead of sending.
import { and, desc, eq, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "../env";
import { capturedEmails, type CapturedEmail } from "../db/schema";

/** The emails an Idempotency-Key already created, in request order. */
export async function capturedByRequestKey(
  db: Db,
  key: string,
): Promise<Pick<CapturedEmail, "id" | "requestHash">[]> {
  return db
    .select({ id: capturedEmails.id, requestHash: capturedEmails.requestHash })
    .from(capturedEmails)
    .where(eq(capturedEmails.requestKey, key))
    .orderBy(capturedEmails.position);
}

/** One request's emails, all kept or none. */
export async function insertCapturedEmails(
  db: Db,
  rows: (typeof capturedEmails.$inferInsert)[],
): Promise<void> {
  if (!rows.length) return;
  const [first, ...rest] = rows.map((row) => db.insert(capturedEmails).values(row));
  await db.batch([first!, ...rest]);
}

export type CapturedEmailSummary = Pick<
  CapturedEmail,
  "id" | "from" | "to" | "subject" | "tags" | "createdAt"
>;

/** Mail that carries this tag (json_each over the tags). */
const tagged = (tag: { name: string; value: string }) =>
  sql`EXISTS (SELECT 1 FROM json_each(${capturedEmails.tags}) WHERE json_extract(value, '$.name') = ${tag.name} AND json_extract(value, '$.value') = ${tag.value})`;

/** Newest first, `before` a created_at to page back; `withoutTag` leaves out the mail carrying it. */
export async function capturedEmailsNewestFirst(
  db: Db,
  opts: { limit: number; before?: number; withoutTag?: { name: string; value: string } },
): Promise<CapturedEmailSummary[]> {
  return db
    .select({
      id: capturedEmails.id,
      from: capturedEmails.from,
      to: capturedEmails.to,
      subject: capturedEmails.subject,
      tags: capturedEmails.tags,
      createdAt: capturedEmails.createdAt,
    })
    .from(capturedEmails)
    .where(
      and(
        opts.before ? lt(capturedEmails.createdAt, opts.before) : undefined,
        opts.withoutTag ? sql`NOT ${tagged(opts.withoutTag)}` : undefined,
      ),
    )
    .orderBy(desc(capturedEmails.createdAt))
    .limit(opts.limit);
}

export async function capturedEmailById(
  db: Db,
  id: string,
  withoutTag?: { name: string; value: string },
): Promise<CapturedEmail | undefined> {
  return db.query.capturedEmails.findFirst({
    where: and(eq(capturedEmails.id, id), withoutTag ? sql`NOT ${tagged(withoutTag)}` : undefined),
  });
}

/** The local sink's copies of mail to the address (json_each over the recipients). */
export function deleteCapturedMailTo(email: string): SQL {
  return sql`DELETE FROM captured_emails WHERE EXISTS (SELECT 1 FROM json_each(captured_emails."to") WHERE value = ${email})`;
}

export function capturedMailToAsStored(email: string): SQL {
  return sql`SELECT id, subject, "to", created_at FROM captured_emails WHERE EXISTS (SELECT 1 FROM json_each(captured_emails."to") WHERE value = ${email}) ORDER BY created_at`;
}
