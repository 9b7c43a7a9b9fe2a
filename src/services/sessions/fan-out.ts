// A moved or cancelled session, walked registrant by registrant in bounded chunks on the queue.
import type { Bindings, Db } from "../../env";
import type { Outcome } from "../../errors";
import type { SendWindow } from "../../db/schema";
import type { SessionChangedMessage, SessionNotifyMessage } from "../../queue/messages";
import { batch } from "../../store/batch";
import { sessionById } from "../../store/course-sessions";
import {
  moveEnrolmentsDue,
  sessionEnrolmentsOf,
  stopSessionEnrolments,
} from "../../store/enrolments";
import { registrantsAfter } from "../../store/session-registrations";
import { stepDueAt } from "../nurture/schedule";
import { windowTimeZone } from "../nurture/lead-time-zone";

/** Registrants per message: one D1 read, one write and one sendBatch (at most 100 messages) each. */
export const CHUNK = 100;

/**
 * One chunk: reminders anchored to the session move with it (or stop, if it was cancelled), each registrant's update
 * is queued, and the next chunk follows as its own message. Running a chunk twice moves nothing further and queues
 * updates whose Idempotency-Key Resend already holds; a message for an older change than the session's is dropped.
 */
export async function walkSessionChange(
  env: Bindings,
  db: Db,
  msg: SessionChangedMessage,
  now: number,
): Promise<Outcome<{ registrants: number; moved: number }>> {
  const session = await sessionById(db, msg.sessionId);
  if (!session || session.calendarSequence !== msg.sequence)
    return { ok: true, value: { registrants: 0, moved: 0 } };
  const chunk = await registrantsAfter(db, session.id, msg.afterLeadId, CHUNK);
  const leadIds = chunk.map((r) => r.leadId);
  let moved = 0;
  if (leadIds.length && session.status === "cancelled") {
    await batch(db, [stopSessionEnrolments(session.id, leadIds, now)]);
  } else if (leadIds.length) {
    const waiting = await sessionEnrolmentsOf(db, session.id, leadIds);
    const moves = waiting
      .filter((e) => e.anchor === "session_start")
      .map((e) => {
        const window = e.sendWindow ? (JSON.parse(e.sendWindow) as SendWindow) : null;
        const due = stepDueAt(
          { anchor: e.anchor, delayMinutes: e.delayMinutes, sendWindow: window },
          {
            startedAt: e.startedAt,
            sessionStartsAt: session.startsAt,
            timeZone: windowTimeZone(window?.timezone ?? "asset", e.country, e.assetTz),
          },
        );
        return { e: e.id, d: due ?? now };
      });
    if (moves.length) await batch(db, [moveEnrolmentsDue(moves, now)]);
    moved = moves.length;
  }
  const notices = chunk
    .filter((r) => !r.erased)
    .map((r) => {
      const body: SessionNotifyMessage = {
        type: "session.notify",
        sessionId: session.id,
        leadId: r.leadId,
        sequence: msg.sequence,
      };
      return { body };
    });
  if (notices.length) await env.JOBS.sendBatch(notices);
  if (chunk.length === CHUNK)
    await env.JOBS.send({ ...msg, afterLeadId: leadIds[leadIds.length - 1]! });
  return { ok: true, value: { registrants: chunk.length, moved } };
}
