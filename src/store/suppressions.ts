// Suppressions: addresses (as SHA-256 hashes) that must never be emailed again, and why.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../env";
import type { suppressions } from "../db/schema";
import { statement } from "./batch";

type Suppression = typeof suppressions.$inferSelect;

export function suppressAddress(
  emailHash: string,
  reason: Exclude<Suppression["reason"], "erased">,
  at: number,
): SQL {
  // Raw: a batch statement (store/batch takes SQL); the first reason recorded stands.
  return sql`INSERT INTO suppressions (email_hash, reason, at) VALUES (${emailHash}, ${reason}, ${at}) ON CONFLICT (email_hash) DO NOTHING`;
}

/** Which of these address hashes are suppressed, and why (with D1's row meters). */
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

/** Erasure keeps the address suppressed by its hash, so a later capture of it is never mailed. */
export function suppressErased(emailHash: string, at: number): SQL {
  return sql`INSERT INTO suppressions (email_hash, reason, at) VALUES (${emailHash}, 'erased', ${at}) ON CONFLICT (email_hash) DO NOTHING`;
}

/** The person's suppression row, for their data export. */
export function suppressionOfAddress(emailHash: string): SQL {
  return sql`SELECT * FROM suppressions WHERE email_hash = ${emailHash}`;
}
