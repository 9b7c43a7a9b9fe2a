// The calendar event of one course session as Lodestone hands it out: its UID, and the links a registrant gets.
import { buildIcs, googleCalendarUrl, type IcsMethod } from "./ics";

/** Unique to this deployment (its public host) and stable for the session's life, as RFC 5545 asks of a UID. */
export function sessionUid(sessionId: number, origin: string): string {
  return `session-${sessionId}@${new URL(origin).hostname}`;
}

export interface SessionEventFacts {
  sessionId: number;
  startsAt: number;
  durationMinutes: number;
  calendarSequence: number;
  cancelled: boolean;
  title: string;
  summary: string;
  /** Where the event points: a registrant's signed join link, or the landing page for anyone else. */
  joinUrl: string;
}

/** The "From" name and address of EMAIL_FROM (`Name <addr>` or a bare address), for ORGANIZER. */
export function organizerOf(from: string): { name: string; email: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  return m
    ? { name: m[1]!.trim() || m[2]!, email: m[2]!.trim() }
    : { name: from, email: from.trim() };
}

export function sessionIcs(
  f: SessionEventFacts,
  opts: {
    origin: string;
    now: number;
    method?: IcsMethod;
    organizer?: { name: string; email: string };
    attendee?: { name: string | null; email: string };
  },
): string {
  return buildIcs({
    uid: sessionUid(f.sessionId, opts.origin),
    startsAt: f.startsAt,
    durationMinutes: f.durationMinutes,
    title: f.title,
    description: f.summary,
    joinUrl: f.joinUrl,
    sequence: f.calendarSequence,
    now: opts.now,
    method: opts.method,
    cancelled: f.cancelled,
    organizer: opts.organizer,
    attendee: opts.attendee,
  });
}

export function sessionGoogleUrl(f: SessionEventFacts): string {
  return googleCalendarUrl({
    title: f.title,
    startsAt: f.startsAt,
    durationMinutes: f.durationMinutes,
    description: f.summary,
    joinUrl: f.joinUrl,
  });
}
