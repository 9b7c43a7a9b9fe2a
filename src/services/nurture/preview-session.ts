// A course step's preview: the session its reminders count from (the lead's enrolment's, else the next one), its time as the
// reader would read it, and for a real registrant their own signed room and calendar links, as the send carries them.
import type { Db } from "../../env";
import type { Asset, Locale } from "../../db/schema";
import { registrantLinks, type CalendarLinks } from "../../domain/registrant-links";
import { enrolledSessionOf, firstSessionFrom, latestSession } from "../../store/course-sessions";
import type { PreviewLead } from "../../store/leads";
import { sessionTimeFor } from "./session-time";

export interface CoursePreview {
  session_time: string;
  /** The registrant's own room link; absent for a sample or a lead with no seat (the download link stands in). */
  join_link?: string;
  calendar: CalendarLinks | null;
}

export async function coursePreview(
  db: Db,
  asset: Asset,
  lead: PreviewLead | null,
  locale: Locale,
  link: { origin: string; secret: string; now: number },
): Promise<CoursePreview> {
  const own = lead ? await enrolledSessionOf(db, asset.id, lead.id) : undefined;
  const session =
    own ?? (await firstSessionFrom(db, asset.id, link.now)) ?? (await latestSession(db, asset.id));
  const startsAt = session?.startsAt ?? link.now + 2 * 24 * 3600_000;
  const zone = session?.timezone ?? asset.timezone;
  const session_time = sessionTimeFor(startsAt, zone, lead?.country ?? null, locale);
  if (!own || !lead) return { session_time, calendar: null };
  const links = await registrantLinks(
    link.origin,
    link.secret,
    { id: asset.id, slug: asset.slug, title: asset.title, summary: asset.summary },
    own,
    lead.id,
  );
  return {
    session_time,
    join_link: links.event.joinUrl,
    calendar: own.status === "scheduled" ? links.calendar : null,
  };
}
