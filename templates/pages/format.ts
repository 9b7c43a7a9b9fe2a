// Date formatting for pages and emails, in the asset's timezone and locale.
import type { Locale } from "../../src/db/schema";

export function formatSessionTime(ms: number, timeZone: string, locale: Locale): string {
  return `${new Intl.DateTimeFormat(locale, { timeZone, dateStyle: "full", timeStyle: "short" }).format(new Date(ms))} (${timeZone})`;
}
