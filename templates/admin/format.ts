// Number, money, date and duration formatting for the dashboard, per locale.
import type { Locale } from "../../src/db/schema";

/** Minor units (cents, fen) as the locale writes the currency; the digits come from the runtime's currency data. */
export function money(minor: number | null, currency: string, locale: Locale): string {
  if (minor === null) return "—";
  const format = new Intl.NumberFormat(locale, { style: "currency", currency });
  return format.format(
    Math.round(minor) / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2),
  );
}

/**
 * A figure that is spend or derives from it (spend, cost per lead, cost per MQL): "—" when no spend
 * was recorded, since "$0.00" would read as "these leads cost nothing".
 */
export function spendMoney(
  minor: number | null,
  spendMinor: number,
  currency: string,
  locale: Locale,
): string {
  return spendMinor === 0 ? "—" : money(minor, currency, locale);
}

/** Whole numbers plainly; credited fractions (linear model) with up to two decimals. */
export function num(v: number | null, locale: Locale): string {
  if (v === null) return "—";
  return new Intl.NumberFormat(locale, {
    maximumFractionDigits: Number.isInteger(v) ? 0 : 2,
  }).format(v);
}

export function pct(v: number | null, locale: Locale): string {
  return v === null
    ? "—"
    : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(v);
}

export function roi(v: number | null, locale: Locale): string {
  return v === null
    ? "—"
    : new Intl.NumberFormat(locale, {
        style: "percent",
        maximumFractionDigits: 0,
        signDisplay: "exceptZero",
      }).format(v);
}

export function dateTime(ms: number | string | null, locale: Locale): string {
  if (ms === null) return "—";
  return `${new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(ms))} UTC`;
}

/** 95 → "1 h 35 min"; 3000 → "2 d 2 h". */
export function duration(minutes: number | null, locale: Locale): string {
  if (minutes === null) return "—";
  const zh = locale === "zh-CN";
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = Math.round(minutes % 60);
  const parts = d
    ? [`${d}${zh ? " 天" : " d"}`, h ? `${h}${zh ? " 小时" : " h"}` : ""]
    : h
      ? [`${h}${zh ? " 小时" : " h"}`, m ? `${m}${zh ? " 分钟" : " min"}` : ""]
      : [`${m}${zh ? " 分钟" : " min"}`];
  return `≈ ${parts.filter(Boolean).join(" ")}`;
}
