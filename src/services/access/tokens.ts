// Scoped API tokens: a secret shown once (ldst_…), stored as its SHA-256, revocable, with last use.
import type { Db } from "../../env";
import type { Scope } from "../../db/schema";
import {
  insertToken,
  liveTokenByHash,
  markTokenRevoked,
  markTokenUsed,
  recentTokens,
  tokenById,
  type ApiToken,
} from "../../store/api-tokens";
import { deleteSessionsOfToken } from "../../store/admin-sessions";
import { randomBase64Url, sha256Hex } from "../../domain/encoding";

const TOKEN_PREFIX = "ldst_";

/** 32 random bytes after a recognisable prefix, so secret scanners and people can tell what it is. */
function newTokenSecret(): string {
  return TOKEN_PREFIX + randomBase64Url(32);
}

export type TokenRow = ApiToken;

export async function createToken(
  db: Db,
  input: { name: string; scopes: Scope[] },
  now: number,
): Promise<{ row: TokenRow; secret: string }> {
  const secret = newTokenSecret();
  const row = await insertToken(db, {
    name: input.name,
    scopes: [...new Set(input.scopes)],
    prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
    hash: await sha256Hex(secret),
    createdAt: now,
  });
  return { row, secret };
}

export async function listTokens(db: Db): Promise<TokenRow[]> {
  return recentTokens(db);
}

/** Revokes a token (idempotent); null when there is no such token. */
export async function revokeToken(db: Db, id: number, now: number): Promise<TokenRow | null> {
  const row = await tokenById(db, id);
  if (!row) return null;
  if (row.revokedAt) return row;
  const revoked = await markTokenRevoked(db, id, now);
  // Sessions check their token on every request anyway (liveSession); this just clears them away.
  await deleteSessionsOfToken(db, id);
  return revoked;
}

/** The unrevoked token whose secret this is (looked up by its hash), or null. */
export async function findLiveToken(db: Db, secret: string): Promise<TokenRow | null> {
  return (await liveTokenByHash(db, await sha256Hex(secret))) ?? null;
}

/** Records that a token was just used. */
export function noteTokenUse(db: Db, id: number, now: number): Promise<void> {
  return markTokenUsed(db, id, now);
}
