// Spend in the reporting currency, day by day: each day of a foreign-currency row at that day's own rate.
import type { ReportSpendRow } from "../../store/spend";
import { apportion } from "../../domain/apportion";
import { convertOnDay, type RateSeries } from "../../domain/exchange-rates";
import { eachDay } from "../../domain/report-days";

/** What a report could not convert: the amount in its own currency, over the report's days, never guessed. */
export interface Unconverted {
  currency: string;
  amount_minor: number;
}

/** Foreign-currency rows that came without a rate of their own: these convert from exchange_rates. */
export function needsRates(rows: ReportSpendRow[], reporting: string): string[] {
  return [
    ...new Set(
      rows
        .filter((r) => r.reportingMinor === null && r.currency !== reporting)
        .map((r) => r.currency),
    ),
  ].sort();
}

/**
 * Each row's amount per day in the reporting currency. A row converted when it was written keeps that
 * amount (spread evenly); a row without spreads its own amount evenly, then converts each day at the latest
 * rate on or before it. A day with no such rate counts 0 and is added to `unconverted` when it lies in
 * the report's range.
 */
export function spendPerDay(
  rows: ReportSpendRow[],
  reporting: string,
  rates: Map<string, RateSeries>,
  range: { from: string; to: string },
): { perDay: Map<number, number[]>; unconverted: Unconverted[] } {
  const perDay = new Map<number, number[]>();
  const missing = new Map<string, number>();
  for (const r of rows) {
    if (r.reportingMinor !== null || r.currency === reporting) continue;
    const days = eachDay(r.dayFrom, r.dayTo);
    const own =
      apportion(
        r.amountMinor,
        days.map(() => 1),
      ) ?? days.map(() => 0);
    perDay.set(
      r.id,
      days.map((day, i) => {
        const v = convertOnDay(own[i]!, r.currency, reporting, day, rates.get(r.currency));
        if (v === null && day >= range.from && day <= range.to)
          missing.set(r.currency, (missing.get(r.currency) ?? 0) + own[i]!);
        return v ?? 0;
      }),
    );
  }
  return {
    perDay,
    unconverted: [...missing]
      .filter(([, amount]) => amount !== 0)
      .map(([currency, amount_minor]) => ({ currency, amount_minor })),
  };
}
