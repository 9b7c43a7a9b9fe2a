// Deployment settings: the privacy policy links (per page language) the gate's consent words point to.
import { z } from "zod";
import type { Db } from "../../env";
import { fieldErrors, type FieldErrors } from "../../errors";
import type { Locale } from "../../db/schema";
import { insertSettingsUnlessSet, settingsByKeys, writeSettings } from "../../store/settings";

const httpsUrl = z
  .url({ protocol: /^https$/, error: "Use an https:// link, such as https://example.com/privacy" })
  .max(2048, "This link is too long");
const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

/** Every setting, its validation, and null when unset. A later setting is one more key here. */
const settingsForm = z.object({
  privacy_policy_url_en: z.preprocess(blankToNull, httpsUrl.nullable()),
  privacy_policy_url_zh: z.preprocess(blankToNull, httpsUrl.nullable()),
});
export type Settings = z.infer<typeof settingsForm>;
const KEYS = Object.keys(settingsForm.shape) as (keyof Settings)[];
const EMPTY: Settings = { privacy_policy_url_en: null, privacy_policy_url_zh: null };

/**
 * The landing page reads settings on every view; like published assets, each isolate keeps them a while so a
 * warm landing page reads nothing from D1. Saving here forgets them; other isolates see a change within the TTL.
 */
const SETTINGS_CACHE_MS = 30_000;
const cache = new WeakMap<object, { value: Settings; until: number }>();

export async function loadSettings(db: Db, now = Date.now()): Promise<Settings> {
  const hit = cache.get(db.$client);
  if (hit && hit.until > now) return hit.value;
  const rows = await settingsByKeys(db, KEYS);
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  const parsed = settingsForm.safeParse({ ...EMPTY, ...stored });
  // A value that no longer validates (a rule tightened) reads as unset rather than breaking every page.
  const value = parsed.success ? parsed.data : EMPTY;
  cache.set(db.$client, { value, until: now + SETTINGS_CACHE_MS });
  return value;
}

type SaveResult = { ok: true; settings: Settings } | { ok: false; errors: FieldErrors };

export async function saveSettings(
  db: Db,
  raw: Record<string, string>,
  now: number,
): Promise<SaveResult> {
  const parsed = settingsForm.safeParse(Object.fromEntries(KEYS.map((k) => [k, raw[k] ?? ""])));
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  await writeSettings(
    db,
    KEYS.map((key) => ({ key, value: parsed.data[key] })),
    now,
  );
  cache.delete(db.$client);
  return { ok: true, settings: parsed.data };
}

/** The privacy policy for a page in this language: its own link, else the other language's, else none. */
export function privacyPolicyUrl(s: Settings, locale: Locale): string | null {
  return locale === "zh-CN"
    ? (s.privacy_policy_url_zh ?? s.privacy_policy_url_en)
    : (s.privacy_policy_url_en ?? s.privacy_policy_url_zh);
}

/** The demo seed's links, set only where nobody has set one. */
export async function seedSettings(db: Db, values: Partial<Settings>, now: number): Promise<void> {
  await insertSettingsUnlessSet(
    db,
    Object.entries(values).map(([key, value]) => ({ key, value })),
    now,
  );
  cache.delete(db.$client);
}
