// Consent IPs recorded before they were hashed: the cron replaces each raw address by its keyed hash, a chunk a tick.
import type { Db } from "../../env";
import { legacyConsentIps, replaceLegacyConsentIps } from "../../store/leads";
import { consentIpHash } from "../../domain/ip-hash";

/** Leads per tick: one indexed read and one update, so the work inline in the tick stays small. */
const CHUNK = 500;

/** Hashes up to CHUNK legacy addresses; returns how many. Idempotent: a hashed lead is no longer read. */
export async function hashLegacyConsentIps(db: Db, signingSecret: string): Promise<number> {
  const rows = await legacyConsentIps(db, CHUNK);
  if (!rows.length) return 0;
  const hashed = await Promise.all(
    rows.map(async (r) => ({ id: r.id, hash: await consentIpHash(signingSecret, r.ip) })),
  );
  await replaceLegacyConsentIps(db, hashed);
  return rows.length;
}
