// What a marketer sends to create or change a course session, checked and turned into stored values.
import { AppError } from "../../errors";
import type { CourseSession, SessionStatus } from "../../db/schema";
import { parseSessionStart } from "../../domain/session-start";

export interface SessionInput {
  starts_at?: string;
  time_zone?: string | null;
  duration_minutes?: number;
  join_url?: string;
  capacity?: number | null;
  status?: SessionStatus;
}

type SessionValues = Partial<
  Pick<
    CourseSession,
    "startsAt" | "timezone" | "durationMinutes" | "joinUrl" | "capacity" | "status"
  >
>;

const refuse = (field: string, message: string) =>
  new AppError("BAD_REQUEST", "Some fields are invalid", {
    details: { fields: { [field]: [message] } },
  });

/** A join link is where a registrant's browser is sent: https only, no credentials in it. */
function checkJoinUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw refuse("join_url", "Not a URL");
  }
  if (url.protocol !== "https:") throw refuse("join_url", "The join link must be https");
  if (url.username || url.password)
    throw refuse("join_url", "No user name or password in the link");
  return url.href;
}

/**
 * The stored values of an input. `current` is the session being changed (null on create); `assetTz` names the zone a
 * session without one is shown in. A new start must be in the future.
 */
export function sessionValues(
  input: SessionInput,
  current: CourseSession | null,
  assetTz: string,
  now: number,
): SessionValues {
  const out: SessionValues = {};
  const zone = input.time_zone ?? null;
  if (input.starts_at !== undefined) {
    const parsed = parseSessionStart(input.starts_at, zone);
    if (!parsed.ok) throw refuse(parsed.field, parsed.message);
    if (parsed.ms <= now) throw refuse("starts_at", "The session must start in the future");
    out.startsAt = parsed.ms;
  } else if (!current) throw refuse("starts_at", "Required");
  if (zone !== null) {
    const check = parseSessionStart("2000-01-01T00:00", zone);
    if (!check.ok) throw refuse("time_zone", check.message);
    out.timezone = zone;
  } else if (!current) out.timezone = assetTz;
  if (input.join_url !== undefined) out.joinUrl = checkJoinUrl(input.join_url);
  else if (!current) throw refuse("join_url", "Required");
  if (input.duration_minutes !== undefined) out.durationMinutes = input.duration_minutes;
  if (input.capacity !== undefined) out.capacity = input.capacity;
  if (input.status !== undefined) out.status = input.status;
  return out;
}
