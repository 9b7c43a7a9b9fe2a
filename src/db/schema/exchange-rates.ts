// Exchange rates by day: how many units of the reporting currency one unit of a currency was worth.
import { sqliteTable, text, integer, primaryKey } from "drizzle-orm/sqlite-core";

/**
 * A day uses the latest rate on or before it (no weekend gaps). Rates are kept as the decimal text given
 * ("0.1387"), so no float rounding is stored; amounts convert in src/domain/money.ts.
 */
export const exchangeRates = sqliteTable(
  "exchange_rates",
  {
    currency: text("currency").notNull(),
    day: text("day").notNull(),
    rate: text("rate").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.currency, t.day] })],
);
