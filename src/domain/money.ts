// Money as integer minor units: parsing decimal amounts per currency and converting at a given rate.

/** Minor-unit digits of an ISO 4217 currency (USD 2, JPY 0, KWD 3), from the runtime's currency data. */
export function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

/** ISO 4217 codes the runtime knows (Intl accepts any three letters when formatting, so it is not the test). */
const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

export function isCurrencyCode(v: string): boolean {
  return /^[A-Z]{3}$/.test(v) && CURRENCIES.has(v);
}

/**
 * "1,234.50", "1234.5", "$1,234.50", "-12" → integer minor units, or null when it is not an amount or
 * has more decimals than the currency allows. Thousands separators are commas; the decimal mark a dot.
 */
export function parseAmount(text: string, currency: string): number | null {
  const cleaned = text
    .trim()
    .replace(/^[^\d\-+.]+/, "")
    .replace(/[\s,]/g, "");
  const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(cleaned);
  if (!m) return null;
  const digits = minorDigits(currency);
  const frac = (m[3] ?? "").replace(/0+$/, "");
  if (frac.length > digits) return null;
  const minor = Number(m[2]) * 10 ** digits + Number(frac.padEnd(digits, "0") || "0");
  if (!Number.isSafeInteger(minor)) return null;
  return m[1] === "-" ? -minor : minor;
}

/** A positive decimal rate as text ("7.1234"): units of the reporting currency per one unit of `currency`. */
export function parseRate(text: string): number | null {
  if (!/^\d+(\.\d+)?$/.test(text.trim())) return null;
  const v = Number(text);
  return v > 0 && Number.isFinite(v) ? v : null;
}

/** Converts minor units of `from` into minor units of `to` at `rate` (to per from), rounding half away from zero. */
export function convertMinor(amountMinor: number, from: string, to: string, rate: number): number {
  const major = amountMinor / 10 ** minorDigits(from);
  const out = major * rate * 10 ** minorDigits(to);
  return Math.sign(out) * Math.round(Math.abs(out) + 1e-9);
}
