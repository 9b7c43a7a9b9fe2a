// Behaviour points fade by half-life; caps bound what one rule can add. Pure: no I/O.

const DAY_MS = 86_400_000;

/** The share of points left `ageMs` after they were earned; no half-life means no decay. */
export function decayFactor(ageMs: number, halfLifeDays: number | null): number {
  if (!halfLifeDays || halfLifeDays <= 0) return 1;
  return 0.5 ** (Math.max(0, ageMs) / (halfLifeDays * DAY_MS));
}

/** Rounds half away from zero, so +2.5 and −2.5 are treated alike. */
export function roundPoints(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

/** What a rule's awards are worth at `now`: decayed, rounded, and held within ±cap. */
export function ruleValue(
  awards: { points: number; at: number }[],
  halfLifeDays: number | null,
  cap: number | null,
  now: number,
): { value: number; capped: boolean } {
  const raw = roundPoints(
    awards.reduce((sum, a) => sum + a.points * decayFactor(now - a.at, halfLifeDays), 0),
  );
  if (cap !== null && cap >= 0 && Math.abs(raw) > cap)
    return { value: Math.sign(raw) * cap, capped: true };
  return { value: raw, capped: false };
}
