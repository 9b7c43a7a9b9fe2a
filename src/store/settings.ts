// Settings: the deployment-wide values marketers edit in the dashboard, one row per key.
import { inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../env";
import { settings } from "../db/schema";

export async function settingsByKeys(
  db: Db,
  keys: readonly string[],
): Promise<{ key: string; value: unknown }[]> {
  return db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(inArray(settings.key, [...keys]));
}

/** Writes these keys (a null value deletes the key) in one statement each, as one batch. */
export async function writeSettings(
  db: Db,
  entries: { key: string; value: unknown }[],
  now: number,
): Promise<void> {
  const statements = entries.map((e) =>
    e.value === null
      ? db.delete(settings).where(sql`${settings.key} = ${e.key}`)
      : db
          .insert(settings)
          .values({ key: e.key, value: e.value, updatedAt: now })
          .onConflictDoUpdate({ target: settings.key, set: { value: e.value, updatedAt: now } }),
  );
  if (statements.length)
    await db.batch(statements as [(typeof statements)[0], ...typeof statements]);
}

/** Sets keys that have no value yet (the demo seed), leaving any the marketer set. */
export async function insertSettingsUnlessSet(
  db: Db,
  entries: { key: string; value: unknown }[],
  now: number,
): Promise<void> {
  for (const e of entries)
    await db
      .insert(settings)
      .values({ key: e.key, value: e.value, updatedAt: now })
      .onConflictDoNothing({ target: settings.key });
}

/**
 * A fresh random version under `key`, for a cache of other rows (e.g. the score rules): batch it with the write it
 * versions. Random, not a counter, so a database reset to an older state never repeats a version a cache holds.
 */
export function newVersion(db: Db, key: string, now: number) {
  const value = crypto.randomUUID();
  return db
    .insert(settings)
    .values({ key, value, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } });
}

/** The version stored under `key` (one row through the primary key), as a `{ version }` row or none. */
export function versionStatement(key: string): SQL {
  return sql`SELECT value AS version FROM settings WHERE key = ${key}`;
}
