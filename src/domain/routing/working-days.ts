// Acceptance deadlines in working days: Monday to Friday in the workspace's time zone, weekends not counted.
import { zonedParts } from "../calendar-day";

const HOUR = 3_600_000;

/**
 * The instant `days` working days after `from`, counting only Monday–Friday time in `timeZone`: Friday
 * 15:00 plus two working days is Tuesday 15:00; anything assigned on a weekend starts counting on Monday
 * at 00:00 local, so Saturday 10:00 plus two is Wednesday 00:00. Walks from one local hour boundary to the
 * next (real elapsed time, so a DST change costs or gives the hour it does): ~24 × 7 steps a week.
 */
export function addWorkingDays(from: number, days: number, timeZone: string): number {
  if (!Number.isInteger(days) || days < 0 || days > 30) throw new Error(`working days: ${days}`);
  let at = from;
  let left = days * 24 * HOUR;
  while (left > 0) {
    const p = zonedParts(at, timeZone);
    const toBoundary = HOUR - (p.minute * 60_000 + (at % 60_000));
    const working = p.weekday >= 1 && p.weekday <= 5;
    const step = working ? Math.min(toBoundary, left) : toBoundary;
    if (working) left -= step;
    at += step;
  }
  return at;
}
