// Exchange rates: a marketer sets them by day (JSON or a CSV), reports and outcomes convert with them.
import { z } from "zod";
import type { Db } from "../../env";
import { AppError } from "../../errors";
import { latestRates, ratesBetween, upsertRates } from "../../store/exchange-rates";
import { parseCsv, CsvSyntaxError } from "../../domain/csv";
import { isCurrencyCode, parseRate } from "../../domain/money";
import { isValidDay } from "../../domain/report-days";
import type { DayRate } from "../../domain/exchange-rates";

/** One rate: on `day`, one `currency` was worth `rate` units of the reporting currency. */
export const rateInput = z.object({
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isCurrencyCode, "Use an ISO 4217 currency code such as CNY"),
  day: z.string().trim().refine(isValidDay, "Use a calendar day as YYYY-MM-DD"),
  rate: z.preprocess(
    (v) => (typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() : v),
    z.string().refine((s) => parseRate(s) !== null, "A rate is a positive decimal, e.g. 0.1387"),
  ),
});

const MAX_RATES = 5000;

export interface RatesResult {
  saved: number;
  errors: { line: number; field: string | null; reason: string }[];
}

/** "day,currency,rate" lines (any order of columns, header required) into rates, each bad line named. */
function ratesFromCsv(
  csv: string,
  reporting: string,
): { rates: DayRate[]; errors: RatesResult["errors"] } {
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(csv);
  } catch (err) {
    if (err instanceof CsvSyntaxError)
      return { rates: [], errors: [{ line: err.line, field: null, reason: err.message }] };
    throw err;
  }
  const header = (records[0]?.cells ?? []).map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const missing = ["day", "currency", "rate"].filter((n) => col(n) < 0);
  if (missing.length)
    return {
      rates: [],
      errors: [
        { line: 1, field: null, reason: `The header needs the columns ${missing.join(", ")}` },
      ],
    };
  const rates: DayRate[] = [];
  const errors: RatesResult["errors"] = [];
  for (const rec of records.slice(1)) {
    if (rec.cells.every((c) => !c.trim())) continue;
    const parsed = rateInput.safeParse({
      day: rec.cells[col("day")],
      currency: rec.cells[col("currency")],
      rate: rec.cells[col("rate")],
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push({ line: rec.line, field: String(issue.path[0] ?? ""), reason: issue.message });
      continue;
    }
    rates.push(parsed.data);
  }
  return { rates: rates.filter((r) => r.currency !== reporting), errors };
}

/**
 * Saves rates, replacing any already stored for the same currency and day. All or nothing: one bad line
 * and nothing is written. The reporting currency needs no rate and is refused, so nobody thinks it is used.
 */
export async function putRates(
  db: Db,
  input: { rates?: DayRate[]; csv?: string },
  ctx: { now: number; reportingCurrency: string },
): Promise<RatesResult> {
  const fromCsv = input.csv
    ? ratesFromCsv(input.csv, ctx.reportingCurrency)
    : { rates: [], errors: [] };
  const rates = [...(input.rates ?? []), ...fromCsv.rates];
  const errors = [...fromCsv.errors];
  (input.rates ?? []).forEach((r, i) => {
    if (r.currency === ctx.reportingCurrency)
      errors.push({
        line: i + 1,
        field: "currency",
        reason: `${r.currency} is the reporting currency: it needs no rate`,
      });
  });
  if (!rates.length && !errors.length)
    errors.push({ line: 0, field: null, reason: "Give at least one rate" });
  if (rates.length > MAX_RATES)
    errors.push({ line: 0, field: null, reason: `At most ${MAX_RATES} rates at a time` });
  if (errors.length)
    throw new AppError("BAD_REQUEST", "Some rates are invalid; nothing was saved", {
      details: { rows: errors },
    });
  // The last rate given for a currency-day wins, as in a spreadsheet pasted twice.
  const unique = new Map(rates.map((r) => [`${r.currency} ${r.day}`, r]));
  return { saved: await upsertRates(db, [...unique.values()], ctx.now), errors: [] };
}

export function listRates(
  db: Db,
  q: { currency?: string; from: string; to: string; limit: number },
): Promise<DayRate[]> {
  return ratesBetween(db, q);
}

export function latestRateOfEachCurrency(db: Db): Promise<DayRate[]> {
  return latestRates(db);
}
