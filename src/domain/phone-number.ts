// Phone numbers to E.164, with the default country taken from the asset's locale.
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/min";
import type { Locale } from "./vocabulary";

const DEFAULT_COUNTRY: Record<Locale, CountryCode> = { "zh-CN": "CN", en: "US" };

/** `13812345678` on a zh-CN asset → `+8613812345678`; null when it is not a valid number. */
export function toE164(raw: string, locale: Locale): string | null {
  const parsed = parsePhoneNumberFromString(raw.trim(), DEFAULT_COUNTRY[locale]);
  return parsed?.isValid() ? parsed.number : null;
}
