// Calendar days as YYYY-MM-DD strings in UTC: the grain of every rollup.
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Local wall-clock parts of an instant in an IANA timezone. */
export function zonedParts(
  ms: number,
  timeZone: string,
): { weekday: number; hour: number; minute: number; second: number; day: string } {
  const f = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    weekday: "short",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  const parts = Object.fromEntries(f.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(parts.weekday!);
  return {
    weekday,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    day: `${parts.year}-${parts.month}-${parts.day}`,
  };
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
