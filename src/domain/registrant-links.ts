// A registrant's links for their session: the signed room link, their own .ics and the Google Calendar link.
import { joinUrl, registrantCalendarUrl, sessionLinkExpiry } from "./lead-links";
import { sessionGoogleUrl, type SessionEventFacts } from "./session-calendar";

/** A registrant's two ways into their calendar: their .ics file and Google Calendar's template link. */
export interface CalendarLinks {
  icsUrl: string;
  googleUrl: string;
}

/** The fields of an asset and a session these links are made from. */
type AssetFacts = { id: number; slug: string; title: string; summary: string };
type SessionRow = {
  id: number;
  startsAt: number;
  durationMinutes: number;
  calendarSequence: number;
  status: string;
};

export function sessionFacts(
  asset: Pick<AssetFacts, "title" | "summary">,
  session: SessionRow,
  link: string,
): SessionEventFacts {
  return {
    sessionId: session.id,
    startsAt: session.startsAt,
    durationMinutes: session.durationMinutes,
    calendarSequence: session.calendarSequence,
    cancelled: session.status === "cancelled",
    title: asset.title,
    summary: asset.summary,
    joinUrl: link,
  };
}

/** Signed to the session's end plus the grace, so every copy of a registrant's links is the same. */
export async function registrantLinks(
  origin: string,
  secret: string,
  asset: AssetFacts,
  session: SessionRow,
  leadId: number,
): Promise<{ event: SessionEventFacts; calendar: CalendarLinks }> {
  const link = await joinUrl(origin, secret, { l: leadId, a: asset.id, s: session.id }, session);
  const event = sessionFacts(asset, session, link);
  const icsUrl = await registrantCalendarUrl(
    origin,
    secret,
    asset.slug,
    { l: leadId, s: session.id },
    sessionLinkExpiry(session),
  );
  return { event, calendar: { icsUrl, googleUrl: sessionGoogleUrl(event) } };
}
