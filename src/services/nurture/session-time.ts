// {{session_time}} for one lead, as the pages say it: in the session's own zone, then in the lead's when their clock reads
// differently ("2026年12月9日 20:00（北京时间） · 您的时间 2026年12月9日 07:00（北美东部时间）").
import type { Locale } from "../../db/schema";
import { zoneOffsetMinutes } from "../../domain/session-start";
import { t } from "../../../templates/i18n";
import { formatSessionTime, zoneName } from "../../../templates/pages/format";
import { leadTimeZone } from "./lead-time-zone";

export function sessionTimeFor(
  ms: number,
  sessionZone: string,
  country: string | null,
  locale: Locale,
): string {
  const session = formatSessionTime(ms, sessionZone, locale);
  const reader = leadTimeZone(country, sessionZone);
  if (zoneOffsetMinutes(ms, sessionZone) === zoneOffsetMinutes(ms, reader)) return session;
  const at = new Date(ms);
  const theirs = new Intl.DateTimeFormat(locale, {
    timeZone: reader,
    dateStyle: "medium",
    timeStyle: "short",
  }).format(at);
  const zone = zoneName(reader, locale, at);
  return locale === "zh-CN"
    ? `${session} · ${t(locale, "your_time")} ${theirs}（${zone}）`
    : `${session} · ${t(locale, "your_time")} ${theirs} (${zone})`;
}
