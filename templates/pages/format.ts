// Date formatting for pages and emails, in the session's timezone and the page's locale.
import type { Locale } from "../../src/db/schema";

/** Mainland China's one zone goes by 北京时间 in Chinese; the aliases are the same zone. */
const BEIJING = new Set(["Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin", "Asia/Urumqi", "PRC"]);

/** The zone as people say it: 北京时间, 英国时间, "United Kingdom Time", "Pacific Time". */
export function zoneName(timeZone: string, locale: Locale, at: Date): string {
  if (locale === "zh-CN" && BEIJING.has(timeZone)) return "北京时间";
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "longGeneric" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}

/** "2026年12月9日 20:00（北京时间）", "December 9, 2026 at 12:00 PM (United Kingdom Time)". */
export function formatSessionTime(ms: number, timeZone: string, locale: Locale): string {
  const at = new Date(ms);
  const when = new Intl.DateTimeFormat(locale, {
    timeZone,
    dateStyle: "long",
    timeStyle: "short",
  }).format(at);
  const zone = zoneName(timeZone, locale, at);
  return locale === "zh-CN" ? `${when}（${zone}）` : `${when} (${zone})`;
}
