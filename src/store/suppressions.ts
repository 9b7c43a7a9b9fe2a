// Suppressions: addresses (as keyed hashes) that must never be emailed again, and why. Rows from before
// keying hold the bare SHA-256 (hash_scheme 'sha256'): every lookup matches both, every write is keyed,
// and a write for an address re-keys its old row (docs/decisions/0012-keyed-suppression-hashes.md).
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../env";
import type { suppressions } from "../db/schema";
import type { EmailHashes } from "../domain/email-address";
import { statement } from "./batch";

type Suppression = typeof suppressions.$inferSelect;

/**
 * The keyed row for an address, taking the reason and time of its legacy row when there is one (the first
 * reason recorded stands), then the legacy row removed: two statements for the caller's batch.
 */
function keyedSuppression(hashes: EmailHashes, reason: Suppression["reason"], at: number): SQL[] {
  // Raw: a batch statement (store/batch takes SQL), INSERT … ON CONFLICT with a lookup of the legacy row.
  return [
    sql`INSERT INTO suppressions (email_hash, reason, at, hash_scheme)
        VALUES (${hashes.keyed},
          coalesce((SELECT reason FROM suppressions WHERE email_hash = ${hashes.legacy} AND hash_scheme = 'sha256'), ${reason}),
          coalesce((SELECT at FROM suppressions WHERE email_hash = ${hashes.legacy} AND hash_scheme = 'sha256'), ${at}),
          'hmac-sha256')
        ON CONFLICT (email_hash) DO NOTHING`,
    sql`DELETE FROM suppressions WHERE email_hash = ${hashes.legacy} AND hash_scheme = 'sha256'`,
  ];
}

export function suppressAddress(
  hashes: EmailHashes,
  reason: Exclude<Suppression["reason"], "erased">,
  at: number,
): SQL[] {
  return keyedSuppression(hashes, reason, at);
}

/** Which of these address hashes (keyed or legacy) are suppressed, and why (with D1's row meters). */
export function suppressionsAmong(
  db: Db,
  hashes: string[],
): Promise<D1Result<Pick<Suppression, "emailHash" | "reason">>> {
  // Raw: the hashes travel as one json_each parameter (D1 binds at most 100 values).
  return statement(
    db.$client,
    sql`SELECT email_hash AS "emailHash", reason FROM suppressions WHERE email_hash IN (SELECT value FROM json_each(${JSON.stringify(hashes)}))`,
  ).all<Pick<Suppression, "emailHash" | "reason">>();
}

/** Erasure keeps the address suppressed by its keyed hash, so a later capture of it is never mailed. */
export function suppressErased(hashes: EmailHashes, at: number): SQL[] {
  return keyedSuppression(hashes, "erased", at);
}

/** The person's suppression rows (keyed, or legacy from before keying), for their data export. */
export function suppressionOfAddress(hashes: EmailHashes): SQL {
  return sql`SELECT * FROM suppressions WHERE email_hash IN (${hashes.keyed}, ${hashes.legacy})`;
}
