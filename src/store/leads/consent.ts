// A lead's standing marketing consent as the lead page and API read it, and the legacy raw IPs still to hash.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../env";
import type { Lead } from "../../db/schema";

/** Raw: aliased for a raw batch. */
export function leadConsentStatement(leadId: number): SQL {
  return sql`SELECT marketing_consent AS "marketingConsent", consent_at AS "consentAt", consent_version AS "consentVersion",
    consent_ip_hash IS NOT NULL AS "ipHashed" FROM leads WHERE id = ${leadId}`;
}
export type LeadConsentRow = Pick<Lead, "marketingConsent" | "consentAt" | "consentVersion"> & {
  ipHashed: number;
};

/** Leads whose consent IP is still a raw address (from before consent_ip_hash), through their partial index. */
export async function legacyConsentIps(
  db: Db,
  limit: number,
): Promise<{ id: number; ip: string }[]> {
  // Raw: INDEXED BY the partial index, which is empty once every address is hashed (the tick then reads nothing).
  return db.all<{ id: number; ip: string }>(
    sql`SELECT id, consent_ip AS ip FROM leads INDEXED BY leads_legacy_consent_ip WHERE consent_ip IS NOT NULL ORDER BY id LIMIT ${limit}`,
  );
}

/** Replaces raw consent IPs by their hashes; a hash a newer capture already wrote is kept. */
export async function replaceLegacyConsentIps(
  db: Db,
  rows: { id: number; hash: string }[],
): Promise<void> {
  // Raw: UPDATE…FROM json_each, one statement for the whole chunk.
  await db.run(sql`
    UPDATE leads SET consent_ip_hash = coalesce(consent_ip_hash, j.value ->> 'hash'), consent_ip = NULL
    FROM json_each(${JSON.stringify(rows)}) j WHERE leads.id = j.value ->> 'id' AND leads.consent_ip IS NOT NULL`);
}
