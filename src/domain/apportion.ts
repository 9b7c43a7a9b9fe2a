// Splitting an integer amount of money in proportion to weights so the parts add up exactly.

/**
 * Largest-remainder apportionment: each part is floor(total × w / Σw) plus at most one unit, the
 * leftover units going to the largest fractional parts (earlier index wins a tie). The parts always
 * sum to `total` exactly. Returns null when no weight is positive (nothing to spread over).
 */
export function apportion(total: number, weights: number[]): number[] | null {
  if (!Number.isInteger(total)) throw new RangeError("apportion needs an integer total");
  if (total < 0) return apportion(-total, weights)?.map((p) => (p === 0 ? 0 : -p)) ?? null;
  const w = weights.map((x) => (Number.isFinite(x) && x > 0 ? x : 0));
  const sum = w.reduce((a, b) => a + b, 0);
  if (sum <= 0) return null;
  const quotas = w.map((x) => (total * x) / sum);
  const parts = quotas.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = quotas
    .map((q, i) => ({ i, frac: q - Math.floor(q) }))
    .filter((o) => w[o.i]! > 0)
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k]!.i]!++;
  return parts;
}
