// Lead→MQL latency buckets: geometric, four per doubling, so rollups can hold a histogram and reports a median.

/**
 * Bucket b holds latencies of m minutes where floor(4·log2(1 + m)) = b: four buckets per doubling,
 * so a bucket's midpoint is within about ±9% of (1 + m) for any m in it, i.e. ±9% from half an hour
 * up and within a minute below. Bucket 88 (~4 years) is the last.
 */
export const LAST_BUCKET = 88;

/** The fewest minutes a latency in bucket b has. */
export const bucketLowerMinutes = (b: number) => 2 ** (b / 4) - 1;

export function bucketOf(latencyMs: number): number {
  const minutes = Math.max(0, latencyMs) / 60_000;
  return Math.min(LAST_BUCKET, Math.floor(4 * Math.log2(1 + minutes)));
}

/** The bucket's geometric midpoint, in minutes. */
export function bucketMidMinutes(b: number): number {
  return 2 ** ((b + 0.5) / 4) - 1;
}
