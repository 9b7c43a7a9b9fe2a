// Calendar arithmetic on YYYY-MM-DD UTC days, and the period a day falls in for each report grain.

export const GRAINS = ["day", "week", "month", "range"] as const;
export type Grain = (typeof GRAINS)[number];

const DAY_MS = 86_400_000;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export function dayToMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

export function msToDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isValidDay(day: string): boolean {
  if (!DAY_RE.test(day)) return false;
  const ms = dayToMs(day);
  return Number.isFinite(ms) && msToDay(ms) === day;
}

export function addDays(day: string, n: number): string {
  return msToDay(dayToMs(day) + n * DAY_MS);
}

/** Inclusive number of days from `from` to `to` (0 when to < from). */
export function daySpan(from: string, to: string): number {
  return Math.max(0, Math.round((dayToMs(to) - dayToMs(from)) / DAY_MS) + 1);
}

/** Every day from `from` to `to`, inclusive. */
export function eachDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The period a day belongs to: the day itself, the Monday of its ISO week, its month, or the whole range. */
export function periodOf(day: string, grain: Grain, range: { from: string; to: string }): string {
  switch (grain) {
    case "day":
      return day;
    case "week": {
      const weekday = (new Date(dayToMs(day)).getUTCDay() + 6) % 7; // Monday = 0
      return addDays(day, -weekday);
    }
    case "month":
      return day.slice(0, 7);
    case "range":
      return `${range.from}..${range.to}`;
  }
}
