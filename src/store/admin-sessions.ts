// Dashboard sessions (admin_sessions): a signed-in marketer's cookie, stored as a hash, with its scopes, CSRF secret and language.
import { and, eq, gt, lt } from "drizzle-orm";
import type { Db } from "../env";
import { adminSessions, apiTokens, type Locale } from "../db/schema";

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

/**
 * The session with this id hash, unless it has expired or the token it was made from is revoked; with the
 * token's scopes as they are now (null for a session made from the bootstrap ADMIN_TOKEN).
 */
export async function liveSession(
  db: Db,
  idHash: string,
  now: number,
): Promise<(AdminSessionRow & { tokenScopes: string[] | null }) | undefined> {
  const [row] = await db
    .select({
      session: adminSessions,
      tokenScopes: apiTokens.scopes,
      revokedAt: apiTokens.revokedAt,
      tokenFound: apiTokens.id,
    })
    .from(adminSessions)
    .leftJoin(apiTokens, eq(apiTokens.id, adminSessions.tokenId))
    .where(and(eq(adminSessions.idHash, idHash), gt(adminSessions.expiresAt, now)));
  if (!row) return undefined;
  if (row.session.tokenId === null) return { ...row.session, tokenScopes: null };
  if (row.tokenFound === null || row.revokedAt !== null) return undefined;
  return { ...row.session, tokenScopes: row.tokenScopes ?? [] };
}

/** Ends every session made from this token (it was revoked). */
export async function deleteSessionsOfToken(db: Db, tokenId: number): Promise<void> {
  await db.delete(adminSessions).where(eq(adminSessions.tokenId, tokenId));
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.delete(adminSessions).where(eq(adminSessions.idHash, idHash));
}

export async function updateSessionLocale(db: Db, idHash: string, locale: Locale): Promise<void> {
  await db.update(adminSessions).set({ locale }).where(eq(adminSessions.idHash, idHash));
}
