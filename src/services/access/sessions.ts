// Dashboard sessions: an API token exchanged for an expiring, HttpOnly cookie with its own CSRF secret. A session
// lives no longer than its token: revoking the token (or narrowing its scopes) ends it.
import type { Db } from "../../env";
import type { Locale, Scope } from "../../db/schema";
import {
  deleteSession,
  insertSession,
  liveSession,
  updateSessionLocale,
} from "../../store/admin-sessions";
import { randomBase64Url, sha256Hex } from "../../domain/encoding";

export const SESSION_COOKIE = "lodestone_admin";
export const SESSION_TTL_MS = 8 * 3_600_000;

export interface AdminSession {
  idHash: string;
  scopes: Scope[];
  csrf: string;
  locale: Locale;
  expiresAt: number;
}

/** Creates a session; the returned secret goes in the cookie and is stored only as a hash. Expired sessions are swept. */
export async function createSession(
  db: Db,
  p: { tokenId: number | null; scopes: Scope[]; locale: Locale },
  now: number,
): Promise<{ secret: string; session: AdminSession }> {
  const secret = randomBase64Url(32);
  const session: AdminSession = {
    idHash: await sha256Hex(secret),
    scopes: p.scopes,
    csrf: randomBase64Url(24),
    locale: p.locale,
    expiresAt: now + SESSION_TTL_MS,
  };
  await insertSession(db, { ...session, tokenId: p.tokenId, createdAt: now }, now);
  return { secret, session };
}

export async function findSession(
  db: Db,
  secret: string | undefined,
  now: number,
): Promise<AdminSession | null> {
  if (!secret || secret.length > 100) return null;
  const row = await liveSession(db, await sha256Hex(secret), now);
  if (!row) return null;
  // A token whose scopes no longer cover the session's ends it: a session never outranks its token.
  if (row.tokenScopes && !row.scopes.every((s) => row.tokenScopes!.includes(s))) {
    await deleteSession(db, row.idHash);
    return null;
  }
  return {
    idHash: row.idHash,
    scopes: row.scopes as Scope[],
    csrf: row.csrf,
    locale: row.locale === "zh-CN" ? "zh-CN" : "en",
    expiresAt: row.expiresAt,
  };
}

export async function endSession(db: Db, idHash: string): Promise<void> {
  await deleteSession(db, idHash);
}

export async function setSessionLocale(db: Db, idHash: string, locale: Locale): Promise<void> {
  await updateSessionLocale(db, idHash, locale);
}
