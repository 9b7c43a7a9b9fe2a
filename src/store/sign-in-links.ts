// One-time sign-in links (sign_in_links): stored as the secret's hash; consumed by one atomic UPDATE.
import { and, count, eq, gt, isNull, lt } from "drizzle-orm";
import type { Db } from "../env";
import { signInLinks } from "../db/schema";

/** Stores a new link and sweeps the ones that expired a day ago or more, in one D1 batch. */
export async function insertSignInLink(
  db: Db,
  row: { hash: string; personId: number; expiresAt: number },
  now: number,
): Promise<void> {
  await db.batch([
    db.delete(signInLinks).where(lt(signInLinks.expiresAt, now - 86_400_000)),
    db.insert(signInLinks).values({ ...row, createdAt: now }),
  ]);
}

/** How many links this person was sent since `since` (for the per-person limit). */
export async function linksSentSince(db: Db, personId: number, since: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(signInLinks)
    .where(and(eq(signInLinks.personId, personId), gt(signInLinks.createdAt, since)));
  return row?.n ?? 0;
}

/** The unused, unexpired link with this hash, read only: a GET (or a mail scanner) never uses it up. */
export async function liveSignInLink(db: Db, hash: string, now: number) {
  return db.query.signInLinks.findFirst({
    where: and(
      eq(signInLinks.hash, hash),
      isNull(signInLinks.usedAt),
      gt(signInLinks.expiresAt, now),
    ),
  });
}

/**
 * Uses the link up, once: of two requests racing with the same link, only one gets its person id back.
 * Undefined when it is unknown, used or expired.
 */
export async function consumeSignInLink(
  db: Db,
  hash: string,
  now: number,
): Promise<{ personId: number } | undefined> {
  const [row] = await db
    .update(signInLinks)
    .set({ usedAt: now })
    .where(
      and(eq(signInLinks.hash, hash), isNull(signInLinks.usedAt), gt(signInLinks.expiresAt, now)),
    )
    .returning({ personId: signInLinks.personId });
  return row;
}

/** Kills a person's unused links (they were removed). */
export async function deleteUnusedLinksOf(db: Db, personId: number): Promise<void> {
  await db
    .delete(signInLinks)
    .where(and(eq(signInLinks.personId, personId), isNull(signInLinks.usedAt)));
}
