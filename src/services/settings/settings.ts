// Workspace settings (brand, privacy links, email footer, defaults, embed origins, MQL threshold, the logo in R2):
// read by every page and email through a per-isolate cache, changed by the API and the dashboard.
import type { Db } from "../../env";
import { AppError, fieldErrors, type FieldErrors } from "../../errors";
import type { Locale } from "../../db/schema";
import { IMAGE_TYPES } from "../../domain/file-types";
import { insertSettingsUnlessSet, settingsByKeys, writeSettings } from "../../store/settings";
import { checkedUpload, imageVersion, MAX_IMAGE_BYTES } from "../uploads/checked-upload";
import {
  SETTING_KEYS,
  UNSET,
  settingsPatch,
  settingsShape,
  type SettingKey,
  type SettingsPatch,
} from "./settings-input";

export type Settings = typeof UNSET & {
  /** The logo in R2, set by its own upload. */
  logo: { key: string; type: string } | null;
};
const EMPTY: Settings = { ...UNSET, logo: null };
const LOGO_KEY = "logo";

/**
 * The landing page reads settings on every view; like published assets, each isolate keeps them a while so a
 * warm landing page reads nothing from D1. Saving here forgets them; other isolates see a change within the TTL.
 */
const SETTINGS_CACHE_MS = 30_000;
const cache = new WeakMap<object, { value: Settings; until: number }>();

function parsedValue(key: SettingKey, value: unknown): unknown {
  const r = settingsShape[key].safeParse(value);
  // A value that no longer validates (a rule tightened) reads as unset rather than breaking every page.
  return r.success ? r.data : UNSET[key];
}

function logoOf(value: unknown): Settings["logo"] {
  const v = value as { key?: unknown; type?: unknown } | null;
  return typeof v?.key === "string" && IMAGE_TYPES.some((t) => t.type === v.type)
    ? { key: v.key, type: v.type as string }
    : null;
}

export async function loadSettings(db: Db, now = Date.now()): Promise<Settings> {
  const hit = cache.get(db.$client);
  if (hit && hit.until > now) return hit.value;
  const rows = await settingsByKeys(db, [...SETTING_KEYS, LOGO_KEY]);
  const value: Settings = { ...EMPTY };
  for (const r of rows) {
    if (r.key === LOGO_KEY) value.logo = logoOf(r.value);
    else if ((SETTING_KEYS as string[]).includes(r.key))
      Object.assign(value, { [r.key]: parsedValue(r.key as SettingKey, r.value) });
  }
  cache.set(db.$client, { value, until: now + SETTINGS_CACHE_MS });
  return value;
}

type SaveResult = { ok: true; settings: Settings } | { ok: false; errors: FieldErrors };

const unset = (v: unknown) => v === null || (Array.isArray(v) && v.length === 0);

/** Changes the settings given (null, or an empty list, unsets one) and leaves the rest. */
export async function patchSettings(db: Db, raw: unknown, now: number): Promise<SaveResult> {
  const parsed = settingsPatch.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const entries = (Object.entries(parsed.data) as [SettingKey, unknown][]).map(([key, v]) => ({
    key,
    value: unset(v) ? null : v,
  }));
  await writeSettings(db, entries, now);
  cache.delete(db.$client);
  return { ok: true, settings: await loadSettings(db, now) };
}

/** Stores a new logo (PNG, JPEG or WebP, told by its bytes) in R2 and points the settings at it. */
export async function storeLogo(
  db: Db,
  files: R2Bucket,
  upload: { bytes: Uint8Array; declaredType: string | null },
  now: number,
): Promise<Settings> {
  const type = checkedUpload(
    "logo",
    upload.bytes,
    upload.declaredType,
    IMAGE_TYPES,
    MAX_IMAGE_BYTES,
  );
  const before = await loadSettings(db, now);
  const key = `brand/logo/${crypto.randomUUID()}.${type.ext}`;
  await files.put(key, upload.bytes, { httpMetadata: { contentType: type.type } });
  await writeSettings(db, [{ key: LOGO_KEY, value: { key, type: type.type } }], now);
  cache.delete(db.$client);
  if (before.logo && before.logo.key !== key) await files.delete(before.logo.key);
  return loadSettings(db, now);
}

/** The logo's public path with its version, so it may be cached for long; null without a logo. */
export function logoPath(s: Settings): string | null {
  return s.logo ? `/brand/logo?v=${imageVersion(s.logo.key)}` : null;
}

export function logoVersion(s: Settings): string | null {
  return s.logo ? imageVersion(s.logo.key) : null;
}

/** The privacy policy for a page in this language: its own link, else the workspace's, else the other language's. */
export function privacyPolicyUrl(s: Settings, locale: Locale): string | null {
  const own = locale === "zh-CN" ? s.privacy_policy_url_zh : s.privacy_policy_url_en;
  const other = locale === "zh-CN" ? s.privacy_policy_url_en : s.privacy_policy_url_zh;
  return own ?? s.privacy_url ?? other;
}

/** The MQL threshold: the workspace's setting, else the deployment's MQL_THRESHOLD. */
export async function mqlThreshold(db: Db, fallback: number): Promise<number> {
  return (await loadSettings(db)).mql_threshold ?? fallback;
}

/** The brand a page or an email shows in its header and footer. */
export interface Brand {
  name: string | null;
  color: string | null;
  logoUrl: string | null;
  postalAddress: string | null;
}

export function brandOf(s: Settings, origin: string): Brand {
  const logo = logoPath(s);
  return {
    name: s.brand_name,
    color: s.brand_color,
    logoUrl: logo ? `${origin}${logo}` : null,
    postalAddress: s.postal_address,
  };
}

/** The demo seed's values, set only where nobody has set one. */
export async function seedSettings(
  db: Db,
  values: Partial<SettingsPatch>,
  now: number,
): Promise<void> {
  await insertSettingsUnlessSet(
    db,
    Object.entries(values).map(([key, value]) => ({ key, value })),
    now,
  );
  cache.delete(db.$client);
}

/** A refusal in the API's envelope. */
export function settingsRefused(errors: FieldErrors): AppError {
  return new AppError("BAD_REQUEST", "Some fields are invalid", { details: { fields: errors } });
}
