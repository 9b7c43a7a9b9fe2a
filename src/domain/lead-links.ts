// The links a lead is handed: the thank-you page, a signed, expiring download link and a personal share link.
import { signLink, verifyLink } from "./signed-link";

const DOWNLOAD_TTL_SECONDS = 7 * 24 * 3600;

export interface DownloadClaims {
  l: number; // lead id
  a: number; // asset id
  s?: number; // the course session the lead registered for: the room it opens
}

/** How long after a session ends its join link still opens the room (the replay lives there). */
export const JOIN_GRACE_MS = 7 * 24 * 3600_000;

export async function downloadUrl(
  origin: string,
  secret: string,
  claims: DownloadClaims,
  nowMs: number,
  ttlSeconds = DOWNLOAD_TTL_SECONDS,
): Promise<string> {
  const token = await signLink(secret, "download", claims, Math.floor(nowMs / 1000) + ttlSeconds);
  return `${origin}/d/${token}`;
}

export function shareUrl(origin: string, referralCode: string, slug: string): string {
  return `${origin}/r/${referralCode}?to=${encodeURIComponent(slug)}`;
}

/** What a thank-you URL carries, signed: whose page it is, for which asset, and when the gate was passed. */
export interface ThanksClaims {
  a: number; // asset id
  l: number | null; // lead id; null for a submission that stored nothing (the honeypot)
  r: string | null; // the lead's referral code, for the share link
  at: number; // epoch seconds of the submission: the page and its download link expire 7 days later
  s?: number; // the course session chosen at the gate
  x?: number; // epoch seconds the page expires when a session keeps it longer than 7 days
}

/**
 * The thank-you page a browser is sent to after the gate (Post/Redirect/Get). The path is the same for every lead of
 * the asset, so an ad platform's conversion pixel or a tag manager can match it; only the signed `t` differs.
 */
export async function thanksPath(secret: string, slug: string, claims: ThanksClaims) {
  const token = await signLink(
    secret,
    "thanks",
    claims,
    claims.x ?? claims.at + DOWNLOAD_TTL_SECONDS,
  );
  return `/p/${encodeURIComponent(slug)}/thanks?t=${token}`;
}

export function verifyThanks(secret: string, token: string, nowMs: number) {
  return verifyLink<ThanksClaims>(secret, "thanks", token, nowMs);
}

/** A registrant's own calendar file for their session: ATTENDEE is them, the join link is theirs. */
export interface CalendarClaims {
  l: number; // lead id
  s: number; // session id
}

export async function registrantCalendarUrl(
  origin: string,
  secret: string,
  slug: string,
  claims: CalendarClaims,
  expSeconds: number,
): Promise<string> {
  const token = await signLink(secret, "calendar", claims, expSeconds);
  return `${origin}/p/${encodeURIComponent(slug)}/calendar.ics?t=${token}`;
}

export function verifyCalendar(secret: string, token: string, nowMs: number) {
  return verifyLink<CalendarClaims>(secret, "calendar", token, nowMs);
}

/**
 * A registrant's signed link to their session's room. Its expiry is the session's end plus the grace, whenever it is
 * signed, so every email and calendar file about one session carries the same link (and a retried email renders the same).
 */
export async function joinUrl(
  origin: string,
  secret: string,
  claims: Required<DownloadClaims>,
  session: { startsAt: number; durationMinutes: number },
): Promise<string> {
  return `${origin}/d/${await signLink(secret, "download", claims, sessionLinkExpiry(session))}`;
}

/** When a session's links stop working (epoch seconds): the thank-you page and calendar file live as long. */
export const sessionLinkExpiry = (session: { startsAt: number; durationMinutes: number }) =>
  Math.ceil((session.startsAt + session.durationMinutes * 60_000 + JOIN_GRACE_MS) / 1000);
