// Lead→MQL latency as a histogram with geometric buckets, so a median can be read from rollup rows.
import { bucketMidMinutes } from "../../domain/latency-buckets";

// The bucket math is pure and shared with the store's SQL bucketing (store/rollups.ts).
export { LAST_BUCKET, bucketOf, bucketMidMinutes } from "../../domain/latency-buckets";

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
  const entries = Object.entries(h)
    .map(([k, v]) => [Number(k), v] as const)
    .filter(([, v]) => v > 1e-9)
    .sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((s, [, v]) => s + v, 0);
  if (total <= 1e-9) return null;
  let seen = 0;
  for (const [b, v] of entries) {
    seen += v;
    if (seen >= total / 2 - 1e-9) return bucketMidMinutes(b);
  }
  return bucketMidMinutes(entries.at(-1)![0]);
}
