// When a step is due: its anchor plus delay, then deferred into its send window (never dropped).
import type { SendWindow, SequenceStep } from "../../db/schema";
import { zonedParts } from "../../domain/calendar-day";

const MINUTE = 60_000;

type StepTiming = Pick<SequenceStep, "anchor" | "delayMinutes" | "sendWindow">;

interface DripClock {
  /** When the drip started (enrolment, or opt-in confirmation). */
  startedAt: number;
  /** The course session's start, when the enrolment has one. */
  sessionStartsAt: number | null;
  /** The lead's timezone (or the asset's) for send windows. */
  timeZone: string;
}

export function isInWindow(ms: number, window: SendWindow, timeZone: string): boolean {
  const p = zonedParts(ms, timeZone);
  return window.days.includes(p.weekday) && p.hour >= window.startHour && p.hour < window.endHour;
}

/** The first minute at or after `ms` that falls inside the window, in the window's timezone. */
export function deferToWindow(ms: number, window: SendWindow, timeZone: string): number {
  if (!window.days.length || window.startHour >= window.endHour)
    throw new Error("A send window needs at least one day and startHour < endHour");
  let at = ms;
  // Each pass jumps to the next opening; DST shifts are absorbed by re-checking. Two weeks always suffice.
  for (let i = 0; i < 32; i++) {
    if (isInWindow(at, window, timeZone)) return at;
    const p = zonedParts(at, timeZone);
    const openToday = window.days.includes(p.weekday) && p.hour < window.startHour;
    const hoursAhead = openToday ? window.startHour - p.hour : 24 - p.hour + window.startHour;
    at = Math.floor(at / MINUTE) * MINUTE + (hoursAhead * 60 - p.minute) * MINUTE;
  }
  throw new Error("No opening found in the send window within two weeks");
}

/** The due time of a step, or null when it counts from a course session the enrolment does not have. */
export function stepDueAt(step: StepTiming, clock: DripClock): number | null {
  const anchor = step.anchor === "session_start" ? clock.sessionStartsAt : clock.startedAt;
  if (anchor === null) return null;
  const raw = anchor + step.delayMinutes * MINUTE;
  return step.sendWindow ? deferToWindow(raw, step.sendWindow, clock.timeZone) : raw;
}
