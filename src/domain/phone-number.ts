// Phone numbers to E.164, with the default country taken from the asset's locale; on a zh-CN asset the
// field is 手机号 and takes a mainland mobile number only.
// `max` metadata, not `min`: `min` checks only a number's length, so it cannot tell 010-… (a Beijing
// landline) from 138… (a mobile). `max` has the digit patterns and number types of every country, which
// the en field ("Phone", any valid number) needs as well; `mobile` would refuse landlines there too.
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import type { Locale } from "./vocabulary";

const DEFAULT_COUNTRY: Record<Locale, CountryCode> = { "zh-CN": "CN", en: "US" };

/** Why a number is refused: not a number at all, a fixed line where a mobile is asked for, or not mainland. */
export type PhoneProblem = "invalid" | "landline" | "not_mainland_mobile";
export type PhoneCheck = { ok: true; e164: string } | { ok: false; problem: PhoneProblem };

/**
 * `13812345678`, `+86 138 1234 5678` or `0086-138-1234-5678` on a zh-CN asset → `+8613812345678`;
 * `010-12345678` there is a landline. On an en asset any valid number of any country.
 */
export function checkPhone(raw: string, locale: Locale): PhoneCheck {
  const parsed = parsePhoneNumberFromString(raw.trim(), DEFAULT_COUNTRY[locale]);
  if (!parsed?.isValid()) return { ok: false, problem: "invalid" };
  if (locale === "zh-CN") {
    const type = parsed.getType();
    if (type === "FIXED_LINE") return { ok: false, problem: "landline" };
    if (parsed.country !== "CN" || (type !== "MOBILE" && type !== "FIXED_LINE_OR_MOBILE"))
      return { ok: false, problem: "not_mainland_mobile" };
  }
  return { ok: true, e164: parsed.number };
}

/** The number in E.164, or null when `checkPhone` refuses it. */
export function toE164(raw: string, locale: Locale): string | null {
  const c = checkPhone(raw, locale);
  return c.ok ? c.e164 : null;
}
