// The workspace settings one by one, each with its rule: brand, privacy links, email footer, defaults, embedding,
// the MQL threshold. The API patches any of them; the dashboard's form sends them all as text.
import { z } from "zod";
import { LOCALES } from "../../db/schema";
import { isValidTimeZone } from "../../domain/calendar-day";
import { oneLineHeader } from "../../domain/header-value";

const httpsUrl = z
  .url({ protocol: /^https$/, error: "Use an https:// link, such as https://example.com/privacy" })
  .max(2048, "This link is too long");

/** An https origin (scheme, host, port; no path), as browsers send it in Origin: `https://www.example.com`. */
const httpsOrigin = z
  .string()
  .trim()
  .max(300)
  .transform((s, ctx) => {
    let url: URL | null = null;
    try {
      url = new URL(s);
    } catch {}
    const bare =
      url?.protocol === "https:" &&
      url.pathname === "/" &&
      !url.search &&
      !url.hash &&
      !url.username &&
      !url.password &&
      !s.endsWith("#") &&
      !s.endsWith("?");
    if (!url || !bare) {
      ctx.addIssue({
        code: "custom",
        message: "Use an https origin without a path, such as https://www.example.com",
      });
      return z.NEVER;
    }
    return url.origin;
  });

/** Every setting a person edits, its rule, and null when unset. A later setting is one more key here. */
export const settingsShape = {
  brand_name: z
    .string()
    .max(300)
    .transform(oneLineHeader)
    .pipe(z.string().min(1).max(80, "At most 80 characters"))
    .nullable(),
  brand_color: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #2f5bea")
    .transform((s) => s.toLowerCase())
    .nullable(),
  /** The privacy policy of every page whose language has no link of its own. */
  privacy_url: httpsUrl.nullable(),
  privacy_policy_url_en: httpsUrl.nullable(),
  privacy_policy_url_zh: httpsUrl.nullable(),
  /** The sender's postal address, in every email's footer (CAN-SPAM asks for one). */
  postal_address: z
    .string()
    .trim()
    .max(500, "At most 500 characters")
    .refine((s) => s.split(/\r?\n/).length <= 6, "At most 6 lines")
    .transform((s) => s.replace(/\r\n/g, "\n"))
    .nullable(),
  default_locale: z.enum(LOCALES).nullable(),
  time_zone: z
    .string()
    .trim()
    .refine(isValidTimeZone, "Use an IANA time zone such as Asia/Shanghai")
    .nullable(),
  embed_origins: z
    .array(httpsOrigin)
    .max(20, "At most 20 origins")
    .transform((list) => [...new Set(list)]),
  /** Null: the deployment's MQL_THRESHOLD. */
  mql_threshold: z
    .number({ error: "Use a whole number of points" })
    .int("Use a whole number of points")
    .min(1, "At least 1")
    .max(100_000, "At most 100,000")
    .nullable(),
};

export const settingsPatch = z.strictObject(settingsShape).partial();
export type SettingsPatch = z.infer<typeof settingsPatch>;
export type SettingKey = keyof typeof settingsShape;
export const SETTING_KEYS = Object.keys(settingsShape) as SettingKey[];

/** Nothing set: no brand, no links, English, UTC, no embedding, the env's threshold. */
export const UNSET: Required<{ [K in SettingKey]: z.infer<(typeof settingsShape)[K]> }> = {
  brand_name: null,
  brand_color: null,
  privacy_url: null,
  privacy_policy_url_en: null,
  privacy_policy_url_zh: null,
  postal_address: null,
  default_locale: null,
  time_zone: null,
  embed_origins: [],
  mql_threshold: null,
};

const blank = (s: string | undefined) => s === undefined || s.trim() === "";

/** The dashboard's form (every field as text) as a patch of every setting: blank is unset. */
export function fromSettingsForm(raw: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const v = raw[key];
    if (key === "embed_origins")
      out[key] = (v ?? "")
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter(Boolean);
    else if (key === "mql_threshold")
      out[key] = blank(v) ? null : /^-?\d{1,9}$/.test(v!.trim()) ? Number(v) : v;
    else out[key] = blank(v) ? null : v;
  }
  return out;
}

/** A setting's value as the dashboard's form shows it. */
export function formValueOf(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.join("\n");
  return String(value);
}
