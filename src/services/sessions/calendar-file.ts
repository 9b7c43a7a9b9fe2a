// The .ics files Lodestone serves: a registrant's own (their join link, them as ATTENDEE) and a session's public one.
import type { Config, Db } from "../../env";
import type { Asset } from "../../db/schema";
import { sessionById, sessionOfAsset } from "../../store/course-sessions";
import { registrantsAfter } from "../../store/session-registrations";
import { verifyCalendar } from "../../domain/lead-links";
import { organizerOf, sessionIcs } from "../../domain/session-calendar";
import { upcomingSession } from "../assets/find-asset";
import { registrantLinks, sessionFacts } from "../../domain/registrant-links";

type IcsAnswer = { ok: true; ics: string; name: string } | { ok: false; status: 403 | 404 | 410 };

/** `?t=`: signed for one registrant and session of this asset; expired after the session's links are. */
export async function registrantCalendar(
  db: Db,
  config: Config,
  asset: Asset,
  origin: string,
  token: string,
  now: number,
): Promise<IcsAnswer> {
  const verified = await verifyCalendar(config.SIGNING_SECRET, token, now);
  if (!verified.ok) return { ok: false, status: verified.reason === "expired" ? 410 : 403 };
  const { l, s } = verified.payload;
  const session = await sessionById(db, s);
  if (!session || session.assetId !== asset.id) return { ok: false, status: 403 };
  const [who] = await registrantsAfter(db, s, l - 1, 1);
  if (!who || who.leadId !== l || who.erased) return { ok: false, status: 404 };
  const mine = await registrantLinks(origin, config.SIGNING_SECRET, asset, session, l);
  const ics = sessionIcs(mine.event, {
    origin,
    now: session.updatedAt || session.createdAt,
    organizer: organizerOf(config.EMAIL_FROM),
    attendee: { name: who.name, email: who.email },
  });
  return { ok: true, ics, name: `${asset.slug}-${session.id}.ics` };
}

/**
 * A session for anyone (`?session=` or the next one): the room is for registrants, so its location is the landing page
 * where a seat is taken. Same UID as the registrants' files: importing both leaves one event.
 */
export async function publicCalendar(
  db: Db,
  asset: Asset,
  origin: string,
  sessionId: number | null,
  now: number,
): Promise<IcsAnswer> {
  const session =
    sessionId !== null
      ? await sessionOfAsset(db, asset.id, sessionId)
      : await upcomingSession(db, asset.id, now);
  if (!session) return { ok: false, status: 404 };
  const ics = sessionIcs(sessionFacts(asset, session, `${origin}/p/${asset.slug}`), {
    origin,
    now: session.updatedAt || session.createdAt,
  });
  return { ok: true, ics, name: `${asset.slug}-${session.id}.ics` };
}
