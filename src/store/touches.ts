// Touches (a lead arriving through an asset, with its channel and campaign): the reads the touch-credit sweep makes.
import { sql, type SQL } from "drizzle-orm";

/** How many touches (a, b] there are, counted only while `guard` holds (rows: { n }). Raw: the guard is a SQL condition. */
export function countTouchesBetween(a: number, b: number, guard: SQL): SQL {
  return sql`SELECT count(*) AS n FROM touches WHERE id > ${a} AND id <= ${b} AND ${guard}`;
}
