// A course gate's session: which one the visitor picked, whether it still has a seat, and taking the seat.
import type { Db } from "../../env";
import type { Locale } from "../../db/schema";
import { openSessionsOfAsset, type SessionWithCount } from "../../store/course-sessions";
import { isRegisteredByEmail, registrationOf, takeSeat } from "../../store/session-registrations";
import { t } from "../../../templates/i18n";
import type { SessionOption } from "../../../templates/pages/session-picker";

export type { SessionWithCount };

export const seatsLeft = (s: SessionWithCount) =>
  s.capacity === null ? null : Math.max(0, s.capacity - s.registered);

export function sessionOptions(sessions: SessionWithCount[]): SessionOption[] {
  return sessions.map((s) => ({
    id: s.id,
    startsAt: s.startsAt,
    timezone: s.timezone,
    seatsLeft: seatsLeft(s),
  }));
}

export async function openSessions(db: Db, assetId: number, now: number) {
  return openSessionsOfAsset(db, assetId, now);
}

type Pick = { ok: true; session: SessionWithCount } | { ok: false; fields: { session: string[] } };

/**
 * The session a submission asks for. Without a choice (an API client, an old form) the next one with a seat is taken.
 * No open session, an unknown id, or a full one is refused, naming the `session` field in the page's language.
 */
export async function pickSession(
  db: Db,
  open: SessionWithCount[],
  chosen: unknown,
  who: { email: string; locale: Locale },
): Promise<Pick> {
  const locale = who.locale;
  const refuse = (key: "no_sessions" | "session_closed" | "session_required") => ({
    ok: false as const,
    fields: { session: [t(locale, key)] },
  });
  if (!open.length) return refuse("no_sessions");
  const raw = Array.isArray(chosen) ? chosen[0] : chosen;
  if (raw === undefined || raw === null || raw === "") {
    const next = open.find((s) => seatsLeft(s) !== 0);
    return next ? { ok: true, session: next } : refuse("session_closed");
  }
  const id = Number(raw);
  const session = open.find((s) => s.id === id);
  if (!session) return refuse(Number.isInteger(id) ? "session_closed" : "session_required");
  // A full session still takes back the people already in it: their double submit is harmless.
  if (seatsLeft(session) === 0 && !(await isRegisteredByEmail(db, session.id, who.email)))
    return refuse("session_closed");
  return { ok: true, session };
}

/** Takes the seat (a guarded insert: see takeSeat); a lead already holding it keeps it. False: the last seat went. */
export async function registerForSession(
  db: Db,
  sessionId: number,
  leadId: number,
  now: number,
): Promise<boolean> {
  if (await takeSeat(db, { sessionId, leadId, now })) return true;
  return (await registrationOf(db, sessionId, leadId)) !== undefined;
}
