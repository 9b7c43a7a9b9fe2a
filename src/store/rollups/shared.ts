// What the rollup statements share: every attribution model as a table, a day from epoch ms, latency buckets in SQL.
import { sql, type SQL } from "drizzle-orm";
import { ATTRIBUTION_MODELS } from "../../db/schema";
import { LAST_BUCKET, bucketLowerMinutes } from "../../domain/latency-buckets";

/**
 * Every attribution model as a one-column table, to write a count into each model's row at once
 * (a VALUES list: D1 caps a compound SELECT at five terms, and json_each would meter a row read per model).
 */
export const EVERY_MODEL = sql.raw(
  `SELECT column1 AS model FROM (VALUES ${ATTRIBUTION_MODELS.map((m) => `('${m}')`).join(", ")})`,
);
export const dayOf = (ms: SQL) => sql`strftime('%Y-%m-%d', ${ms} / 1000, 'unixepoch')`;

/** The latency bucketing of src/domain/latency-buckets.ts as SQL over milliseconds (no math functions needed in D1). */
export function bucketSql(latencyMs: SQL): SQL {
  const whens = [];
  for (let b = 1; b <= LAST_BUCKET; b++)
    whens.push(`WHEN d < ${Math.ceil(bucketLowerMinutes(b) * 60_000)} THEN ${b - 1}`);
  return sql`(SELECT CASE ${sql.raw(whens.join(" "))} ELSE ${LAST_BUCKET} END FROM (SELECT max(0, ${latencyMs}) AS d))`;
}
