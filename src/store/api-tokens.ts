// API tokens (api_tokens): scoped secrets stored as SHA-256 hashes, with their last use and revocation.
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../env";
import { apiTokens } from "../db/schema";

export type ApiToken = typeof apiTokens.$inferSelect;

export async function insertToken(db: Db, row: typeof apiTokens.$inferInsert): Promise<ApiToken> {
  const [created] = await db.insert(apiTokens).values(row).returning();
  return created!;
}

/** The newest 500 tokens, newest first. */
export async function recentTokens(db: Db): Promise<ApiToken[]> {
  return db.select().from(apiTokens).orderBy(desc(apiTokens.id)).limit(500);
}

export async function tokenById(db: Db, id: number): Promise<ApiToken | undefined> {
  return db.query.apiTokens.findFirst({ where: eq(apiTokens.id, id) });
}

/** The unrevoked token with this hash. */
export async function liveTokenByHash(db: Db, hash: string): Promise<ApiToken | undefined> {
  return db.query.apiTokens.findFirst({
    where: and(eq(apiTokens.hash, hash), isNull(apiTokens.revokedAt)),
  });
}

export async function markTokenRevoked(db: Db, id: number, now: number): Promise<ApiToken> {
  const [updated] = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(eq(apiTokens.id, id))
    .returning();
  return updated!;
}

export async function markTokenUsed(db: Db, id: number, now: number): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id));
}
