// A session's start as the API takes it: an ISO instant with an offset, or a local date-time in an IANA zone.
import { isValidTimeZone, zonedParts } from "./calendar-day";

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The zone's offset from UTC at an instant, in minutes (Asia/Shanghai: +480). */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  const [year, month, day] = p.day.split("-").map(Number) as [number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

type Parsed =
  | { ok: true; ms: number }
  | { ok: false; field: "starts_at" | "time_zone"; message: string };

/**
 * `2026-12-09T19:00:00+08:00` stands alone; `2026-12-09T19:00` needs `time_zone`. A wall time that a DST
 * change skips or repeats takes the offset in force just before it (what calendars do).
 */
export function parseSessionStart(startsAt: string, timeZone: string | null): Parsed {
  if (timeZone !== null && !isValidTimeZone(timeZone))
    return { ok: false, field: "time_zone", message: "Not an IANA time zone (e.g. Asia/Shanghai)" };
  if (WITH_OFFSET.test(startsAt)) {
    const ms = Date.parse(startsAt);
    if (Number.isNaN(ms))
      return { ok: false, field: "starts_at", message: "Not a real date and time" };
    return { ok: true, ms };
  }
  const m = LOCAL.exec(startsAt);
  if (!m)
    return {
      ok: false,
      field: "starts_at",
      message: "Use ISO 8601: 2026-12-09T19:00:00+08:00, or 2026-12-09T19:00 with time_zone",
    };
  if (timeZone === null)
    return { ok: false, field: "time_zone", message: "A local starts_at needs its IANA time_zone" };
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as number[];
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo! - 1 || check.getUTCDate() !== d! || h! > 23 || mi! > 59)
    return { ok: false, field: "starts_at", message: "Not a real date and time" };
  // Two passes settle the offset across a DST boundary.
  let ms = wall - zoneOffsetMinutes(wall, timeZone) * 60_000;
  ms = wall - zoneOffsetMinutes(ms, timeZone) * 60_000;
  return { ok: true, ms };
}
