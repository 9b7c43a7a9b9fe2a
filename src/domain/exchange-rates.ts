// Which rate a day uses, and a spend row's amount in the reporting currency day by day.
import { convertMinor, parseRate } from "./money";

export interface DayRate {
  currency: string;
  day: string;
  rate: string;
}

/** Rates of one currency, oldest first. */
export type RateSeries = DayRate[];

/** The latest rate on or before `day`, or null when the series starts after it (binary search). */
export function rateOn(series: RateSeries, day: string): number | null {
  let lo = 0;
  let hi = series.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (series[mid]!.day <= day) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? null : parseRate(series[found]!.rate);
}

/** Rates grouped by currency, each series oldest first. */
export function seriesByCurrency(rows: DayRate[]): Map<string, RateSeries> {
  const out = new Map<string, RateSeries>();
  for (const r of rows) out.set(r.currency, [...(out.get(r.currency) ?? []), r]);
  for (const s of out.values()) s.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return out;
}

/**
 * A day's share of a foreign-currency amount in reporting minor units at that day's rate, or null when
 * no rate is known on or before the day (then the amount is named as unconverted, never guessed).
 */
export function convertOnDay(
  amountMinor: number,
  currency: string,
  reporting: string,
  day: string,
  series: RateSeries | undefined,
): number | null {
  if (currency === reporting) return amountMinor;
  const rate = series ? rateOn(series, day) : null;
  return rate === null ? null : convertMinor(amountMinor, currency, reporting, rate);
}
