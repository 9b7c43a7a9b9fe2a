// Settings: the deployment-wide values marketers edit in the dashboard, one row per key.
import { inArray, sql } from "drizzle-orm";
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
