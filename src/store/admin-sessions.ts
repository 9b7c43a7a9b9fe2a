// Dashboard sessions (admin_sessions): a signed-in marketer's cookie, stored as a hash, with its scopes, CSRF secret and language.
import { and, eq, gt, lt } from "drizzle-orm";
import type { Db } from "../env";
import { adminSessions, type Locale } from "../db/schema";

type AdminSessionRow = typeof adminSessions.$inferSelect;

/** Stores a new session and sweeps the expired ones, in one D1 batch. */
export async function insertSession(
  db: Db,
  row: typeof adminSessions.$inferInsert,
  now: number,
): Promise<void> {
  await db.batch([
    db.delete(adminSessions).where(lt(adminSessions.expiresAt, now)),
    db.insert(adminSessions).values(row),
  ]);
}

/** The session with this id hash, unless it has expired. */
export async function liveSession(
  db: Db,
  idHash: string,
  now: number,
): Promise<AdminSessionRow | undefined> {
  return db.query.adminSessions.findFirst({
    where: and(eq(adminSessions.idHash, idHash), gt(adminSessions.expiresAt, now)),
  });
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.delete(adminSessions).where(eq(adminSessions.idHash, idHash));
}

export async function updateSessionLocale(db: Db, idHash: string, locale: Locale): Promise<void> {
  await db.update(adminSessions).set({ locale }).where(eq(adminSessions.idHash, idHash));
}
