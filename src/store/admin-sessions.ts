// Dashboard sessions (admin_sessions): a signed-in teammate's or token's cookie, stored as a hash, with its
// scopes or role, CSRF secret and language.
import { and, eq, gt, lt } from "drizzle-orm";
import type { Db } from "../env";
import { adminSessions, apiTokens, people, type Locale, type Role } from "../db/schema";

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

/** What a live session was made from, as it is now. */
export type SessionSource =
  | { kind: "bootstrap" }
  | { kind: "token"; id: number; name: string; scopes: string[] }
  | { kind: "person"; id: number; email: string; name: string | null; role: Role };

/**
 * The session with this id hash, with what it was made from as that is now; undefined when the session
 * expired, or its token was revoked or deleted, or its person was removed.
 */
export async function liveSession(
  db: Db,
  idHash: string,
  now: number,
): Promise<{ session: AdminSessionRow; source: SessionSource } | undefined> {
  const [row] = await db
    .select({
      session: adminSessions,
      tokenId: apiTokens.id,
      tokenName: apiTokens.name,
      tokenScopes: apiTokens.scopes,
      revokedAt: apiTokens.revokedAt,
      personId: people.id,
      email: people.email,
      name: people.name,
      role: people.role,
      removedAt: people.removedAt,
    })
    .from(adminSessions)
    .leftJoin(apiTokens, eq(apiTokens.id, adminSessions.tokenId))
    .leftJoin(people, eq(people.id, adminSessions.personId))
    .where(and(eq(adminSessions.idHash, idHash), gt(adminSessions.expiresAt, now)));
  if (!row) return undefined;
  const { session } = row;
  if (session.personId !== null) {
    if (row.personId === null || row.removedAt !== null) return undefined;
    return {
      session,
      source: {
        kind: "person",
        id: row.personId,
        email: row.email!,
        name: row.name,
        role: row.role!,
      },
    };
  }
  if (session.tokenId === null) return { session, source: { kind: "bootstrap" } };
  if (row.tokenId === null || row.revokedAt !== null) return undefined;
  return {
    session,
    source: { kind: "token", id: row.tokenId, name: row.tokenName!, scopes: row.tokenScopes ?? [] },
  };
}

/** Ends every session made from this token (it was revoked). */
export async function deleteSessionsOfToken(db: Db, tokenId: number): Promise<void> {
  await db.delete(adminSessions).where(eq(adminSessions.tokenId, tokenId));
}

/** Ends every session of this person (they were removed, or their role changed). */
export async function deleteSessionsOfPerson(db: Db, personId: number): Promise<void> {
  await db.delete(adminSessions).where(eq(adminSessions.personId, personId));
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.delete(adminSessions).where(eq(adminSessions.idHash, idHash));
}

export async function updateSessionLocale(db: Db, idHash: string, locale: Locale): Promise<void> {
  await db.update(adminSessions).set({ locale }).where(eq(adminSessions.idHash, idHash));
}
