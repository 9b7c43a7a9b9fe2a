// Importing a session's attendance export: registrants in the file attended, the rest were no-shows; attendance scores.
import type { Db } from "../../env";
import { AppError } from "../../errors";
import type { ScoreEventMessage } from "../../queue/messages";
import type { AttendanceFormat } from "../../domain/attendance/formats";
import { parseAttendance } from "../../domain/attendance/parse";
import { decodeExport } from "../../domain/ad-exports/decode";
import { markAttendance, registrantEmails } from "../../store/session-registrations";
import { getSession } from "./manage-sessions";

export interface AttendanceReport {
  format: AttendanceFormat;
  /** Registrants found in the file. */
  matched: number;
  /** Addresses in the file with no registration for this session (walk-ins, colleagues of registrants). */
  unmatched: string[];
  attended: number;
  no_shows: number;
  /** Registrants whose mark this import changed; 0 for the same file again. */
  changed: number;
}

const bad = (message: string) =>
  new AppError("BAD_REQUEST", message, { details: { fields: { file: [message] } } });

export async function importAttendance(
  deps: { db: Db; jobs: Queue },
  assetId: number,
  sessionId: number,
  bytes: Uint8Array,
  now: number,
): Promise<AttendanceReport> {
  const session = await getSession(deps.db, assetId, sessionId);
  if (session.startsAt > now)
    throw new AppError("CONFLICT", "The session has not started: import its attendance afterwards");
  if (!bytes.length) throw bad("The file is empty");
  const decoded = decodeExport(bytes);
  if (!decoded.ok) throw bad(decoded.reason);
  const parsed = parseAttendance(decoded.text);
  if (!parsed.ok) throw bad(parsed.message);
  const { attendees, format } = parsed.value;

  const registrants = await registrantEmails(deps.db, sessionId);
  const registered = new Set(registrants.map((r) => r.email));
  const marks = registrants.map((r) =>
    attendees.has(r.email)
      ? { l: r.leadId, m: "attended" as const, min: attendees.get(r.email) ?? null }
      : { l: r.leadId, m: "no_show" as const, min: null },
  );
  // The mark only changes once, so only a newly attended registrant is scored: a re-import adds no points.
  const changedBefore = registrants.filter((r, i) => r.attendance !== marks[i]!.m).length;
  const newlyAttended = await markAttendance(deps.db, { sessionId, assetId }, marks, now);
  const scoring: { body: ScoreEventMessage }[] = newlyAttended.map((leadId) => ({
    body: {
      type: "score.event",
      leadId,
      event: {
        type: "session_attended",
        at: now,
        data: { asset_id: assetId, session_id: sessionId },
      },
    },
  }));
  for (let i = 0; i < scoring.length; i += 100)
    await deps.jobs.sendBatch(scoring.slice(i, i + 100));

  const attended = marks.filter((m) => m.m === "attended").length;
  return {
    format,
    matched: attended,
    unmatched: [...attendees.keys()].filter((e) => !registered.has(e)).slice(0, 1000),
    attended,
    no_shows: marks.length - attended,
    changed: changedBefore,
  };
}
