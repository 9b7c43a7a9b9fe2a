// Exchange rates (exchange_rates): written by PUT /api/v1/exchange-rates, read by reports, spend and outcomes.
import { and, asc, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "../env";
import { exchangeRates } from "../db/schema";
import type { DayRate } from "../domain/exchange-rates";

/** Writes rates, replacing a currency-day already stored; 4 columns × 20 rows per statement (D1 binds ≤ 100). */
export async function upsertRates(db: Db, rows: DayRate[], now: number): Promise<number> {
  const statements = [];
  for (let i = 0; i < rows.length; i += 20)
    statements.push(
      db
        .insert(exchangeRates)
        .values(rows.slice(i, i + 20).map((r) => ({ ...r, updatedAt: now })))
        .onConflictDoUpdate({
          target: [exchangeRates.currency, exchangeRates.day],
          set: { rate: sql`excluded.rate`, updatedAt: now },
        }),
    );
  if (!statements.length) return 0;
  await db.batch(statements as [(typeof statements)[number], ...typeof statements]);
  return rows.length;
}

/** Rates of one currency or all in [from, to], oldest first (for the API and the dashboard). */
export async function ratesBetween(
  db: Db,
  q: { currency?: string; from: string; to: string; limit: number },
): Promise<DayRate[]> {
  return db
    .select({ currency: exchangeRates.currency, day: exchangeRates.day, rate: exchangeRates.rate })
    .from(exchangeRates)
    .where(
      and(
        q.currency ? eq(exchangeRates.currency, q.currency) : undefined,
        gte(exchangeRates.day, q.from),
        lte(exchangeRates.day, q.to),
      ),
    )
    .orderBy(asc(exchangeRates.currency), asc(exchangeRates.day))
    .limit(q.limit);
}

/**
 * The rates days in [from, to] need, for these currencies (rows: DayRate): every rate inside the
 * window and the latest one before it, which the first days use. Raw: the correlated max() bound.
 * It runs in the report's metered batch, whose rows_read the report returns.
 */
export function ratesForWindow(currencies: string[], from: string, to: string): SQL {
  const list = sql.join(
    currencies.map((c) => sql`${c}`),
    sql`, `,
  );
  return sql`
    SELECT e.currency, e.day, e.rate FROM exchange_rates e
    WHERE e.currency IN (${list}) AND e.day <= ${to}
      AND e.day >= coalesce((SELECT max(p.day) FROM exchange_rates p WHERE p.currency = e.currency AND p.day <= ${from}), ${from})`;
}

/** The latest rate of `currency` on or before `day`, or null. */
export async function rateOnOrBefore(
  db: Db,
  currency: string,
  day: string,
): Promise<string | null> {
  const [row] = await db
    .select({ rate: exchangeRates.rate })
    .from(exchangeRates)
    .where(and(eq(exchangeRates.currency, currency), lte(exchangeRates.day, day)))
    .orderBy(sql`${exchangeRates.day} DESC`)
    .limit(1);
  return row?.rate ?? null;
}

/** Which of these currencies have no rate at all on or before `day`. */
export async function currenciesWithoutRate(
  db: Db,
  currencies: string[],
  day: string,
): Promise<string[]> {
  if (!currencies.length) return [];
  const found = await db
    .selectDistinct({ currency: exchangeRates.currency })
    .from(exchangeRates)
    .where(and(inArray(exchangeRates.currency, currencies), lte(exchangeRates.day, day)));
  const have = new Set(found.map((f) => f.currency));
  return currencies.filter((c) => !have.has(c));
}

/** Each currency's latest rate (the dashboard's list). Raw: SQLite returns the max() row's rate alongside it. */
export async function latestRates(db: Db): Promise<DayRate[]> {
  const res = await db.$client
    .prepare(
      "SELECT currency, max(day) AS day, rate FROM exchange_rates GROUP BY currency ORDER BY currency",
    )
    .all<DayRate>();
  return res.results;
}
