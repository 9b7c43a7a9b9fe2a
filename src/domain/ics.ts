// An iCalendar (RFC 5545) file for a course session, and its iTIP (RFC 5546) updates; the Google Calendar link.
export type IcsMethod = "PUBLISH" | "REQUEST" | "CANCEL";

export interface IcsEvent {
  /** Unique to the deployment and stable per session: `session-<id>@<public host>`. */
  uid: string;
  startsAt: number;
  durationMinutes: number;
  title: string;
  description: string;
  /** The join link: LOCATION, URL and the description all carry it. */
  joinUrl: string;
  /** The iCalendar SEQUENCE: a calendar applies an update only when it is higher than the one it holds. */
  sequence: number;
  now: number;
  method?: IcsMethod;
  cancelled?: boolean;
  /** iTIP needs both: who sends the update, and whose calendar it is for. */
  organizer?: { name: string; email: string };
  attendee?: { name: string | null; email: string };
}

/** UTC date-time form (DTSTART:20261209T110000Z): no VTIMEZONE needed for any TZID. */
export const icsStamp = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
/** Escapes text values: no raw CR/LF, comma or semicolon can reach a property. */
const escapeText = (s: string) =>
  s
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r?\n|\r/g, "\\n");
/** A parameter value (CN=…): quoted, with no quote or control character left in it. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const paramValue = (s: string) => `"${s.replace(/["\u0000-\u001f\u007f]/g, "")}"`;
const oneLine = (s: string) => s.replace(/[\r\n]/g, "");

/** Lines longer than 75 octets are folded as the RFC asks, never inside a UTF-8 character. */
function fold(line: string): string {
  const enc = new TextEncoder();
  if (enc.encode(line).length <= 75) return line;
  const out: string[] = [];
  let current = "";
  let size = 0;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    if (size + n > (out.length ? 74 : 75)) {
      out.push(current);
      current = "";
      size = 0;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join("\r\n ");
}

export function buildIcs(e: IcsEvent): string {
  const method = e.method ?? "PUBLISH";
  const cancelled = e.cancelled || method === "CANCEL";
  const description = `${e.description}\n\n${e.joinUrl}`.trim();
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Lodestone//Course session//EN",
    "CALSCALE:GREGORIAN",
    `METHOD:${method}`,
    "BEGIN:VEVENT",
    `UID:${oneLine(e.uid)}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${icsStamp(e.now)}`,
    `DTSTART:${icsStamp(e.startsAt)}`,
    `DTEND:${icsStamp(e.startsAt + e.durationMinutes * 60_000)}`,
    `SUMMARY:${escapeText(e.title)}`,
    `DESCRIPTION:${escapeText(description)}`,
    `LOCATION:${escapeText(e.joinUrl)}`,
    `URL:${oneLine(e.joinUrl)}`,
    `STATUS:${cancelled ? "CANCELLED" : "CONFIRMED"}`,
    ...(e.organizer
      ? [`ORGANIZER;CN=${paramValue(e.organizer.name)}:mailto:${oneLine(e.organizer.email)}`]
      : []),
    ...(e.attendee
      ? [
          `ATTENDEE;CN=${paramValue(e.attendee.name || e.attendee.email)};ROLE=REQ-PARTICIPANT;PARTSTAT=${
            method === "CANCEL" ? "DECLINED" : "ACCEPTED"
          }:mailto:${oneLine(e.attendee.email)}`,
        ]
      : []),
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return `${lines.map(fold).join("\r\n")}\r\n`;
}

/** Google Calendar's event template link: the same event, for people who do not import files. */
export function googleCalendarUrl(
  e: Pick<IcsEvent, "title" | "startsAt" | "durationMinutes" | "description" | "joinUrl">,
): string {
  const q = new URLSearchParams({
    action: "TEMPLATE",
    text: e.title,
    dates: `${icsStamp(e.startsAt)}/${icsStamp(e.startsAt + e.durationMinutes * 60_000)}`,
    details: `${e.description}\n\n${e.joinUrl}`.trim(),
    location: e.joinUrl,
  });
  return `https://calendar.google.com/calendar/render?${q.toString()}`;
}
