/** @jsxImportSource hono/jsx */
// "Add to calendar" under an email about a course session: the registrant's .ics file and a Google Calendar link.
import type { Locale } from "../../src/db/schema";

import type { CalendarLinks } from "../../src/domain/registrant-links";

export type { CalendarLinks };

const WORDS = {
  en: { add: "Add to calendar", ics: "Calendar file (.ics)", google: "Google Calendar" },
  "zh-CN": { add: "添加到日历", ics: "日历文件（.ics）", google: "Google 日历" },
} as const;

const style = "font:14px/1.5 sans-serif;color:#1d2330;margin:0 0 16px";
const link = "color:#2f5bea";

export function AddToCalendar(p: { locale: Locale; links: CalendarLinks }) {
  const w = WORDS[p.locale];
  return (
    <p style={style} class="add-to-calendar">
      {w.add}:{" "}
      <a href={p.links.icsUrl} style={link}>
        {w.ics}
      </a>
      {" · "}
      <a href={p.links.googleUrl} style={link}>
        {w.google}
      </a>
    </p>
  );
}

export function addToCalendarText(locale: Locale, links: CalendarLinks): string {
  const w = WORDS[locale];
  return `${w.add}:\n${w.ics}: ${links.icsUrl}\n${w.google}: ${links.googleUrl}`;
}
