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

const offsetAt = (timeZone: string, at: Date) =>
  new Intl.DateTimeFormat("en", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")?.value;

/**
 * The session time for one reader, as the pages say it: in the session's own zone, then in the reader's when their
 * clock reads differently ("2026年12月9日 20:00（北京时间）· 您的时间 07:00（美国东部时间）").
 */
export function sessionTimeFor(
  ms: number,
  sessionZone: string,
  readerZone: string,
  locale: Locale,
): string {
  const at = new Date(ms);
  const session = formatSessionTime(ms, sessionZone, locale);
  if (offsetAt(sessionZone, at) === offsetAt(readerZone, at)) return session;
  const theirs = new Intl.DateTimeFormat(locale, {
    timeZone: readerZone,
    dateStyle: "medium",
    timeStyle: "short",
  }).format(at);
  const zone = zoneName(readerZone, locale, at);
  return locale === "zh-CN"
    ? `${session} · 您的时间 ${theirs}（${zone}）`
    : `${session} · your time ${theirs} (${zone})`;
}
