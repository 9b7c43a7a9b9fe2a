// Scoped API tokens: a secret shown once (ldst_…), stored as its SHA-256, revocable, with last use.
import { desc, eq } from "drizzle-orm";
import type { Db } from "../../env";
import { apiTokens, type Scope } from "../../db/schema";
import { randomBase64Url, sha256Hex } from "../../domain/encoding";

export const TOKEN_PREFIX = "ldst_";

/** 32 random bytes after a recognisable prefix, so secret scanners and people can tell what it is. */
export function newTokenSecret(): string {
  return TOKEN_PREFIX + randomBase64Url(32);
}

export type TokenRow = typeof apiTokens.$inferSelect;

export async function createToken(db: Db, input: { name: string; scopes: Scope[] }, now: number): Promise<{ row: TokenRow; secret: string }> {
  const secret = newTokenSecret();
  const [row] = await db
    .insert(apiTokens)
    .values({ name: input.name, scopes: [...new Set(input.scopes)], prefix: secret.slice(0, TOKEN_PREFIX.length + 6), hash: await sha256Hex(secret), createdAt: now })
    .returning();
  return { row: row!, secret };
}

export async function listTokens(db: Db): Promise<TokenRow[]> {
  return db.select().from(apiTokens).orderBy(desc(apiTokens.id)).limit(500);
}

/** Revokes a token (idempotent); null when there is no such token. */
export async function revokeToken(db: Db, id: number, now: number): Promise<TokenRow | null> {
  const row = await db.query.apiTokens.findFirst({ where: eq(apiTokens.id, id) });
  if (!row) return null;
  if (row.revokedAt) return row;
  const [updated] = await db.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.id, id)).returning();
  return updated!;
}
