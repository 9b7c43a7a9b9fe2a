// Lead→MQL latency as a histogram with geometric buckets, so a median can be read from rollup rows.
import { sql, type SQL } from "drizzle-orm";

/**
 * Bucket b holds latencies of m minutes where floor(4·log2(1 + m)) = b: four buckets per doubling,
 * so a bucket's midpoint is within about ±9% of (1 + m) for any m in it, i.e. ±9% from half an hour
 * up and within a minute below. Bucket 88 (~4 years) is the last.
 */
export const LAST_BUCKET = 88;
const lowerMinutes = (b: number) => 2 ** (b / 4) - 1;

export function bucketOf(latencyMs: number): number {
  const minutes = Math.max(0, latencyMs) / 60_000;
  return Math.min(LAST_BUCKET, Math.floor(4 * Math.log2(1 + minutes)));
}

/** The bucket's geometric midpoint, in minutes. */
export function bucketMidMinutes(b: number): number {
  return 2 ** ((b + 0.5) / 4) - 1;
}

/** The same bucketing as SQL over a latency in milliseconds (no math functions needed in D1). */
export function bucketSql(latencyMs: SQL): SQL {
  const whens = [];
  for (let b = 1; b <= LAST_BUCKET; b++) whens.push(`WHEN d < ${Math.ceil(lowerMinutes(b) * 60_000)} THEN ${b - 1}`);
  return sql`(SELECT CASE ${sql.raw(whens.join(" "))} ELSE ${LAST_BUCKET} END FROM (SELECT max(0, ${latencyMs}) AS d))`;
}

export type Histogram = Record<string, number>;

export function parseHistogram(json: string | null | undefined): Histogram {
  if (!json) return {};
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Histogram) : {};
  } catch {
    return {};
  }
}

export function mergeHistogram(into: Histogram, add: Histogram): Histogram {
  for (const [k, v] of Object.entries(add)) if (typeof v === "number") into[k] = (into[k] ?? 0) + v;
  return into;
}

/** Weighted median of a histogram, in minutes (the midpoint of the bucket holding the middle weight); null when empty. */
export function medianMinutes(h: Histogram): number | null {
  const entries = Object.entries(h).map(([k, v]) => [Number(k), v] as const).filter(([, v]) => v > 1e-9).sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((s, [, v]) => s + v, 0);
  if (total <= 1e-9) return null;
  let seen = 0;
  for (const [b, v] of entries) {
    seen += v;
    if (seen >= total / 2 - 1e-9) return bucketMidMinutes(b);
  }
  return bucketMidMinutes(entries.at(-1)![0]);
}
